package io.clm.api.complaints;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginFailureException;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.event.Event;
import io.clm.api.spi.ComplaintDeskConfig;
import io.clm.api.spi.ComplaintDeskProvider;
import io.clm.api.spi.PluginCalls;
import io.clm.api.spi.PluginRules;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Configures a {@link ComplaintDesk}: the main profile's workflow and calendar are required, more
 * profiles may be added; each other setter once. The implementation is found with {@link
 * ServiceLoader} (clm-complaints), as the engine is.
 */
@Experimental
public final class ComplaintDeskBuilder {
  private ComplaintWorkflow workflow;
  private SlaCalendar calendar;
  private CustomerDirectory directory = phone -> Optional.empty();
  private OrderBook orders = new OrderBook() {
    @Override
    public Optional<Order> findOrder(String number) {
      return Optional.empty();
    }

    @Override
    public List<Order> recentOrders(CustomerId customer, int limit) {
      return List.of();
    }
  };
  private List<ClassificationRule> classificationRules = List.of();
  private List<RoutingRule> routingRules = List.of();
  private Consumer<Event> events = e -> { };
  private Consumer<SlaEvent> slaEvents = e -> { };
  private Consumer<Reminder> reminders = r -> { };
  private String prefix = "C-";
  private Instant start = Instant.EPOCH;
  private TicketStore store;
  private Clock wallClock = Clock.systemUTC();
  private Duration futureTolerance = Clm.Builder.DEFAULT_FUTURE_TOLERANCE;
  private final Set<String> set = new HashSet<>();
  private final List<ComplaintDeskConfig.Profile> profiles = new ArrayList<>();

  /** The longest ticket prefix, in characters. */
  private static final int MAX_PREFIX = 16;

  ComplaintDeskBuilder() {}

  private void once(String field) {
    if (!set.add(field)) {
      throw new IllegalStateException(field + " was already set");
    }
  }

  /**
   * The workflow of the desk's main profile (a regulatory profile or your own); the profile is
   * named by the workflow's id.
   *
   * @param value the workflow
   * @return this builder
   */
  public ComplaintDeskBuilder workflow(ComplaintWorkflow value) {
    Objects.requireNonNull(value, "workflow");
    once("workflow");
    workflow = value;
    return this;
  }

  /**
   * The calendar the main profile's deadlines are counted on.
   *
   * @param value the calendar
   * @return this builder
   */
  public ComplaintDeskBuilder calendar(SlaCalendar value) {
    Objects.requireNonNull(value, "calendar");
    once("calendar");
    calendar = value;
    return this;
  }

  /**
   * Adds a profile: another workflow, or the same workflow on another calendar (one per regulator
   * or jurisdiction). An {@link Intake} names it with {@link Intake#withProfile}; its tickets are
   * numbered {@code <prefix><name>-<n>} (C-ie-7), the main profile's {@code <prefix><n>}.
   *
   * @param name the profile's name: lowercase letters, digits and hyphens in dot-separated parts
   *     (the plugin-id rule); not the main profile's name
   * @param workflow the workflow
   * @param calendar the calendar its deadlines are counted on
   * @return this builder
   * @throws ValidationException if the name is malformed
   * @throws IllegalStateException if a profile of that name was added already
   */
  public ComplaintDeskBuilder profile(String name, ComplaintWorkflow workflow, SlaCalendar calendar) {
    Objects.requireNonNull(name, "name");
    PluginRules.idProblem(name).ifPresent(problem -> {
      throw new ValidationException("profile " + problem);
    });
    for (ComplaintDeskConfig.Profile p : profiles) {
      if (p.name().equals(name)) {
        throw new IllegalStateException("profile '" + name + "' was already added");
      }
    }
    profiles.add(new ComplaintDeskConfig.Profile(name, workflow, calendar));
    return this;
  }

  /**
   * Finds customers by calling number. Without one no caller is identified.
   *
   * @param value the directory
   * @return this builder
   */
  public ComplaintDeskBuilder customerDirectory(CustomerDirectory value) {
    Objects.requireNonNull(value, "customerDirectory");
    once("customerDirectory");
    directory = value;
    return this;
  }

  /**
   * Finds orders. Without one every order number is unknown.
   *
   * @param value the order book
   * @return this builder
   */
  public ComplaintDeskBuilder orderBook(OrderBook value) {
    Objects.requireNonNull(value, "orderBook");
    once("orderBook");
    orders = value;
    return this;
  }

  /**
   * Classification rules tried before the workflow's own.
   *
   * @param rules the rules, in order
   * @return this builder
   */
  public ComplaintDeskBuilder classificationRules(List<ClassificationRule> rules) {
    List<ClassificationRule> copy = List.copyOf(rules);
    once("classificationRules");
    classificationRules = copy;
    return this;
  }

  /**
   * Routing rules tried before the workflow's own.
   *
   * @param rules the rules, in order
   * @return this builder
   */
  public ComplaintDeskBuilder routingRules(List<RoutingRule> rules) {
    List<RoutingRule> copy = List.copyOf(rules);
    once("routingRules");
    routingRules = copy;
    return this;
  }

  /**
   * Where lifecycle events go, typically {@code engine::ingest}. An event is first saved in the
   * ticket store's outbox together with the change it reports, then delivered: a sink that throws
   * leaves it (and those after it) in the outbox, and the next operation or {@link
   * ComplaintDesk#deliverEvents} sends it again. Delivery is at least once, in order; event ids
   * are stable, so the engine's idempotency drops a repeat.
   *
   * @param sink the sink
   * @return this builder
   */
  public ComplaintDeskBuilder events(Consumer<Event> sink) {
    Objects.requireNonNull(sink, "events");
    once("events");
    events = sink;
    return this;
  }

  /**
   * Where SLA events go (they are also returned by {@link ComplaintDesk#advanceTo}).
   *
   * @param sink the sink
   * @return this builder
   */
  public ComplaintDeskBuilder slaEvents(Consumer<SlaEvent> sink) {
    Objects.requireNonNull(sink, "slaEvents");
    once("slaEvents");
    slaEvents = sink;
    return this;
  }

  /**
   * Where reminders to departments go.
   *
   * @param sink the sink
   * @return this builder
   */
  public ComplaintDeskBuilder reminders(Consumer<Reminder> sink) {
    Objects.requireNonNull(sink, "reminders");
    once("reminders");
    reminders = sink;
    return this;
  }

  /**
   * The prefix of ticket ids ({@code C-} by default: C-1, C-2, ...).
   *
   * @param value the prefix; 1 to 16 characters, no whitespace, slash or control character
   * @return this builder
   * @throws ValidationException if malformed
   */
  public ComplaintDeskBuilder ticketPrefix(String value) {
    Objects.requireNonNull(value, "ticketPrefix");
    // TextRules refuses control characters and lone surrogates; the pattern, any Unicode space
    if (TextRules.problem(value, MAX_PREFIX) != null || !value.matches("(?U)[^\\s/]+")) {
      throw new ValidationException("ticket prefix " + TextRules.excerpt(value)
          + " is not 1 to " + MAX_PREFIX + " characters without spaces, slashes or control characters");
    }
    once("ticketPrefix");
    prefix = value;
    return this;
  }

  /**
   * The clock's starting time ({@link Instant#EPOCH} by default).
   *
   * @param value the time
   * @return this builder
   */
  public ComplaintDeskBuilder startAt(Instant value) {
    Objects.requireNonNull(value, "startAt");
    once("startAt");
    start = value;
    return this;
  }

  /**
   * Where tickets live (a new in-memory store by default). A desk built over a store
   * that already holds tickets carries on where the last desk stopped: same numbering, same
   * clock, the open tickets' alarms scheduled again, and the outbox delivered.
   *
   * @param value the store
   * @return this builder
   */
  public ComplaintDeskBuilder ticketStore(TicketStore value) {
    Objects.requireNonNull(value, "ticketStore");
    once("ticketStore");
    store = value;
    return this;
  }

  /**
   * The wall clock that intake and operation times are checked against ({@link
   * Clock#systemUTC()} by default).
   *
   * @param value the clock
   * @return this builder
   */
  public ComplaintDeskBuilder wallClock(Clock value) {
    Objects.requireNonNull(value, "wallClock");
    once("wallClock");
    wallClock = value;
    return this;
  }

  /**
   * How far after the wall clock an intake or operation may be dated ({@link
   * Clm.Builder#DEFAULT_FUTURE_TOLERANCE}, 5 minutes, by default): a mistyped year (2099) is
   * refused rather than moving the desk clock there. The desk's lifecycle events bear the dates of
   * its intakes and operations; an engine refuses an event dated further past its clock than its
   * own {@link Clm.Builder#futureTolerance}, and such an event waits in the desk's outbox until
   * the engine's clock catches up. So keep this tolerance no longer than the engine's.
   *
   * @param value the tolerance; zero to {@link Clm.Builder#MAX_DURATION}, as for an engine
   * @return this builder
   * @throws ValidationException if negative or longer than {@link Clm.Builder#MAX_DURATION}
   */
  public ComplaintDeskBuilder futureTolerance(Duration value) {
    Objects.requireNonNull(value, "futureTolerance");
    if (value.isNegative()) {
      throw new ValidationException("future tolerance " + value + " is negative");
    }
    if (value.compareTo(Clm.Builder.MAX_DURATION) > 0) {
      throw new ValidationException(
          "future tolerance " + value + " is longer than " + Clm.Builder.MAX_DURATION.toDays() + " days");
    }
    once("futureTolerance");
    futureTolerance = value;
    return this;
  }

  /**
   * Builds the desk.
   *
   * @return the desk
   * @throws IllegalStateException if the workflow or the calendar is missing, or an added profile
   *     has the main profile's name
   * @throws PluginConfigurationException if no or several desk implementations are present
   * @throws PluginFailureException if the workflow's rules cannot be read (it throws, or returns
   *     null or a null rule)
   */
  public ComplaintDesk build() {
    if (workflow == null) {
      throw new IllegalStateException("workflow is required");
    }
    if (calendar == null) {
      throw new IllegalStateException("calendar is required");
    }
    String main = PluginCalls.call(workflow, "complaint desk", "id", ComplaintWorkflow::id);
    List<ComplaintDeskConfig.Profile> all = new ArrayList<>();
    all.add(new ComplaintDeskConfig.Profile(main, workflow, calendar));
    for (ComplaintDeskConfig.Profile p : profiles) {
      if (p.name().equals(main)) {
        throw new IllegalStateException("profile '" + main + "' is the main profile's name (its workflow's id)");
      }
      all.add(p);
    }
    ComplaintDeskConfig config = new ComplaintDeskConfig(all, directory, orders, classificationRules, routingRules,
        events, slaEvents, reminders, prefix, start, Optional.ofNullable(store), wallClock, futureTolerance);
    return provider().desk(config);
  }

  private static ComplaintDeskProvider provider() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    ClassLoader loader = context != null ? context : ComplaintDeskBuilder.class.getClassLoader();
    List<ComplaintDeskProvider> found = new ArrayList<>();
    try {
      for (ComplaintDeskProvider p : ServiceLoader.load(ComplaintDeskProvider.class, loader)) {
        found.add(p);
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginConfigurationException("the complaint desk implementation could not be loaded: " + e.getMessage(), e);
    }
    if (found.isEmpty()) {
      throw new PluginConfigurationException(
          "no complaint desk implementation found: add io.clm:clm-complaints to the class path or module path");
    }
    if (found.size() > 1) {
      List<String> names = new ArrayList<>();
      found.forEach(p -> names.add(p.getClass().getName()));
      throw new PluginConfigurationException("several complaint desk implementations found, keep exactly one: " + names);
    }
    return found.get(0);
  }
}
