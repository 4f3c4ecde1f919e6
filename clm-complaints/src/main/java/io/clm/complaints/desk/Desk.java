package io.clm.complaints.desk;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.PluginConfigurationException;
import io.clm.api.ValidationException;
import io.clm.api.complaints.CalendarCoverageException;
import io.clm.api.complaints.Classification;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.CustomerDirectory;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.OrderBook;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.complaints.StoredTicket;
import io.clm.api.complaints.TicketChange;
import io.clm.api.complaints.TicketStore;
import io.clm.api.complaints.TicketStoreException;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Event;
import io.clm.api.event.Severity;
import io.clm.api.spi.ComplaintDeskConfig;
import io.clm.complaints.InMemoryTicketStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The complaint desk's state and the steps every operation shares: the desk's profiles, the
 * working tickets read from the store, the deadline index, the clock, and saving a change with its
 * events. {@link DeskService} is its public face; each ticket operation is a {@link TicketCommand}
 * run by {@link #execute}.
 */
final class Desk {

  static final SlaTarget[] INTAKE_TARGETS = {SlaTarget.FIRST_RESPONSE, SlaTarget.SUMMARY_RESOLUTION, SlaTarget.RESOLUTION};

  private final List<DeskProfile> profiles = new ArrayList<>();
  final CustomerDirectory directory;
  final OrderBook orders;
  final CustomerFiles files;
  private final Consumer<SlaEvent> slaEvents;
  private final String prefix;

  final TicketStore store;
  private final Outbox outbox;
  private final Clock wallClock;
  private final Duration futureTolerance;
  /** Tickets read from the store, by id: the working copies the operations change. */
  final Map<String, Ticket> tickets = new HashMap<>();
  private final DeadlineIndex index = new DeadlineIndex();
  /** What the running operation changed, saved in one {@link TicketChange}. */
  final Map<String, Ticket> changed = new LinkedHashMap<>();
  final Map<String, StoredTicket> undo = new HashMap<>();
  final List<Event> pendingEvents = new ArrayList<>();
  private int liveAlarms;
  private long sequence;
  Instant now;

  Desk(ComplaintDeskConfig config) {
    for (ComplaintDeskConfig.Profile p : config.profiles()) {
      profiles.add(new DeskProfile(p, profiles.isEmpty(), config));
    }
    this.directory = config.directory();
    this.orders = config.orders();
    this.slaEvents = config.slaEvents();
    this.prefix = config.ticketPrefix();
    this.store = config.store().orElseGet(InMemoryTicketStore::new);
    this.files = new CustomerFiles(store, directory, orders, config.reminders());
    this.outbox = new Outbox(store, config.events());
    this.wallClock = config.wallClock();
    this.futureTolerance = config.futureTolerance();
    this.now = store.deskTime().filter(t -> t.isAfter(config.start())).orElse(config.start());
    this.sequence = store.lastSequence();
    // a restarted desk: the open tickets' next alarms go back into the index; the events that fell
    // due while it was down are raised by the next advance, once (what fired is in the store). A
    // ticket that lacked a deadline for want of a calendar year gets it now if the year is there.
    clearChange();
    store.forEachOpen(stored -> {
      Ticket t = load(stored);
      if (t.flags.contains(ComplaintFlag.CALENDAR_INCOMPLETE) && t.profile.completeDeadlines(t, now)) {
        reschedule(t);
        undo.put(t.id, stored);
        changed.put(t.id, t);
      }
    });
    if (!changed.isEmpty()) {
      commit();
    }
    outbox.deliver();
  }

  DeskProfile mainProfile() {
    return profiles.get(0);
  }

  /** The profile an intake names, or the main one. */
  private DeskProfile profile(Optional<String> name) {
    if (name.isEmpty()) {
      return mainProfile();
    }
    for (DeskProfile p : profiles) {
      if (p.name.equals(name.get())) {
        return p;
      }
    }
    throw new ValidationException("profile '" + name.get() + "' is not one of the desk's profiles "
        + profiles.stream().map(p -> p.name).toList());
  }

  /** The profile of a stored ticket, from its id ({@code C-ie-7}); the main profile's ids have no name part. */
  private DeskProfile profileOf(String ticketId) {
    for (DeskProfile p : profiles.subList(1, profiles.size())) {
      String head = prefix + p.idPart;
      if (ticketId.startsWith(head) && ticketId.length() > head.length()
          && ticketId.substring(head.length()).chars().allMatch(Character::isDigit)) {
        return p;
      }
    }
    return mainProfile();
  }

  // ---------------------------------------------------------------- intake (seed 002, step 1-3)

  synchronized Complaint open(Intake intake, String actor) {
    Objects.requireNonNull(intake, "intake");
    Guards.requireActor(actor);
    DeskProfile profile = profile(intake.profile());
    requireNotFuture(intake.receivedAt(), "receivedAt");
    intake.callerPhone().ifPresent(phone -> Guards.requireText(phone, "callerPhone"));
    intake.orderNumber().ifPresent(number -> Guards.requireText(number, "orderNumber"));
    return atClock(intake.receivedAt().isAfter(now) ? intake.receivedAt() : now, () -> openTicket(intake, actor, profile));
  }

  /**
   * Moves the desk clock to {@code at}, firing the alarms that fall due on the way (they are saved
   * with the clock's new time, whatever follows), then runs {@code operation}. An operation that
   * throws leaves the clock where it was, unless alarms fired.
   */
  private Complaint atClock(Instant at, Supplier<Complaint> operation) {
    Instant before = now;
    boolean clockSaved = !advanceInternal(at, false).isEmpty();
    try {
      return operation.get();
    } catch (RuntimeException | Error e) {
      if (!clockSaved) {
        now = before;
      }
      throw e;
    }
  }

  private Complaint openTicket(Intake intake, String actor, DeskProfile profile) {
    long number = sequence + 1;
    Ticket t = Reception.receive(this, intake, actor, profile, prefix + profile.idPart + number, number);
    sequence = number;
    tickets.put(t.id, t);
    changed.put(t.id, t);
    reschedule(t);
    try {
      commit();
    } catch (RuntimeException e) {
      tickets.remove(t.id);
      t.version++;
      sequence--;
      throw e;
    }
    return TicketRecords.snapshot(t);
  }

  /** Whether the desk has more than one profile, so that a ticket's audit names its profile. */
  boolean hasProfiles() {
    return profiles.size() > 1;
  }

  // ---------------------------------------------------------------- queries

  synchronized Complaint get(String ticketId) {
    return TicketRecords.snapshot(ticket(ticketId));
  }

  synchronized int pendingEvents() {
    return store.pendingEvents(10_000).size();
  }

  synchronized int deliverEvents() {
    return outbox.deliver();
  }

  // ---------------------------------------------------------------- the clock

  synchronized Instant now() {
    return now;
  }

  synchronized List<SlaEvent> advanceTo(Instant until) {
    Objects.requireNonNull(until, "until");
    if (until.isBefore(now)) {
      throw new ValidationException("advance to " + until + " is before the desk clock " + now);
    }
    return advanceInternal(until, true);
  }

  List<SlaEvent> advanceInternal(Instant until, boolean saveTime) {
    List<SlaEvent> fired = new ArrayList<>();
    clearChange();
    while (!index.isEmpty() && index.headDueBy(until)) {
      Ticket t = index.headTicket();
      int version = index.headVersion();
      index.removeHead();
      if (version != t.version) {
        continue;
      }
      undo.putIfAbsent(t.id, record(t));
      liveAlarms--;
      t.hasLiveAlarm = false;
      fired.add(Alarms.fire(t, Alarms.next(t)));
      changed.put(t.id, t);
      reschedule(t);
    }
    Instant before = now;
    now = until;
    if (!changed.isEmpty() || saveTime) {
      try {
        commit();
      } catch (RuntimeException e) {
        now = before;
        throw e;
      }
    }
    for (SlaEvent e : fired) {
      slaEvents.accept(e);
    }
    return fired;
  }

  void reschedule(Ticket t) {
    Alarms.Due due = Alarms.next(t);
    boolean hadLive = t.hasLiveAlarm;
    t.version++;
    if (hadLive) {
      liveAlarms--;
    }
    t.hasLiveAlarm = false;
    if (due != null) {
      index.add(due.at(), t, t.version);
      liveAlarms++;
      t.hasLiveAlarm = true;
    }
    if (index.size() > 2 * liveAlarms + 1024) {
      index.compact();
    }
  }

  // ---------------------------------------------------------------- lifecycle events

  void emitOpenedIfDue(Ticket t, Instant at) {
    if (t.customer == null || t.classification == null || t.openedCycle == t.cycle) {
      return;
    }
    t.openedCycle = t.cycle;
    Instant when = t.cycle == 1 ? t.receivedAt : at;
    pendingEvents.add(new ComplaintOpened(t.id + "/opened/" + t.cycle, t.customer, when, t.id, t.classification.severity()));
    if (t.finishedCycle == t.cycle) {
      // the cycle ended before the customer was known: report its end now
      t.finishedCycle = 0;
      finishCycle(t, Boolean.TRUE.equals(t.accepted), at);
    }
  }

  void finishCycle(Ticket t, boolean accepted, Instant at) {
    if (t.finishedCycle == t.cycle) {
      return;
    }
    t.finishedCycle = t.cycle;
    if (t.openedCycle == t.cycle) {
      pendingEvents.add(new ComplaintResolved(t.id + "/resolved/" + t.cycle, t.customer, at, t.id, accepted));
    }
  }

  // ---------------------------------------------------------------- the template

  /**
   * The one template every ticket operation runs through: load the ticket, check the time and
   * move the clock, apply the command (check, ask the workflow, change, audit, reschedule), save
   * ticket, files and events in one change, deliver the outbox. A command that throws (or whose
   * change the store refuses) leaves the ticket as it was, and the desk clock too unless alarms
   * fired on the way to the command's time.
   */
  synchronized Complaint execute(String ticketId, String actor, Instant at, TicketCommand command) {
    Objects.requireNonNull(at, "at");
    Guards.requireActor(actor);
    Ticket t = ticket(ticketId);
    if (t.flags.contains(ComplaintFlag.ERASED)) {
      // its customer asked for erasure: identifying, reopening or noting on it would collect again
      throw new IllegalTransitionException(
          "ticket " + t.id + " was erased on request and takes no more operations; a new complaint is opened instead");
    }
    requireTime(at);
    String id = t.id;
    Complaint done = atClock(at, () -> {
      Ticket current = tickets.get(id);
      clearChange();
      undo.put(id, record(current));
      try {
        command.apply(this, current);
        changed.put(id, current);
        save(List.of());
      } catch (RuntimeException | Error e) {
        rollback(); // a refused command leaves the ticket as it was
        throw e;
      }
      return TicketRecords.snapshot(current);
    });
    outbox.deliver();
    return done;
  }

  /** Refuses an operation dated before the desk clock or too far after the wall clock, before anything changes. */
  void requireTime(Instant at) {
    if (at.isBefore(now)) {
      throw new ValidationException("at " + at + " is before the desk clock " + now);
    }
    requireNotFuture(at, "at");
  }

  /** Refuses an instant too far after the wall clock (a mistyped year), before anything changes. */
  private void requireNotFuture(Instant at, String field) {
    Instant limit = wallClock.instant().plus(futureTolerance);
    if (at.isAfter(limit)) {
      throw new ValidationException(
          field + " " + at + " is more than " + futureTolerance + " after the wall clock " + wallClock.instant());
    }
  }

  Ticket ticket(String ticketId) {
    Objects.requireNonNull(ticketId, "ticketId");
    Ticket t = tickets.get(ticketId);
    if (t == null) {
      StoredTicket stored = store.find(ticketId)
          .orElseThrow(() -> new ValidationException("ticket '" + ticketId + "' is not known"));
      t = load(stored);
    }
    return t;
  }

  /** Reads a stored ticket into the working set and schedules its next alarm. */
  private Ticket load(StoredTicket stored) {
    Complaint c = stored.complaint();
    DeskProfile profile = profileOf(c.id());
    String subject = Guards.subject(c.id(), c.customer().orElse(null));
    Severity severity = c.classification().map(Classification::severity).orElse(Severity.NORMAL);
    SlaPolicy policy = profile.slaPolicy(subject, severity, c.category());
    if (c.classification().isEmpty() && !policy.id().equals(c.policyId())) {
      // not classified yet: opened under the policy of the severity the rules gave at intake
      for (Severity other : Severity.values()) {
        SlaPolicy candidate = profile.slaPolicy(subject, other, c.category());
        if (candidate.id().equals(c.policyId())) {
          policy = candidate;
        }
      }
    }
    if (!policy.id().equals(c.policyId())) {
      throw new PluginConfigurationException("workflow '" + profile.workflow.id() + "' of profile '" + profile.name
          + "' now gives sla policy '" + policy.id() + "' for ticket " + c.id() + ", stored under '" + c.policyId() + "'");
    }
    Ticket t = TicketRecords.ticket(profile, stored, policy);
    for (Map.Entry<SlaTarget, Ticket.TargetClock> e : t.clocks.entrySet()) {
      Instant stored0 = e.getValue().deadline;
      try {
        profile.compute(t, e.getValue(), e.getKey(), policy);
      } catch (CalendarCoverageException ex) {
        e.getValue().deadline = stored0;
      }
    }
    Ticket old = tickets.put(t.id, t);
    if (old != null) {
      retire(old);
    }
    reschedule(t);
    return t;
  }

  /** Makes a working copy's index entries stale. */
  void retire(Ticket old) {
    old.version++;
    if (old.hasLiveAlarm) {
      liveAlarms--;
      old.hasLiveAlarm = false;
    }
  }

  void clearChange() {
    changed.clear();
    undo.clear();
    files.changed.clear();
    pendingEvents.clear();
  }

  StoredTicket record(Ticket t) {
    Alarms.Due due = Alarms.next(t);
    return TicketRecords.record(t, TicketRecords.snapshot(t), due == null ? null : due.at());
  }

  /** Saves what the running operation changed in one change, then delivers the outbox. */
  void commit() {
    save(List.of());
    outbox.deliver();
  }

  /**
   * Saves the changed tickets, files and events (and the erased files) in one {@link
   * TicketChange}; if the store refuses, every changed ticket is restored as it was and the failure
   * is rethrown as a {@link TicketStoreException}.
   */
  void save(List<CustomerId> erasedFiles) {
    List<StoredTicket> records = new ArrayList<>(changed.size());
    for (Ticket t : changed.values()) {
      records.add(record(t));
    }
    try {
      store.save(new TicketChange(records, List.copyOf(files.changed.values()), erasedFiles, List.copyOf(pendingEvents), now));
    } catch (RuntimeException e) {
      rollback();
      throw e instanceof TicketStoreException ? e
          : new TicketStoreException("ticket store '" + store.id() + "' failed to save: " + e.getClass().getName(), e);
    } finally {
      changed.clear();
      files.changed.clear();
      pendingEvents.clear();
    }
    undo.clear();
  }

  void rollback() {
    for (Map.Entry<String, StoredTicket> e : undo.entrySet()) {
      load(e.getValue());
    }
    for (String id : changed.keySet()) {
      if (!undo.containsKey(id)) {
        Ticket fresh = tickets.remove(id);
        if (fresh != null) {
          retire(fresh);
        }
      }
    }
    undo.clear();
  }
}
