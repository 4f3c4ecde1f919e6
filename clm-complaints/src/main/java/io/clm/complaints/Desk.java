package io.clm.complaints;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginFailureException;
import io.clm.api.ValidationException;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.ComplaintFile;
import io.clm.api.complaints.TicketChange;
import io.clm.api.complaints.TicketStore;
import io.clm.api.complaints.TicketStoreException;
import io.clm.api.complaints.CalendarCoverageException;
import io.clm.api.complaints.Classification;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.CustomerDirectory;
import io.clm.api.complaints.Order;
import io.clm.api.complaints.OrderBook;
import io.clm.api.complaints.RoutingRule;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.complaints.StoredTicket;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Event;
import io.clm.api.event.Severity;
import io.clm.api.spi.PluginCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The complaint desk's state and the steps every operation shares: the working tickets read from
 * the store, the deadline index, the clock, the plugin guard around the workflow and the rules,
 * and saving a change with its events. {@link ComplaintDesk} is its public face; each ticket
 * operation is a {@link TicketCommand} run by {@link #execute}.
 */
final class Desk {

  private static final String CLOCK = "clock";
  private static final int RECENT = 5;

  final ComplaintWorkflow workflow;
  private final BusinessCalendar calendar;
  final CustomerDirectory directory;
  final OrderBook orders;
  final List<ClassificationRule> classificationRules;
  final List<RoutingRule> routingRules;
  private final Consumer<Event> events;
  private final Consumer<SlaEvent> slaEvents;
  private final Consumer<Reminder> reminders;
  private final String prefix;

  private final TicketStore store;
  private final Outbox outbox;
  private final Clock wallClock;
  private final Duration futureTolerance;
  /** Tickets read from the store, by id: the working copies the operations change. */
  private final Map<String, Ticket> tickets = new HashMap<>();
  private final DeadlineIndex index = new DeadlineIndex();
  /** What the running operation changed, saved in one {@link TicketChange}. */
  private final Map<String, Ticket> changed = new LinkedHashMap<>();
  private final Map<String, StoredTicket> undo = new HashMap<>();
  private final Map<CustomerId, ComplaintFile> changedFiles = new LinkedHashMap<>();
  final List<Event> pendingEvents = new ArrayList<>();
  private int liveAlarms;
  private long sequence;
  private Instant now;

  Desk(ComplaintDesk.Builder b) {
    this.workflow = b.workflow;
    this.calendar = b.calendar;
    this.directory = b.directory;
    this.orders = b.orders;
    List<ClassificationRule> cr = new ArrayList<>(b.classificationRules);
    cr.addAll(rules(workflow, "classificationRules", ComplaintWorkflow::classificationRules));
    this.classificationRules = List.copyOf(cr);
    List<RoutingRule> rr = new ArrayList<>(b.routingRules);
    rr.addAll(rules(workflow, "routingRules", ComplaintWorkflow::routingRules));
    this.routingRules = List.copyOf(rr);
    this.events = b.events;
    this.slaEvents = b.slaEvents;
    this.reminders = b.reminders;
    this.prefix = b.prefix;
    this.store = b.store;
    this.outbox = new Outbox(store, b.events);
    this.wallClock = b.wallClock;
    this.futureTolerance = b.futureTolerance;
    this.now = store.deskTime().filter(t -> t.isAfter(b.start)).orElse(b.start);
    this.sequence = store.lastSequence();
    // a restarted desk: the open tickets' next alarms go back into the index; the events that fell
    // due while it was down are raised by the next advance, once (what fired is in the store)
    store.forEachOpen(stored -> reschedule(load(stored)));
    outbox.deliver();
  }




  public ComplaintWorkflow workflow() {
    return workflow;
  }

  synchronized Instant now() {
    return now;
  }

  // ---------------------------------------------------------------- intake (seed 002, step 1-3)

  synchronized CallerView identifyCaller(String callerPhone) {
    Objects.requireNonNull(callerPhone, "callerPhone");
    Optional<CustomerId> customer = directory.findByPhone(callerPhone);
    return customer.map(this::viewOf).orElseGet(() -> new CallerView(Optional.empty(), List.of(), List.of(), List.of()));
  }

  synchronized CallerView viewOf(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    List<StoredTicket> all = store.findByCustomer(customer);
    List<Complaint> recent = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && recent.size() < RECENT; i--) {
      recent.add(all.get(i).complaint());
    }
    List<String> preferences = file(customer).preferences();
    return new CallerView(Optional.of(customer), orders.recentOrders(customer, RECENT), recent, preferences);
  }

  synchronized Complaint open(Intake intake, String actor) {
    Objects.requireNonNull(intake, "intake");
    requireText(actor, "actor");
    requireNotFuture(intake.receivedAt(), "receivedAt");
    advanceInternal(intake.receivedAt().isAfter(now) ? intake.receivedAt() : now, false);
    Optional<CustomerId> customer = intake.customer();
    String lookupFailure = null;
    if (customer.isEmpty() && intake.callerPhone().isPresent()) {
      try {
        customer = directory.findByPhone(intake.callerPhone().get());
      } catch (RuntimeException e) {
        // the complaint is taken even when the directory is down
        lookupFailure = "; customer lookup failed (" + e.getClass().getSimpleName() + ")";
      }
    }
    // the workflow is asked before anything changes: a failing workflow leaves no trace
    SlaPolicy provisional = slaPolicy(subject(prefix + (sequence + 1), customer.orElse(null)), Severity.NORMAL, intake.category());
    long seq = ++sequence;
    Ticket t = new Ticket(prefix + seq, seq, intake.channel(), intake.receivedAt(), intake.content(),
        intake.amountAtStake().orElse(null), intake.category());
    t.customer = customer.orElse(null);
    t.policy = provisional;
    StringBuilder reason = new StringBuilder("received by " + intake.channel());
    if (t.customer == null) {
      t.flags.add(ComplaintFlag.UNIDENTIFIED_CUSTOMER);
      reason.append("; customer not identified");
      if (lookupFailure != null) {
        reason.append(lookupFailure);
      }
    }
    if (intake.orderNumber().isPresent()) {
      try {
        reason.append("; ").append(linkOrderInternal(t, intake.orderNumber().get()));
      } catch (RuntimeException e) {
        t.orderNumber = intake.orderNumber().get();
        t.flags.add(ComplaintFlag.UNKNOWN_ORDER);
        reason.append("order lookup failed (").append(e.getClass().getSimpleName()).append(")");
      }
    }
    for (SlaTarget target : new SlaTarget[] {SlaTarget.FIRST_RESPONSE, SlaTarget.SUMMARY_RESOLUTION, SlaTarget.RESOLUTION}) {
      if (target == SlaTarget.FIRST_RESPONSE && t.policy.firstResponse().isEmpty()
          || target == SlaTarget.SUMMARY_RESOLUTION && t.policy.summaryResolution().isEmpty()) {
        continue;
      }
      Ticket.TargetClock c = new Ticket.TargetClock(t.receivedAt);
      try {
        compute(t, c, target, t.policy);
        t.clocks.put(target, c);
      } catch (CalendarCoverageException e) {
        t.flags.add(ComplaintFlag.CALENDAR_INCOMPLETE);
        reason.append("; no ").append(target.name().toLowerCase(Locale.ROOT)).append(" deadline: ").append(e.getMessage());
      }
    }
    t.audit.add(new AuditEntry(intake.receivedAt(), actor, "receive", ComplaintState.RECEIVED, ComplaintState.RECEIVED, reason.toString()));
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
    return snapshot(t);
  }



  String linkOrderInternal(Ticket t, String number) {
    Optional<Order> found = orders.findOrder(number);
    t.orderNumber = number;
    if (found.isEmpty()) {
      t.order = null;
      t.flags.add(ComplaintFlag.UNKNOWN_ORDER);
      return "order " + number + " not found";
    }
    if (t.customer != null && !found.get().customer().equals(t.customer)) {
      t.order = null;
      t.flags.add(ComplaintFlag.UNKNOWN_ORDER);
      return "order " + number + " belongs to another customer";
    }
    t.order = found.get();
    t.flags.remove(ComplaintFlag.UNKNOWN_ORDER);
    if (t.customer == null) {
      t.flags.add(ComplaintFlag.ORDER_UNVERIFIED);
      return "order " + number + " linked, unverified until the customer is identified";
    }
    t.flags.remove(ComplaintFlag.ORDER_UNVERIFIED);
    return "order " + number + " linked";
  }

  // ---------------------------------------------------------------- workflow moves

















  // ---------------------------------------------------------------- appendix (seed 002 step 6)


  synchronized void watch(CustomerId customer, String department) {
    Objects.requireNonNull(customer, "customer");
    requireText(department, "department");
    addDepartment(customer, department);
    commit();
  }

  synchronized List<Reminder> customerReturned(CustomerId customer, Instant at) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(at, "at");
    List<StoredTicket> all = store.findByCustomer(customer);
    if (all.isEmpty()) {
      return List.of();
    }
    ComplaintFile file = file(customer);
    List<String> ids = all.stream().map(StoredTicket::id).collect(Collectors.toList());
    List<Reminder> out = new ArrayList<>();
    for (String department : file.departments()) {
      Reminder r = new Reminder(department, customer, at, ids, file.preferences());
      out.add(r);
      reminders.accept(r);
    }
    return out;
  }

  synchronized ComplaintAppendix appendix(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    List<Complaint> list = new ArrayList<>();
    for (StoredTicket t : store.findByCustomer(customer)) {
      list.add(t.complaint());
    }
    ComplaintFile file = file(customer);
    return new ComplaintAppendix(customer, list, file.preferences(), file.departments());
  }

  // ---------------------------------------------------------------- queries and reports

  synchronized Complaint get(String ticketId) {
    return snapshot(ticket(ticketId));
  }

  synchronized int pendingEvents() {
    return store.pendingEvents(10_000).size();
  }

  synchronized int deliverEvents() {
    return outbox.deliver();
  }

  synchronized int size() {
    return (int) store.lastSequence();
  }

  synchronized List<Complaint> all() {
    List<Complaint> out = new ArrayList<>();
    store.forEach(t -> out.add(t.complaint()));
    return out;
  }

  synchronized ComplaintReport report() {
    return ComplaintReports.of(store, now, calendar.zone());
  }

  // ---------------------------------------------------------------- the clock

  synchronized List<SlaEvent> advanceTo(Instant until) {
    Objects.requireNonNull(until, "until");
    if (until.isBefore(now)) {
      throw new ValidationException("advance to " + until + " is before the desk clock " + now);
    }
    return advanceInternal(until, true);
  }

  private List<SlaEvent> advanceInternal(Instant until, boolean saveTime) {
    List<SlaEvent> fired = new ArrayList<>();
    changed.clear();
    undo.clear();
    changedFiles.clear();
    pendingEvents.clear();
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
      Due due = next(t);
      SlaEvent event = fire(t, due);
      fired.add(event);
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

  private SlaEvent fire(Ticket t, Due due) {
    Ticket.TargetClock c = t.clocks.get(due.target);
    String what = due.target.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    SlaEvent event = new SlaEvent(t.id, t.policy.id(), due.target, due.kind, due.level, c.deadline, due.at);
    switch (due.kind) {
      case WARNING -> {
        c.warned = true;
        audit(t, due.at, CLOCK, "sla-warning", t.state, what + " due " + c.deadline);
      }
      case BREACH -> {
        c.breached = true;
        audit(t, due.at, CLOCK, "sla-breach", t.state, what + " deadline " + c.deadline + " passed");
        t.outcomes.add(new StoredTicket.SlaOutcome(due.target, t.policy.id(), false, due.at));
      }
      case LAPSED -> {
        // DISP 1.5 is a window, not a duty: the full DISP 1.6 limits (the resolution clock) run on
        t.clocks.remove(due.target);
        audit(t, due.at, CLOCK, "sla-lapse", t.state,
            what + " window closed " + c.deadline + " unresolved; the resolution time limit applies");
      }
      case ESCALATION -> {
        c.escalated = due.level;
        t.escalationLevel = Math.max(t.escalationLevel, due.level);
        audit(t, due.at, CLOCK, "sla-escalation", t.state, what + " escalation level " + due.level);
      }
    }
    return event;
  }

  /** The ticket's next due alarm, or null. Pure: no calendar calls. */
  private static Due next(Ticket t) {
    if (t.pausedAt != null) {
      return null;
    }
    Due best = null;
    for (Map.Entry<SlaTarget, Ticket.TargetClock> e : t.clocks.entrySet()) {
      Ticket.TargetClock c = e.getValue();
      Due d;
      if (!c.warned && c.warnAt != null) {
        d = new Due(c.warnAt, e.getKey(), SlaEvent.Kind.WARNING, 0);
      } else if (!c.breached) {
        SlaEvent.Kind kind = e.getKey() == SlaTarget.SUMMARY_RESOLUTION ? SlaEvent.Kind.LAPSED : SlaEvent.Kind.BREACH;
        d = new Due(c.deadline, e.getKey(), kind, 0);
      } else if (c.escalationAt != null && c.escalated < c.escalationAt.length) {
        d = new Due(c.escalationAt[c.escalated], e.getKey(), SlaEvent.Kind.ESCALATION, c.escalated + 1);
      } else {
        continue;
      }
      if (best == null || d.at.isBefore(best.at)) {
        best = d;
      }
    }
    return best;
  }

  void reschedule(Ticket t) {
    Due due = next(t);
    boolean hadLive = t.hasLiveAlarm;
    t.version++;
    if (hadLive) {
      liveAlarms--;
    }
    t.hasLiveAlarm = false;
    if (due != null) {
      index.add(due.at, t, t.version);
      liveAlarms++;
      t.hasLiveAlarm = true;
    }
    if (index.size() > 2 * liveAlarms + 1024) {
      index.compact();
    }
  }

  // ---------------------------------------------------------------- deadlines

  void compute(Ticket t, Ticket.TargetClock c, SlaTarget target, SlaPolicy policy) {
    SlaLimit limit = Ticket.TargetClock.limit(target, policy, c.extension);
    Instant start = c.start;
    Instant deadline = calendar.deadline(start, limit, t.pauses);
    Instant warnAt = null;
    if (policy.warnBefore().isPresent() && target != SlaTarget.SUMMARY_RESOLUTION) {
      Instant w = calendar.before(deadline, policy.warnBefore().get());
      if (w.isAfter(start) && w.isBefore(deadline)) {
        warnAt = w;
      }
    }
    Instant[] escalations = null;
    if (target == SlaTarget.RESOLUTION && !policy.escalations().isEmpty()) {
      escalations = new Instant[policy.escalations().size()];
      Instant previous = deadline;
      for (int i = 0; i < escalations.length; i++) {
        Optional<SlaLimit> after = policy.escalations().get(i).afterBreach();
        Instant at = after.isEmpty() ? deadline : calendar.deadline(deadline.minusNanos(1), after.get());
        if (at.isBefore(previous)) {
          at = previous;
        }
        escalations[i] = at;
        previous = at;
      }
    }
    c.deadline = deadline;
    c.warnAt = warnAt;
    c.escalationAt = escalations;
  }

  Map<SlaTarget, Ticket.TargetClock> recompute(Ticket t, SlaPolicy policy) {
    Map<SlaTarget, Ticket.TargetClock> out = new EnumMap<>(SlaTarget.class);
    for (Map.Entry<SlaTarget, Ticket.TargetClock> e : t.clocks.entrySet()) {
      SlaTarget target = e.getKey();
      if (target == SlaTarget.FIRST_RESPONSE && policy.firstResponse().isEmpty()
          || target == SlaTarget.NEXT_RESPONSE && policy.nextResponse().isEmpty()
          || target == SlaTarget.SUMMARY_RESOLUTION && policy.summaryResolution().isEmpty()) {
        continue;
      }
      Ticket.TargetClock copy = copy(e.getValue());
      copy.extension = Math.min(copy.extension, policy.extensions().size());
      compute(t, copy, target, policy);
      out.put(target, copy);
    }
    return out;
  }

  static void applyPolicy(Ticket t, SlaPolicy policy, Map<SlaTarget, Ticket.TargetClock> clocks) {
    t.policy = policy;
    t.clocks.clear();
    t.clocks.putAll(clocks);
  }

  Ticket.TargetClock plannedNextResponse(Ticket t, Instant at) {
    if (t.policy.nextResponse().isEmpty()) {
      return null;
    }
    Ticket.TargetClock c = new Ticket.TargetClock(at);
    compute(t, c, SlaTarget.NEXT_RESPONSE, t.policy);
    return c;
  }

  static void putClock(Ticket t, SlaTarget target, Ticket.TargetClock c) {
    if (c != null) {
      t.clocks.put(target, c);
    }
  }

  static Ticket.TargetClock copy(Ticket.TargetClock c) {
    Ticket.TargetClock copy = new Ticket.TargetClock(c.start);
    copy.extension = c.extension;
    copy.warned = c.warned;
    copy.breached = c.breached;
    copy.escalated = c.escalated;
    copy.deadline = c.deadline;
    copy.warnAt = c.warnAt;
    copy.escalationAt = c.escalationAt;
    return copy;
  }

  void stopClock(Ticket t, SlaTarget target, Instant at) {
    Ticket.TargetClock c = t.clocks.remove(target);
    if (c != null && !c.breached && (target == SlaTarget.FIRST_RESPONSE || target == SlaTarget.RESOLUTION)) {
      t.outcomes.add(new StoredTicket.SlaOutcome(target, t.policy.id(), true, at));
    }
  }

  void stopAll(Ticket t, Instant at) {
    for (SlaTarget target : SlaTarget.values()) {
      stopClock(t, target, at);
    }
    t.pausedAt = null;
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

  // ---------------------------------------------------------------- plumbing

  Ticket prepare(String ticketId, String actor, Instant at) {
    Objects.requireNonNull(at, "at");
    requireText(actor, "actor");
    Ticket t = ticket(ticketId);
    if (at.isBefore(now)) {
      throw new ValidationException("at " + at + " is before the desk clock " + now);
    }
    requireNotFuture(at, "at");
    advanceInternal(at, false);
    t = tickets.get(t.id);
    begin(t);
    return t;
  }

  /** Refuses an instant too far after the wall clock (a mistyped year), before anything changes. */
  void requireNotFuture(Instant at, String field) {
    Instant limit = wallClock.instant().plus(futureTolerance);
    if (at.isAfter(limit)) {
      throw new ValidationException(
          field + " " + at + " is more than " + futureTolerance + " after the wall clock " + wallClock.instant());
    }
  }

  private Ticket ticket(String ticketId) {
    Objects.requireNonNull(ticketId, "ticketId");
    Ticket t = tickets.get(ticketId);
    if (t == null) {
      StoredTicket stored = store.find(ticketId)
          .orElseThrow(() -> new ValidationException("ticket '" + ticketId + "' is not known"));
      t = load(stored);
    }
    return t;
  }

  /**
   * Erases a customer's complaint data: every ticket keeps what the regulator's record-keeping
   * needs and loses the rest, and the customer's file goes, in one change.
   */
  synchronized List<String> erase(CustomerId customer, String actor, Instant at) {
    Objects.requireNonNull(customer, "customer");
    requireText(actor, "actor");
    Objects.requireNonNull(at, "at");
    if (at.isBefore(now)) {
      throw new ValidationException("at " + at + " is before the desk clock " + now);
    }
    requireNotFuture(at, "at");
    List<StoredTicket> all = store.findByCustomer(customer);
    List<String> open = new ArrayList<>();
    for (StoredTicket s : all) {
      if (s.complaint().state().isOpen()) {
        open.add(s.id());
      }
    }
    if (!open.isEmpty()) {
      throw new IllegalTransitionException("customer " + customer.masked() + " has open complaints " + open
          + ": their data is needed to handle them; erase once they are resolved");
    }
    advanceInternal(at, false);
    changed.clear();
    undo.clear();
    changedFiles.clear();
    pendingEvents.clear();
    List<String> ids = new ArrayList<>();
    for (StoredTicket s : all) {
      Ticket t = ticket(s.id());
      undo.put(t.id, record(t));
      Ticket erased = TicketRecords.erased(t, actor, at);
      tickets.put(t.id, erased);
      retire(t);
      reschedule(erased);
      changed.put(t.id, erased);
      ids.add(t.id);
    }
    List<StoredTicket> records = new ArrayList<>();
    for (Ticket t : changed.values()) {
      records.add(record(t));
    }
    try {
      store.save(new TicketChange(records, List.of(), List.of(customer), List.of(), now));
    } catch (RuntimeException e) {
      rollback();
      throw e instanceof TicketStoreException ? e
          : new TicketStoreException("ticket store '" + store.id() + "' failed to save: " + e.getClass().getName(), e);
    } finally {
      changed.clear();
    }
    undo.clear();
    return ids;
  }

  // ---------------------------------------------------------------- the store and the outbox

  /**
   * The one template every ticket operation runs through: load the ticket, check the time and
   * move the clock, apply the command (check, ask the workflow, change, audit, reschedule), save
   * ticket, files and events in one change, deliver the outbox. A command that throws leaves the
   * ticket as it was.
   */
  synchronized Complaint execute(String ticketId, String actor, Instant at, TicketCommand command) {
    Ticket t = prepare(ticketId, actor, at);
    try {
      command.apply(this, t);
    } catch (RuntimeException | Error e) {
      rollback();
      throw e;
    }
    return done(t);
  }


  /** Reads a stored ticket into the working set and schedules its next alarm. */
  private Ticket load(StoredTicket stored) {
    Complaint c = stored.complaint();
    Severity severity = c.classification().map(Classification::severity).orElse(Severity.NORMAL);
    SlaPolicy policy = slaPolicy(subject(c.id(), c.customer().orElse(null)), severity, c.category());
    if (!policy.id().equals(c.policyId())) {
      throw new PluginConfigurationException("workflow '" + workflow.id() + "' now gives sla policy '" + policy.id()
          + "' for ticket " + c.id() + ", stored under '" + c.policyId() + "'");
    }
    Ticket t = TicketRecords.ticket(stored, policy);
    for (Map.Entry<SlaTarget, Ticket.TargetClock> e : t.clocks.entrySet()) {
      Instant stored0 = e.getValue().deadline;
      try {
        compute(t, e.getValue(), e.getKey(), policy);
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
  private void retire(Ticket old) {
    old.version++;
    if (old.hasLiveAlarm) {
      liveAlarms--;
      old.hasLiveAlarm = false;
    }
  }

  /** Starts an operation on a ticket: what it was, to restore if the save fails. */
  private void begin(Ticket t) {
    changed.clear();
    undo.clear();
    changedFiles.clear();
    pendingEvents.clear();
    undo.put(t.id, record(t));
  }

  private StoredTicket record(Ticket t) {
    Due due = next(t);
    return TicketRecords.record(t, snapshot(t), due == null ? null : due.at);
  }

  /** Ends an operation: saves the ticket, the files and the events at once, then delivers. */
  Complaint done(Ticket t) {
    changed.put(t.id, t);
    commit();
    return snapshot(t);
  }

  /**
   * Saves what the running operation changed in one {@link TicketChange}; if the store refuses,
   * every changed ticket is restored as it was and the failure is rethrown. Then delivers the
   * outbox.
   */
  private void commit() {
    List<StoredTicket> records = new ArrayList<>(changed.size());
    for (Ticket t : changed.values()) {
      records.add(record(t));
    }
    try {
      store.save(new TicketChange(records, List.copyOf(changedFiles.values()), List.of(), List.copyOf(pendingEvents), now));
    } catch (RuntimeException e) {
      rollback();
      throw e instanceof TicketStoreException ? e
          : new TicketStoreException("ticket store '" + store.id() + "' failed to save: " + e.getClass().getName(), e);
    } finally {
      changed.clear();
      changedFiles.clear();
      pendingEvents.clear();
    }
    undo.clear();
    outbox.deliver();
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

  void requireMove(Ticket t, ComplaintState to) {
    String subject = subject(t);
    Set<ComplaintState> next = PluginCalls.call(workflow, subject, "next(" + t.state + ")", w -> copy(w.next(t.state)));
    if (next.contains(null)) {
      throw PluginCalls.failure(workflow, subject, "returned a null state from next(" + t.state + ")");
    }
    if (!next.contains(to)) {
      throw new IllegalTransitionException(
          "ticket " + t.id + " cannot move from " + t.state + " to " + to + " under workflow '"
              + PluginCalls.call(workflow, subject, "id", ComplaintWorkflow::id) + "'");
    }
  }

  // ---------------------------------------------------------------- guarded plugin calls

  /** How messages name a ticket: its id, and the masked customer when known. */
  static String subject(Ticket t) {
    return subject(t.id, t.customer);
  }

  static String subject(String ticketId, CustomerId customer) {
    return "ticket " + ticketId + (customer == null ? "" : " of " + PluginCalls.subject(customer));
  }

  /** Copies a set inside the guard (a null set stays null, a null element is kept to be reported). */
  static Set<ComplaintState> copy(Set<ComplaintState> states) {
    return states == null ? null : new HashSet<>(states);
  }

  SlaPolicy slaPolicy(String subject, Severity severity, String category) {
    return PluginCalls.call(workflow, subject, "slaPolicy(" + severity + ", " + category + ")", w -> w.slaPolicy(severity, category));
  }

  private static <R> List<R> rules(
      ComplaintWorkflow workflow, String operation, java.util.function.Function<ComplaintWorkflow, List<R>> call) {
    String subject = "complaint desk";
    List<R> rules = PluginCalls.call(workflow, subject, operation, w -> {
      List<R> answer = call.apply(w);
      return answer == null ? null : new ArrayList<>(answer);
    });
    if (rules.contains(null)) {
      throw PluginCalls.failure(workflow, subject, "returned a null rule from " + operation);
    }
    return rules;
  }

  /**
   * Calls a classification or routing rule (not plugins themselves, but supplied by workflows and
   * integrators): a rule that throws or answers null is named with its id and class, like a plugin.
   */
  static <R> R guarded(Object rule, java.util.function.Supplier<String> id, String subject, String operation,
      java.util.function.Supplier<R> call) {
    R result;
    try {
      result = call.get();
    } catch (RuntimeException | LinkageError e) {
      throw new PluginFailureException(
          ruleName(rule, id) + " threw " + e.getClass().getName() + " in " + operation + " for " + subject, e);
    }
    if (result == null) {
      throw new PluginFailureException(ruleName(rule, id) + " returned null from " + operation + " for " + subject);
    }
    return result;
  }

  static String ruleName(Object rule, java.util.function.Supplier<String> id) {
    String name;
    try {
      name = id.get();
    } catch (RuntimeException e) {
      name = "?";
    }
    return "rule '" + name + "' (" + rule.getClass().getName() + ")";
  }

  static void requireAnswerable(Ticket t) {
    if (t.state != ComplaintState.RESOLVED) {
      throw new IllegalTransitionException("ticket " + t.id + " is " + t.state + ", not RESOLVED");
    }
    if (t.accepted != null) {
      throw new IllegalTransitionException("customer already answered the resolution of ticket " + t.id);
    }
  }

  static void requireText(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new ValidationException(field + " is blank");
    }
  }

  void move(Ticket t, ComplaintState to, String actor, String action, String reason, Instant at) {
    t.audit.add(new AuditEntry(at, actor, action, t.state, to, reason));
    t.state = to;
  }

  static void audit(Ticket t, Instant at, String actor, String action, ComplaintState state, String reason) {
    t.audit.add(new AuditEntry(at, actor, action, state, state, reason));
  }

  List<Instant> earlier(Ticket t) {
    if (t.customer == null) {
      return List.of();
    }
    List<Instant> out = new ArrayList<>();
    for (StoredTicket other : store.findByCustomer(t.customer)) {
      if (!other.id().equals(t.id) && !other.complaint().receivedAt().isAfter(t.receivedAt)) {
        out.add(other.complaint().receivedAt());
      }
    }
    return out;
  }

  /** The customer's file as the running operation sees it (changed, or as stored). */
  ComplaintFile file(CustomerId customer) {
    ComplaintFile f = changedFiles.get(customer);
    if (f == null) {
      f = store.file(customer).orElse(new ComplaintFile(customer, List.of(), Set.of()));
    }
    return f;
  }

  void addDepartment(CustomerId customer, String department) {
    ComplaintFile f = file(customer);
    Set<String> departments = new TreeSet<>(f.departments());
    departments.add(department);
    changedFiles.put(customer, new ComplaintFile(customer, f.preferences(), departments));
  }

  void addPreference(CustomerId customer, String preference) {
    ComplaintFile f = file(customer);
    List<String> preferences = new ArrayList<>(f.preferences());
    preferences.add(preference);
    changedFiles.put(customer, new ComplaintFile(customer, preferences, f.departments()));
  }

  Complaint snapshot(Ticket t) {
    Map<SlaTarget, Instant> deadlines = new EnumMap<>(SlaTarget.class);
    t.clocks.forEach((k, v) -> deadlines.put(k, v.deadline));
    return new Complaint(
        t.id, t.channel, t.receivedAt, Optional.ofNullable(t.customer), Optional.ofNullable(t.orderNumber),
        Optional.ofNullable(t.order), t.content, Optional.ofNullable(t.amountAtStake), t.category, t.flags, t.state,
        Optional.ofNullable(t.classification), Optional.ofNullable(t.assignee), Optional.ofNullable(t.resolution),
        Optional.ofNullable(t.accepted), t.policy.id(), deadlines, t.escalationLevel, t.pausedAt != null, t.audit);
  }


  /** What falls due next on a ticket. */
  private record Due(Instant at, SlaTarget target, SlaEvent.Kind kind, int level) {}

}
