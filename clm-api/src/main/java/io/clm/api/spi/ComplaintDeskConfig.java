package io.clm.api.spi;

import io.clm.api.annotation.Internal;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.CustomerDirectory;
import io.clm.api.complaints.OrderBook;
import io.clm.api.complaints.Reminder;
import io.clm.api.complaints.RoutingRule;
import io.clm.api.complaints.SlaCalendar;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.TicketStore;
import io.clm.api.event.Event;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A complaint desk's configuration, as checked by {@link
 * io.clm.api.complaints.ComplaintDeskBuilder}.
 *
 * @param profiles the desk's profiles, the main one first; names unique
 * @param directory finds customers by calling number
 * @param orders finds orders
 * @param classificationRules classification rules tried before each workflow's own
 * @param routingRules routing rules tried before each workflow's own
 * @param events where lifecycle events go (through the store's outbox)
 * @param slaEvents where SLA events go
 * @param reminders where reminders to departments go
 * @param ticketPrefix the prefix of ticket ids
 * @param start the clock's starting time
 * @param store where tickets live; empty for a new in-memory store
 * @param wallClock the clock intake and operation times are checked against
 * @param futureTolerance how far after the wall clock an intake or operation may be dated ({@link
 *     io.clm.api.Clm.Builder#DEFAULT_FUTURE_TOLERANCE} unless the builder was given another)
 */
@Internal
public record ComplaintDeskConfig(
    List<Profile> profiles,
    CustomerDirectory directory,
    OrderBook orders,
    List<ClassificationRule> classificationRules,
    List<RoutingRule> routingRules,
    Consumer<Event> events,
    Consumer<SlaEvent> slaEvents,
    Consumer<Reminder> reminders,
    String ticketPrefix,
    Instant start,
    Optional<TicketStore> store,
    Clock wallClock,
    Duration futureTolerance) {

  /**
   * Checks that nothing is null and copies the lists.
   *
   * @param profiles the desk's profiles, the main one first; names unique
   * @param directory finds customers by calling number
   * @param orders finds orders
   * @param classificationRules classification rules tried before each workflow's own
   * @param routingRules routing rules tried before each workflow's own
   * @param events where lifecycle events go (through the store's outbox)
   * @param slaEvents where SLA events go
   * @param reminders where reminders to departments go
   * @param ticketPrefix the prefix of ticket ids
   * @param start the clock's starting time
   * @param store where tickets live; empty for a new in-memory store
   * @param wallClock the clock intake and operation times are checked against
   * @param futureTolerance how far after the wall clock an intake or operation may be dated ({@link
   *     io.clm.api.Clm.Builder#DEFAULT_FUTURE_TOLERANCE} unless the builder was given another)
   */
  public ComplaintDeskConfig {
    profiles = List.copyOf(profiles);
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("a desk needs at least one profile");
    }
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(orders, "orders");
    classificationRules = List.copyOf(classificationRules);
    routingRules = List.copyOf(routingRules);
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(slaEvents, "slaEvents");
    Objects.requireNonNull(reminders, "reminders");
    Objects.requireNonNull(ticketPrefix, "ticketPrefix");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(wallClock, "wallClock");
    Objects.requireNonNull(futureTolerance, "futureTolerance");
  }

  /**
   * One profile of a desk: a workflow with the calendar its deadlines are counted on.
   *
   * @param name the profile's name, which intakes give
   * @param workflow the workflow
   * @param calendar the calendar
   */
  public record Profile(String name, ComplaintWorkflow workflow, SlaCalendar calendar) {
    /**
     * Checks that nothing is null.
     *
     * @param name the profile's name, which intakes give
     * @param workflow the workflow
     * @param calendar the calendar
     */
    public Profile {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(workflow, "workflow");
      Objects.requireNonNull(calendar, "calendar");
    }
  }
}
