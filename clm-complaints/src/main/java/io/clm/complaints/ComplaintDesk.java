package io.clm.complaints;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginFailureException;
import io.clm.api.ValidationException;
import io.clm.api.complaints.TicketStore;
import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.CalendarCoverageException;
import io.clm.api.complaints.Classification;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.CustomerDirectory;
import io.clm.api.complaints.Order;
import io.clm.api.complaints.OrderBook;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.RoutingRule;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.StopTheClockNotAllowedException;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The complaint desk: takes complaints in from every channel, identifies the customer, links the
 * order, classifies, routes, tracks SLA deadlines on a business calendar, records resolutions and
 * the customer's answer, keeps each customer's complaint appendix and a full audit trail, and feeds
 * {@link ComplaintOpened} / {@link ComplaintResolved} events to the lifecycle engine.
 *
 * <p>Tickets live in a {@link io.clm.api.complaints.TicketStore} ({@link InMemoryTicketStore} by
 * default). Each ticket operation is a command run by one template: load the ticket, check the
 * time and move the clock, check the move and ask the workflow, apply, audit, reschedule the SLA
 * clock, then save the ticket, the customer's file, the desk clock and the lifecycle events in one
 * change; the events then leave through the store's outbox, at least once. A desk built over a
 * store that holds tickets carries on where the last one stopped.
 *
 * <p>Every operation takes the actor, the time and (where it is a judgement) the reason, and records
 * them in the ticket's audit trail. An operation checks everything first and then changes the
 * ticket, so a refused operation ({@link IllegalTransitionException} for a move the workflow
 * forbids, {@link ValidationException} for bad input) leaves the ticket exactly as it was. No ticket
 * is ever removed.
 *
 * <p>The workflow and the classification and routing rules are called before anything changes. One
 * that throws, returns null (or a null state, rule or blank assignee) gives a {@link
 * PluginFailureException} naming it (id and class) and the ticket (with the masked customer when
 * known), and the ticket stays exactly as it was: same state, audit trail, deadlines; {@link #open}
 * then opens no ticket.
 *
 * <p>Time: the desk has a clock. {@link #advanceTo} moves it and emits every SLA warning, breach,
 * lapse and escalation that falls due, exactly once, in deadline order; it touches only the tickets
 * that are due (a deadline-ordered index). Every operation first advances the clock to its own
 * time; an operation dated before the clock, or too far after the wall clock, is refused.
 *
 * <p>Thread-safe: operations are serialised on the desk.
 */
@Experimental
public final class ComplaintDesk {

  private final Desk desk;

  private ComplaintDesk(Builder b) {
    this.desk = new Desk(b);
  }

  /**
   * Starts configuring a desk.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Finds a workflow by id in the one plugin registry ({@link Clm#plugins()}: the thread's context
   * class loader, with clm-core at run time), like every other plugin.
   *
   * @param id the workflow id, such as {@code uk-fca-disp}
   * @return the workflow
   * @throws PluginConfigurationException if no workflow has the id (the message lists the known
   *     ids and their jars), or two plugins share it
   */
  public static ComplaintWorkflow findWorkflow(String id) {
    Objects.requireNonNull(id, "id");
    return Clm.plugins().get(ComplaintWorkflow.class, id);
  }

  /**
   * Finds a workflow by id among the plugins a class loader sees (a plugin directory of its own).
   *
   * @param id the workflow id
   * @param loader the class loader to search
   * @return the workflow
   * @throws PluginConfigurationException as {@link #findWorkflow(String)}
   */
  public static ComplaintWorkflow findWorkflow(String id, ClassLoader loader) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(loader, "loader");
    return Clm.plugins(loader).get(ComplaintWorkflow.class, id);
  }

  /**
   * The desk's workflow.
   *
   * @return the workflow
   */
  public ComplaintWorkflow workflow() {
    return desk.workflow();
  }

  /**
   * The desk's clock.
   *
   * @return the time the clock was last advanced to
   */
  public Instant now() {
    return desk.now();
  }

  /**
   * What the agent sees when a number calls: the customer, their recent orders and how their recent
   * complaints were handled.
   *
   * @param callerPhone the calling number
   * @return the view; with an empty customer when the number is unknown
   */
  public CallerView identifyCaller(String callerPhone) {
    return desk.identifyCaller(callerPhone);
  }

  /**
   * What the agent sees for a known customer.
   *
   * @param customer the customer
   * @return the view
   */
  public CallerView viewOf(CustomerId customer) {
    return desk.viewOf(customer);
  }

  /**
   * Opens a ticket. A call is matched to a customer through the customer directory; when the
   * customer cannot be identified the ticket is flagged {@link ComplaintFlag#UNIDENTIFIED_CUSTOMER}
   * and kept. A named order is looked up; an unknown one is flagged {@link
   * ComplaintFlag#UNKNOWN_ORDER} and kept; so is a complaint whose lookups fail (the failure's
   * class is recorded in the audit trail). The SLA clocks start at the receipt time under the
   * workflow's policy for a normal complaint of the intake's category. A complaint is never
   * refused for want of a calendar year: the deadline is left out and the ticket flagged {@link
   * ComplaintFlag#CALENDAR_INCOMPLETE}. The receipt time may lie before the desk clock (a letter
   * registered late): deadlines already past fall due at the next clock step, at their own time.
   *
   * @param intake the complaint as received
   * @param actor who records it
   * @return the new ticket
   * @throws ValidationException if the actor is blank
   */
  public Complaint open(Intake intake, String actor) {
    return desk.open(intake, actor);
  }

  /**
   * Identifies the customer of a flagged ticket, clearing {@link ComplaintFlag#UNIDENTIFIED_CUSTOMER}.
   *
   * @param ticketId the ticket
   * @param customer the customer
   * @param actor who identified them
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the ticket's customer is already known
   */
  public Complaint identifyCustomer(String ticketId, CustomerId customer, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new IdentifyCustomerCommand(customer, actor, at));
  }

  /**
   * Links the order a complaint names, by number (seed 002 step 2). An unknown number, or an order
   * of another customer, keeps the ticket and flags it {@link ComplaintFlag#UNKNOWN_ORDER}.
   *
   * @param ticketId the ticket
   * @param orderNumber the order number
   * @param actor who links it
   * @param at when
   * @return the ticket
   * @throws ValidationException if the number is blank
   */
  public Complaint linkOrder(String ticketId, String orderNumber, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new LinkOrderCommand(orderNumber, actor, at));
  }

  /**
   * Acknowledges the complaint to the customer: the first response. Stops the first-response clock
   * and starts the next-response clock if the policy has one.
   *
   * @param ticketId the ticket
   * @param actor who acknowledged
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the workflow forbids the move
   * @throws CalendarCoverageException if the next-response deadline needs an uncovered year
   */
  public Complaint acknowledge(String ticketId, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new AcknowledgeCommand(actor, at));
  }

  /**
   * Classifies the complaint by the rules (the desk's, then the workflow's; the first that fires
   * decides, recorded with its id). The SLA policy for the class replaces the provisional one, with
   * deadlines still counted from receipt. Emits {@link ComplaintOpened} when the customer is known.
   *
   * @param ticketId the ticket
   * @param actor who triggered it (usually {@code system})
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the workflow forbids the move
   * @throws CalendarCoverageException if a new deadline needs an uncovered year
   */
  public Complaint classify(String ticketId, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new ClassifyCommand(actor, at));
  }

  /**
   * Routes the complaint by the routing rules (the desk's, then the workflow's; first match), or to
   * the workflow's default assignee. The assignee becomes a department to remind when the customer
   * does business again.
   *
   * @param ticketId the ticket
   * @param actor who triggered it
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the workflow forbids the move
   */
  public Complaint assign(String ticketId, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new AssignCommand(actor, at));
  }

  /**
   * Hands the complaint to someone else; recorded with the reason. The state does not change.
   *
   * @param ticketId the ticket
   * @param assignee the new assignee
   * @param actor who re-assigned
   * @param reason why
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the ticket is not open or has the same assignee
   */
  public Complaint reassign(String ticketId, String assignee, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new ReassignCommand(assignee, actor, reason, at));
  }

  /**
   * Starts work on the complaint.
   *
   * @param ticketId the ticket
   * @param actor who started
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the workflow forbids the move
   */
  public Complaint start(String ticketId, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new StartCommand(actor, at));
  }

  /**
   * Escalates the complaint by hand (SLA escalations are events, see {@link #advanceTo}).
   *
   * @param ticketId the ticket
   * @param actor who escalated
   * @param reason why
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the workflow forbids the move
   */
  public Complaint escalate(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new EscalateCommand(actor, reason, at));
  }

  /**
   * Records a further response to the customer while the complaint is open; restarts the
   * next-response clock.
   *
   * @param ticketId the ticket
   * @param actor who responded
   * @param note what was said
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the ticket is not open or not yet acknowledged
   */
  public Complaint respond(String ticketId, String actor, String note, Instant at) {
    return desk.execute(ticketId, actor, at, new RespondCommand(actor, note, at));
  }

  /**
   * Pauses the SLA clocks while the bank waits on a third party, where the policy's rule provides a
   * stop-the-clock (the Chinese rules: external appraisal, testing or assessment is not counted;
   * a bank's internal policy). Warnings and breaches do not fall due while paused; on resume every
   * running deadline moves by exactly the time paused, measured in its own unit.
   *
   * @param ticketId the ticket
   * @param actor who paused
   * @param reason why (waiting for documents, external appraisal)
   * @param at when
   * @return the ticket
   * @throws StopTheClockNotAllowedException if the ticket's policy has no stop-the-clock rule
   * @throws IllegalTransitionException if the ticket is not open or already paused
   */
  public Complaint pause(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new PauseCommand(actor, reason, at));
  }

  /**
   * Resumes paused SLA clocks, moving each running deadline by the time paused in its own unit.
   *
   * @param ticketId the ticket
   * @param actor who resumed
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the ticket is not paused
   * @throws CalendarCoverageException if a moved deadline needs an uncovered year
   */
  public Complaint resume(String ticketId, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new ResumeCommand(actor, at));
  }

  /**
   * Moves the resolution deadline to the policy's next extension (a holding reply under PSD2 or FCA
   * DISP 1.6.2A; an approved extension under the Chinese rules). Only before the deadline.
   *
   * @param ticketId the ticket
   * @param actor who extended (the approver)
   * @param reason why
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the policy has no further extension, the deadline was
   *     already breached, or no resolution deadline is running
   * @throws CalendarCoverageException if the new deadline needs an uncovered year
   */
  public Complaint extend(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new ExtendCommand(actor, reason, at));
  }

  /**
   * Resolves the complaint (seed 002 step 5): the correction, any compensation and the root cause.
   * Stops the resolution and next-response clocks (and a pause).
   *
   * @param ticketId the ticket
   * @param resolution what was done
   * @param actor who resolved
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the workflow forbids the move
   */
  public Complaint resolve(String ticketId, Resolution resolution, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new ResolveCommand(resolution, actor, at));
  }

  /**
   * Records that the customer accepted the resolution, and closes the ticket. Emits {@link
   * ComplaintResolved} with {@code accepted = true}.
   *
   * @param ticketId the ticket
   * @param actor who recorded it
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the ticket is not resolved, or the customer already answered
   */
  public Complaint accept(String ticketId, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new AcceptCommand(actor, at));
  }

  /**
   * Records that the customer rejected the resolution. The ticket stays resolved, to be reopened or
   * closed. Emits {@link ComplaintResolved} with {@code accepted = false}.
   *
   * @param ticketId the ticket
   * @param actor who recorded it
   * @param reason what the customer said
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the ticket is not resolved, or the customer already answered
   */
  public Complaint reject(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new RejectCommand(actor, reason, at));
  }

  /**
   * Closes a resolved ticket (the customer rejected, or did not answer).
   *
   * @param ticketId the ticket
   * @param actor who closed it
   * @param reason why
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the workflow forbids the move
   */
  public Complaint close(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new CloseCommand(actor, reason, at));
  }

  /**
   * Reopens a resolved or closed ticket: a new resolution deadline runs from now. Emits a new
   * {@link ComplaintOpened} (after a {@link ComplaintResolved} if the last cycle had none).
   *
   * @param ticketId the ticket
   * @param actor who reopened
   * @param reason why
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the workflow forbids the move
   * @throws CalendarCoverageException if the new deadline needs an uncovered year
   */
  public Complaint reopen(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new ReopenCommand(actor, reason, at));
  }

  /**
   * Records that the customer withdrew the complaint. Stops every clock. Emits {@link
   * ComplaintResolved} with {@code accepted = false} if an opening was emitted.
   *
   * @param ticketId the ticket
   * @param actor who recorded it
   * @param reason what the customer said
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the workflow forbids the move
   */
  public Complaint withdraw(String ticketId, String actor, String reason, Instant at) {
    return desk.execute(ticketId, actor, at, new WithdrawCommand(actor, reason, at));
  }

  /**
   * Notes a preference learned while handling a complaint (seed 002: 期间发现的客户偏好也应记录下来).
   *
   * @param ticketId the ticket
   * @param preference the preference, in the agent's words
   * @param actor who noted it
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the ticket's customer is not identified
   */
  public Complaint notePreference(String ticketId, String preference, String actor, Instant at) {
    return desk.execute(ticketId, actor, at, new NotePreferenceCommand(preference, actor, at));
  }

  /**
   * Registers a department to be reminded when the customer does business again.
   *
   * @param customer the customer
   * @param department the department
   */
  public void watch(CustomerId customer, String department) {
    desk.watch(customer, department);
  }

  /**
   * The customer does business again: every registered department gets a reminder of the
   * customer's complaints and preferences, sent to the reminder sink and returned.
   *
   * @param customer the customer
   * @param at when
   * @return the reminders, by department name; empty if the customer never complained
   */
  public List<Reminder> customerReturned(CustomerId customer, Instant at) {
    return desk.customerReturned(customer, at);
  }

  /**
   * The customer's complaint appendix.
   *
   * @param customer the customer
   * @return the appendix; empty lists if the customer never complained
   */
  public ComplaintAppendix appendix(CustomerId customer) {
    return desk.appendix(customer);
  }

  /**
   * Erases a customer's complaint data on request, keeping the record the regulator requires (see
   * docs/complaints.md for what each profile keeps and for how long): every ticket of the customer
   * loses the customer, the content, the order, the amount at stake, the resolution's wording and
   * the reasons in its audit trail, and is flagged {@link ComplaintFlag#ERASED}; dates, category,
   * states, classification, deadlines, SLA outcomes, root cause and who did what stay. The
   * customer's file (preferences, departments) is removed. All in one change.
   *
   * @param customer the customer
   * @param actor who erased (the request's handler)
   * @param at when
   * @return the ids of the tickets erased
   * @throws IllegalTransitionException if a complaint of the customer is still open
   * @throws ValidationException if the actor is blank or the time is before the desk clock or too
   *     far in the future
   */
  public List<String> erase(CustomerId customer, String actor, Instant at) {
    return desk.erase(customer, actor, at);
  }

  /**
   * A ticket.
   *
   * @param ticketId the id
   * @return the ticket
   * @throws ValidationException if no ticket has the id
   */
  public Complaint get(String ticketId) {
    return desk.get(ticketId);
  }

  /**
   * How many lifecycle events wait in the store's outbox (a sink that failed leaves them there;
   * every operation and {@link #deliverEvents} tries again).
   *
   * @return the number of pending events, up to 10,000
   */
  public int pendingEvents() {
    return desk.pendingEvents();
  }

  /**
   * Sends the lifecycle events waiting in the outbox to the sink, oldest first, stopping at the
   * first the sink refuses; each delivered event is marked delivered in the store.
   *
   * @return how many were delivered
   */
  public int deliverEvents() {
    return desk.deliverEvents();
  }

  /**
   * How many tickets the desk holds (none is ever removed).
   *
   * @return the count
   */
  public int size() {
    return desk.size();
  }

  /**
   * Every ticket, in the order they were opened.
   *
   * @return the tickets
   */
  public List<Complaint> all() {
    return desk.all();
  }

  /**
   * The management report as of the desk clock.
   *
   * @return the report
   */
  public ComplaintReport report() {
    return desk.report();
  }

  /**
   * Moves the clock and emits, in deadline order, every warning, breach and escalation due at or
   * before {@code until}: each exactly once, to the SLA sink and in the returned list. Touches only
   * the tickets that are due. Advancing in several steps emits exactly the events of one big step.
   *
   * @param until the new time
   * @return the events emitted
   * @throws ValidationException if {@code until} is before the clock
   */
  public List<SlaEvent> advanceTo(Instant until) {
    return desk.advanceTo(until);
  }

  /** Builds a {@link ComplaintDesk}. Workflow and calendar are required; each setter once. */
  public static final class Builder {
    ComplaintWorkflow workflow;
    BusinessCalendar calendar;
    CustomerDirectory directory = phone -> Optional.empty();
    OrderBook orders = new OrderBook() {
      @Override
      public Optional<Order> findOrder(String number) {
        return Optional.empty();
      }

      @Override
      public List<Order> recentOrders(CustomerId customer, int limit) {
        return List.of();
      }
    };
    List<ClassificationRule> classificationRules = List.of();
    List<RoutingRule> routingRules = List.of();
    Consumer<Event> events = e -> { };
    Consumer<SlaEvent> slaEvents = e -> { };
    Consumer<Reminder> reminders = r -> { };
    String prefix = "C-";
    Instant start = Instant.EPOCH;
    TicketStore store;
    Clock wallClock = Clock.systemUTC();
    Duration futureTolerance = Duration.ofDays(1);
    private final Set<String> set = new HashSet<>();

    private Builder() {}

    private void once(String field) {
      if (!set.add(field)) {
        throw new IllegalStateException(field + " was already set");
      }
    }

    /**
     * The workflow (a regulatory profile or your own).
     *
     * @param value the workflow
     * @return this builder
     */
    public Builder workflow(ComplaintWorkflow value) {
      once("workflow");
      workflow = Objects.requireNonNull(value, "workflow");
      return this;
    }

    /**
     * The business calendar deadlines are counted on.
     *
     * @param value the calendar
     * @return this builder
     */
    public Builder calendar(BusinessCalendar value) {
      once("calendar");
      calendar = Objects.requireNonNull(value, "calendar");
      return this;
    }

    /**
     * Finds customers by calling number. Without one no caller is identified.
     *
     * @param value the directory
     * @return this builder
     */
    public Builder customerDirectory(CustomerDirectory value) {
      once("customerDirectory");
      directory = Objects.requireNonNull(value, "customerDirectory");
      return this;
    }

    /**
     * Finds orders. Without one every order number is unknown.
     *
     * @param value the order book
     * @return this builder
     */
    public Builder orderBook(OrderBook value) {
      once("orderBook");
      orders = Objects.requireNonNull(value, "orderBook");
      return this;
    }

    /**
     * Classification rules tried before the workflow's own.
     *
     * @param rules the rules, in order
     * @return this builder
     */
    public Builder classificationRules(List<ClassificationRule> rules) {
      once("classificationRules");
      classificationRules = List.copyOf(rules);
      return this;
    }

    /**
     * Routing rules tried before the workflow's own.
     *
     * @param rules the rules, in order
     * @return this builder
     */
    public Builder routingRules(List<RoutingRule> rules) {
      once("routingRules");
      routingRules = List.copyOf(rules);
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
    public Builder events(Consumer<Event> sink) {
      once("events");
      events = Objects.requireNonNull(sink, "events");
      return this;
    }

    /**
     * Where SLA events go (they are also returned by {@link ComplaintDesk#advanceTo}).
     *
     * @param sink the sink
     * @return this builder
     */
    public Builder slaEvents(Consumer<SlaEvent> sink) {
      once("slaEvents");
      slaEvents = Objects.requireNonNull(sink, "slaEvents");
      return this;
    }

    /**
     * Where reminders to departments go.
     *
     * @param sink the sink
     * @return this builder
     */
    public Builder reminders(Consumer<Reminder> sink) {
      once("reminders");
      reminders = Objects.requireNonNull(sink, "reminders");
      return this;
    }

    /**
     * The prefix of ticket ids ({@code C-} by default: C-1, C-2, ...).
     *
     * @param value the prefix; 1 to 16 characters, no whitespace or slash
     * @return this builder
     * @throws ValidationException if malformed
     */
    public Builder ticketPrefix(String value) {
      once("ticketPrefix");
      Objects.requireNonNull(value, "ticketPrefix");
      if (value.isEmpty() || value.length() > 16 || !value.matches("[^\\s/]+")) {
        throw new ValidationException("ticket prefix '" + value + "' is not 1 to 16 characters without spaces or slashes");
      }
      prefix = value;
      return this;
    }

    /**
     * The clock's starting time ({@link Instant#EPOCH} by default).
     *
     * @param value the time
     * @return this builder
     */
    public Builder startAt(Instant value) {
      once("startAt");
      start = Objects.requireNonNull(value, "startAt");
      return this;
    }

    /**
     * Where tickets live (a new {@link InMemoryTicketStore} by default). A desk built over a store
     * that already holds tickets carries on where the last desk stopped: same numbering, same
     * clock, the open tickets' alarms scheduled again, and the outbox delivered.
     *
     * @param value the store
     * @return this builder
     */
    public Builder ticketStore(TicketStore value) {
      once("ticketStore");
      store = Objects.requireNonNull(value, "ticketStore");
      return this;
    }

    /**
     * The wall clock that intake and operation times are checked against ({@link
     * Clock#systemUTC()} by default).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder wallClock(Clock value) {
      once("wallClock");
      wallClock = Objects.requireNonNull(value, "wallClock");
      return this;
    }

    /**
     * How far after the wall clock an intake or operation may be dated (one day by default): a
     * mistyped year (2099) is refused rather than moving the desk clock there.
     *
     * @param value the tolerance; zero or more
     * @return this builder
     * @throws ValidationException if negative
     */
    public Builder futureTolerance(Duration value) {
      once("futureTolerance");
      Objects.requireNonNull(value, "futureTolerance");
      if (value.isNegative()) {
        throw new ValidationException("future tolerance " + value + " is negative");
      }
      futureTolerance = value;
      return this;
    }

    /**
     * Builds the desk.
     *
     * @return the desk
     * @throws IllegalStateException if the workflow or the calendar is missing
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
      if (store == null) {
        store = new InMemoryTicketStore();
      }
      return new ComplaintDesk(this);
    }
  }
}
