package io.clm.complaints;

import io.clm.api.Clm;
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
import io.clm.api.complaints.ComplaintFacts;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.CustomerDirectory;
import io.clm.api.complaints.Order;
import io.clm.api.complaints.OrderBook;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.RoutingRule;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.complaints.StopTheClockNotAllowedException;
import io.clm.api.complaints.StoredTicket;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Event;
import io.clm.api.event.Severity;
import io.clm.api.spi.PluginCalls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The complaint desk: takes complaints in from every channel, identifies the customer, links the
 * order, classifies, routes, tracks SLA deadlines on a business calendar, records resolutions and
 * the customer's answer, keeps each customer's complaint appendix and a full audit trail, and feeds
 * {@link ComplaintOpened} / {@link ComplaintResolved} events to the lifecycle engine.
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
 * <p>Time: the desk has a clock. {@link #advanceTo} moves it and emits every SLA warning, breach and
 * escalation that falls due, exactly once, in deadline order; it touches only the tickets that are
 * due (a deadline-ordered index). Every operation first advances the clock to its own time, and an
 * operation dated before the clock is refused.
 *
 * <p>Thread-safe: operations are serialised on the desk.
 */
public final class ComplaintDesk {

  private static final String CLOCK = "clock";
  private static final int RECENT = 5;

  private final ComplaintWorkflow workflow;
  private final BusinessCalendar calendar;
  private final CustomerDirectory directory;
  private final OrderBook orders;
  private final List<ClassificationRule> classificationRules;
  private final List<RoutingRule> routingRules;
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
  private final List<Event> pendingEvents = new ArrayList<>();
  private int liveAlarms;
  private long sequence;
  private Instant now;

  private ComplaintDesk(Builder b) {
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
    return workflow;
  }

  /**
   * The desk's clock.
   *
   * @return the time the clock was last advanced to
   */
  public synchronized Instant now() {
    return now;
  }

  // ---------------------------------------------------------------- intake (seed 002, step 1-3)

  /**
   * What the agent sees when a number calls: the customer, their recent orders and how their recent
   * complaints were handled.
   *
   * @param callerPhone the calling number
   * @return the view; with an empty customer when the number is unknown
   */
  public synchronized CallerView identifyCaller(String callerPhone) {
    Objects.requireNonNull(callerPhone, "callerPhone");
    Optional<CustomerId> customer = directory.findByPhone(callerPhone);
    return customer.map(this::viewOf).orElseGet(() -> new CallerView(Optional.empty(), List.of(), List.of(), List.of()));
  }

  /**
   * What the agent sees for a known customer.
   *
   * @param customer the customer
   * @return the view
   */
  public synchronized CallerView viewOf(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    List<StoredTicket> all = store.findByCustomer(customer);
    List<Complaint> recent = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && recent.size() < RECENT; i--) {
      recent.add(all.get(i).complaint());
    }
    List<String> preferences = file(customer).preferences();
    return new CallerView(Optional.of(customer), orders.recentOrders(customer, RECENT), recent, preferences);
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
  public synchronized Complaint open(Intake intake, String actor) {
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
  public synchronized Complaint identifyCustomer(String ticketId, CustomerId customer, String actor, Instant at) {
    Objects.requireNonNull(customer, "customer");
    Ticket t = prepare(ticketId, actor, at);
    if (t.customer != null) {
      throw new IllegalTransitionException("ticket " + t.id + " already has customer " + t.customer.masked());
    }
    t.customer = customer;
    t.flags.remove(ComplaintFlag.UNIDENTIFIED_CUSTOMER);
    String reason = "customer " + customer.masked();
    if (t.flags.remove(ComplaintFlag.ORDER_UNVERIFIED) && t.order != null) {
      if (t.order.customer().equals(customer)) {
        reason += "; order " + t.orderNumber + " verified";
      } else {
        t.order = null;
        t.flags.add(ComplaintFlag.UNKNOWN_ORDER);
        reason += "; order " + t.orderNumber + " belongs to another customer: unlinked";
      }
    }
    audit(t, at, actor, "identify", t.state, reason);
    emitOpenedIfDue(t, at);
    return done(t);
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
  public synchronized Complaint linkOrder(String ticketId, String orderNumber, String actor, Instant at) {
    requireText(orderNumber, "order number");
    Ticket t = prepare(ticketId, actor, at);
    String reason = linkOrderInternal(t, orderNumber);
    audit(t, at, actor, "link-order", t.state, reason);
    return done(t);
  }

  private String linkOrderInternal(Ticket t, String number) {
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
  public synchronized Complaint acknowledge(String ticketId, String actor, Instant at) {
    Ticket t = prepare(ticketId, actor, at);
    requireMove(t, ComplaintState.ACKNOWLEDGED);
    Ticket.TargetClock next = plannedNextResponse(t, at);
    stopClock(t, SlaTarget.FIRST_RESPONSE, at);
    putClock(t, SlaTarget.NEXT_RESPONSE, next);
    move(t, ComplaintState.ACKNOWLEDGED, actor, "acknowledge", "first response sent", at);
    reschedule(t);
    return done(t);
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
  public synchronized Complaint classify(String ticketId, String actor, Instant at) {
    Ticket t = prepare(ticketId, actor, at);
    requireMove(t, ComplaintState.CLASSIFIED);
    ComplaintFacts facts = new ComplaintFacts(snapshot(t), t.customer != null && directory.isVulnerable(t.customer), earlier(t));
    Classification result = new Classification(Severity.NORMAL, Classification.DEFAULT_RULE);
    String subject = subject(t);
    for (ClassificationRule rule : classificationRules) {
      if (guarded(rule, rule::id, subject, "matches", () -> rule.matches(facts))) {
        result = new Classification(guarded(rule, rule::id, subject, "severity", rule::severity), guarded(rule, rule::id, subject, "id", rule::id));
        break;
      }
    }
    SlaPolicy policy = slaPolicy(subject, result.severity(), t.category);
    Map<SlaTarget, Ticket.TargetClock> recomputed = recompute(t, policy);
    t.classification = result;
    applyPolicy(t, policy, recomputed);
    move(t, ComplaintState.CLASSIFIED, actor, "classify",
        result.severity() + " by rule " + result.ruleId() + "; sla policy " + policy.id(), at);
    reschedule(t);
    emitOpenedIfDue(t, at);
    return done(t);
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
  public synchronized Complaint assign(String ticketId, String actor, Instant at) {
    Ticket t = prepare(ticketId, actor, at);
    requireMove(t, ComplaintState.ASSIGNED);
    Complaint current = snapshot(t);
    String subject = subject(t);
    String assignee = PluginCalls.call(workflow, subject, "defaultAssignee", ComplaintWorkflow::defaultAssignee);
    if (assignee.isBlank()) {
      throw PluginCalls.failure(workflow, subject, "returned a blank assignee from defaultAssignee");
    }
    String rule = Classification.DEFAULT_RULE;
    for (RoutingRule r : routingRules) {
      if (guarded(r, r::id, subject, "matches", () -> r.matches(current))) {
        assignee = guarded(r, r::id, subject, "assignee", r::assignee);
        rule = guarded(r, r::id, subject, "id", r::id);
        if (assignee.isBlank()) {
          throw new PluginFailureException(ruleName(r, r::id) + " returned a blank assignee for " + subject);
        }
        break;
      }
    }
    t.assignee = assignee;
    if (t.customer != null) {
      addDepartment(t.customer, assignee);
    }
    move(t, ComplaintState.ASSIGNED, actor, "assign", "to " + assignee + " by rule " + rule, at);
    return done(t);
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
  public synchronized Complaint reassign(String ticketId, String assignee, String actor, String reason, Instant at) {
    requireText(assignee, "assignee");
    requireText(reason, "reason");
    Ticket t = prepare(ticketId, actor, at);
    if (!t.state.isOpen()) {
      throw new IllegalTransitionException("ticket " + t.id + " is " + t.state + " and cannot be re-assigned");
    }
    if (assignee.equals(t.assignee)) {
      throw new IllegalTransitionException("ticket " + t.id + " is already assigned to " + assignee);
    }
    String from = t.assignee == null ? "nobody" : t.assignee;
    t.assignee = assignee;
    if (t.customer != null) {
      addDepartment(t.customer, assignee);
    }
    audit(t, at, actor, "reassign", t.state, "from " + from + " to " + assignee + ": " + reason);
    return done(t);
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
  public synchronized Complaint start(String ticketId, String actor, Instant at) {
    Ticket t = prepare(ticketId, actor, at);
    requireMove(t, ComplaintState.IN_PROGRESS);
    move(t, ComplaintState.IN_PROGRESS, actor, "start", "work started", at);
    return done(t);
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
  public synchronized Complaint escalate(String ticketId, String actor, String reason, Instant at) {
    requireText(reason, "reason");
    Ticket t = prepare(ticketId, actor, at);
    requireMove(t, ComplaintState.ESCALATED);
    move(t, ComplaintState.ESCALATED, actor, "escalate", reason, at);
    return done(t);
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
  public synchronized Complaint respond(String ticketId, String actor, String note, Instant at) {
    requireText(note, "note");
    Ticket t = prepare(ticketId, actor, at);
    if (!t.state.isOpen() || t.state == ComplaintState.RECEIVED) {
      throw new IllegalTransitionException("ticket " + t.id + " is " + t.state + " and cannot take a response");
    }
    Ticket.TargetClock next = plannedNextResponse(t, at);
    t.clocks.remove(SlaTarget.NEXT_RESPONSE);
    putClock(t, SlaTarget.NEXT_RESPONSE, next);
    audit(t, at, actor, "respond", t.state, note);
    reschedule(t);
    return done(t);
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
  public synchronized Complaint pause(String ticketId, String actor, String reason, Instant at) {
    requireText(reason, "reason");
    Ticket t = prepare(ticketId, actor, at);
    if (t.policy.stopTheClock().isEmpty()) {
      throw new StopTheClockNotAllowedException(
          "ticket " + t.id + " cannot be paused: sla policy '" + t.policy.id() + "' (" + t.policy.source()
              + ") has no stop-the-clock provision");
    }
    if (!t.state.isOpen() || t.pausedAt != null) {
      throw new IllegalTransitionException(
          "ticket " + t.id + " cannot be paused: " + (t.pausedAt != null ? "already paused" : "it is " + t.state));
    }
    t.pausedAt = at;
    audit(t, at, actor, "pause", t.state, reason);
    reschedule(t);
    return done(t);
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
  public synchronized Complaint resume(String ticketId, String actor, Instant at) {
    Ticket t = prepare(ticketId, actor, at);
    if (t.pausedAt == null) {
      throw new IllegalTransitionException("ticket " + t.id + " is not paused");
    }
    Duration paused = Duration.between(t.pausedAt, at);
    StoredTicket.Pause pause = new StoredTicket.Pause(t.pausedAt, at);
    t.pauses.add(pause);
    Map<SlaTarget, Ticket.TargetClock> moved = new EnumMap<>(SlaTarget.class);
    try {
      for (Map.Entry<SlaTarget, Ticket.TargetClock> e : t.clocks.entrySet()) {
        // a clock started during the pause (a response while paused) only counts its own part
        Ticket.TargetClock copy = copy(e.getValue());
        compute(t, copy, e.getKey(), t.policy);
        moved.put(e.getKey(), copy);
      }
    } catch (RuntimeException e) {
      t.pauses.remove(t.pauses.size() - 1);
      throw e;
    }
    t.clocks.putAll(moved);
    t.pausedAt = null;
    audit(t, at, actor, "resume", t.state, "paused for " + paused);
    reschedule(t);
    return done(t);
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
  public synchronized Complaint extend(String ticketId, String actor, String reason, Instant at) {
    requireText(reason, "reason");
    Ticket t = prepare(ticketId, actor, at);
    Ticket.TargetClock c = t.clocks.get(SlaTarget.RESOLUTION);
    if (c == null) {
      throw new IllegalTransitionException("ticket " + t.id + " has no running resolution deadline");
    }
    if (c.breached) {
      throw new IllegalTransitionException("resolution deadline of ticket " + t.id + " was already breached");
    }
    if (c.extension >= t.policy.extensions().size()) {
      throw new IllegalTransitionException(
          "ticket " + t.id + " has no further extension under sla policy '" + t.policy.id() + "'");
    }
    Ticket.TargetClock copy = copy(c);
    copy.extension++;
    copy.warned = false;
    compute(t, copy, SlaTarget.RESOLUTION, t.policy);
    t.clocks.put(SlaTarget.RESOLUTION, copy);
    audit(t, at, actor, "extend", t.state,
        "resolution deadline to " + Ticket.TargetClock.limit(SlaTarget.RESOLUTION, t.policy, copy.extension) + ": " + reason);
    reschedule(t);
    return done(t);
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
  public synchronized Complaint resolve(String ticketId, Resolution resolution, String actor, Instant at) {
    Objects.requireNonNull(resolution, "resolution");
    Ticket t = prepare(ticketId, actor, at);
    requireMove(t, ComplaintState.RESOLVED);
    boolean summary = t.clocks.containsKey(SlaTarget.SUMMARY_RESOLUTION);
    stopAll(t, at);
    t.resolution = resolution;
    t.accepted = null;
    move(t, ComplaintState.RESOLVED, actor, "resolve",
        resolution.correction() + resolution.compensation().map(m -> "; compensation " + m).orElse("")
            + "; root cause " + resolution.rootCause() + (summary ? "; summary resolution within its window" : ""), at);
    reschedule(t);
    return done(t);
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
  public synchronized Complaint accept(String ticketId, String actor, Instant at) {
    Ticket t = prepare(ticketId, actor, at);
    requireAnswerable(t);
    requireMove(t, ComplaintState.CLOSED);
    t.accepted = Boolean.TRUE;
    move(t, ComplaintState.CLOSED, actor, "accept", "customer accepted the resolution", at);
    finishCycle(t, true, at);
    return done(t);
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
  public synchronized Complaint reject(String ticketId, String actor, String reason, Instant at) {
    requireText(reason, "reason");
    Ticket t = prepare(ticketId, actor, at);
    requireAnswerable(t);
    t.accepted = Boolean.FALSE;
    audit(t, at, actor, "reject", t.state, reason);
    finishCycle(t, false, at);
    return done(t);
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
  public synchronized Complaint close(String ticketId, String actor, String reason, Instant at) {
    requireText(reason, "reason");
    Ticket t = prepare(ticketId, actor, at);
    requireMove(t, ComplaintState.CLOSED);
    move(t, ComplaintState.CLOSED, actor, "close", reason, at);
    finishCycle(t, Boolean.TRUE.equals(t.accepted), at);
    return done(t);
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
  public synchronized Complaint reopen(String ticketId, String actor, String reason, Instant at) {
    requireText(reason, "reason");
    Ticket t = prepare(ticketId, actor, at);
    requireMove(t, ComplaintState.REOPENED);
    Ticket.TargetClock resolution = new Ticket.TargetClock(at);
    compute(t, resolution, SlaTarget.RESOLUTION, t.policy);
    Ticket.TargetClock next = plannedNextResponse(t, at);
    int before = pendingEvents.size();
    finishCycle(t, Boolean.TRUE.equals(t.accepted), at);
    // the end of the last cycle and the new opening reach the engine in order, at distinct instants
    Instant openedAt = pendingEvents.size() > before ? at.plusMillis(1) : at;
    t.cycle++;
    t.accepted = null;
    t.resolution = null;
    t.clocks.put(SlaTarget.RESOLUTION, resolution);
    putClock(t, SlaTarget.NEXT_RESPONSE, next);
    move(t, ComplaintState.REOPENED, actor, "reopen", reason, at);
    reschedule(t);
    emitOpenedIfDue(t, openedAt);
    return done(t);
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
  public synchronized Complaint withdraw(String ticketId, String actor, String reason, Instant at) {
    requireText(reason, "reason");
    Ticket t = prepare(ticketId, actor, at);
    requireMove(t, ComplaintState.WITHDRAWN);
    for (SlaTarget target : SlaTarget.values()) {
      t.clocks.remove(target);
    }
    t.pausedAt = null;
    move(t, ComplaintState.WITHDRAWN, actor, "withdraw", reason, at);
    finishCycle(t, false, at);
    reschedule(t);
    return done(t);
  }

  // ---------------------------------------------------------------- appendix (seed 002 step 6)

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
  public synchronized Complaint notePreference(String ticketId, String preference, String actor, Instant at) {
    requireText(preference, "preference");
    Ticket t = prepare(ticketId, actor, at);
    if (t.customer == null) {
      throw new IllegalTransitionException("ticket " + t.id + " has no identified customer to note a preference for");
    }
    addPreference(t.customer, preference);
    audit(t, at, actor, "note-preference", t.state, preference);
    return done(t);
  }

  /**
   * Registers a department to be reminded when the customer does business again.
   *
   * @param customer the customer
   * @param department the department
   */
  public synchronized void watch(CustomerId customer, String department) {
    Objects.requireNonNull(customer, "customer");
    requireText(department, "department");
    addDepartment(customer, department);
    commit();
  }

  /**
   * The customer does business again: every registered department gets a reminder of the
   * customer's complaints and preferences, sent to the reminder sink and returned.
   *
   * @param customer the customer
   * @param at when
   * @return the reminders, by department name; empty if the customer never complained
   */
  public synchronized List<Reminder> customerReturned(CustomerId customer, Instant at) {
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

  /**
   * The customer's complaint appendix.
   *
   * @param customer the customer
   * @return the appendix; empty lists if the customer never complained
   */
  public synchronized ComplaintAppendix appendix(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    List<Complaint> list = new ArrayList<>();
    for (StoredTicket t : store.findByCustomer(customer)) {
      list.add(t.complaint());
    }
    ComplaintFile file = file(customer);
    return new ComplaintAppendix(customer, list, file.preferences(), file.departments());
  }

  // ---------------------------------------------------------------- queries and reports

  /**
   * A ticket.
   *
   * @param ticketId the id
   * @return the ticket
   * @throws ValidationException if no ticket has the id
   */
  public synchronized Complaint get(String ticketId) {
    return snapshot(ticket(ticketId));
  }

  /**
   * How many lifecycle events wait in the store's outbox (a sink that failed leaves them there;
   * every operation and {@link #deliverEvents} tries again).
   *
   * @return the number of pending events, up to 10,000
   */
  public synchronized int pendingEvents() {
    return store.pendingEvents(10_000).size();
  }

  /**
   * Sends the lifecycle events waiting in the outbox to the sink, oldest first, stopping at the
   * first the sink refuses; each delivered event is marked delivered in the store.
   *
   * @return how many were delivered
   */
  public synchronized int deliverEvents() {
    return outbox.deliver();
  }

  /**
   * How many tickets the desk holds (none is ever removed).
   *
   * @return the count
   */
  public synchronized int size() {
    return (int) store.lastSequence();
  }

  /**
   * Every ticket, in the order they were opened.
   *
   * @return the tickets
   */
  public synchronized List<Complaint> all() {
    List<Complaint> out = new ArrayList<>();
    store.forEach(t -> out.add(t.complaint()));
    return out;
  }

  /**
   * The management report as of the desk clock.
   *
   * @return the report
   */
  public synchronized ComplaintReport report() {
    return ComplaintReports.of(store, now, calendar.zone());
  }

  // ---------------------------------------------------------------- the clock

  /**
   * Moves the clock and emits, in deadline order, every warning, breach and escalation due at or
   * before {@code until}: each exactly once, to the SLA sink and in the returned list. Touches only
   * the tickets that are due. Advancing in several steps emits exactly the events of one big step.
   *
   * @param until the new time
   * @return the events emitted
   * @throws ValidationException if {@code until} is before the clock
   */
  public synchronized List<SlaEvent> advanceTo(Instant until) {
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

  private void reschedule(Ticket t) {
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

  private void compute(Ticket t, Ticket.TargetClock c, SlaTarget target, SlaPolicy policy) {
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

  private Map<SlaTarget, Ticket.TargetClock> recompute(Ticket t, SlaPolicy policy) {
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

  private static void applyPolicy(Ticket t, SlaPolicy policy, Map<SlaTarget, Ticket.TargetClock> clocks) {
    t.policy = policy;
    t.clocks.clear();
    t.clocks.putAll(clocks);
  }

  private Ticket.TargetClock plannedNextResponse(Ticket t, Instant at) {
    if (t.policy.nextResponse().isEmpty()) {
      return null;
    }
    Ticket.TargetClock c = new Ticket.TargetClock(at);
    compute(t, c, SlaTarget.NEXT_RESPONSE, t.policy);
    return c;
  }

  private static void putClock(Ticket t, SlaTarget target, Ticket.TargetClock c) {
    if (c != null) {
      t.clocks.put(target, c);
    }
  }

  private static Ticket.TargetClock copy(Ticket.TargetClock c) {
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

  private void stopClock(Ticket t, SlaTarget target, Instant at) {
    Ticket.TargetClock c = t.clocks.remove(target);
    if (c != null && !c.breached && (target == SlaTarget.FIRST_RESPONSE || target == SlaTarget.RESOLUTION)) {
      t.outcomes.add(new StoredTicket.SlaOutcome(target, t.policy.id(), true, at));
    }
  }

  private void stopAll(Ticket t, Instant at) {
    for (SlaTarget target : SlaTarget.values()) {
      stopClock(t, target, at);
    }
    t.pausedAt = null;
  }

  // ---------------------------------------------------------------- lifecycle events

  private void emitOpenedIfDue(Ticket t, Instant at) {
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

  private void finishCycle(Ticket t, boolean accepted, Instant at) {
    if (t.finishedCycle == t.cycle) {
      return;
    }
    t.finishedCycle = t.cycle;
    if (t.openedCycle == t.cycle) {
      pendingEvents.add(new ComplaintResolved(t.id + "/resolved/" + t.cycle, t.customer, at, t.id, accepted));
    }
  }

  // ---------------------------------------------------------------- plumbing

  private Ticket prepare(String ticketId, String actor, Instant at) {
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
  private void requireNotFuture(Instant at, String field) {
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

  // ---------------------------------------------------------------- the store and the outbox

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
  private Complaint done(Ticket t) {
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

  private void rollback() {
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

  private void requireMove(Ticket t, ComplaintState to) {
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
  private static String subject(Ticket t) {
    return subject(t.id, t.customer);
  }

  private static String subject(String ticketId, CustomerId customer) {
    return "ticket " + ticketId + (customer == null ? "" : " of " + PluginCalls.subject(customer));
  }

  /** Copies a set inside the guard (a null set stays null, a null element is kept to be reported). */
  private static Set<ComplaintState> copy(Set<ComplaintState> states) {
    return states == null ? null : new HashSet<>(states);
  }

  private SlaPolicy slaPolicy(String subject, Severity severity, String category) {
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
  private static <R> R guarded(Object rule, java.util.function.Supplier<String> id, String subject, String operation,
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

  private static String ruleName(Object rule, java.util.function.Supplier<String> id) {
    String name;
    try {
      name = id.get();
    } catch (RuntimeException e) {
      name = "?";
    }
    return "rule '" + name + "' (" + rule.getClass().getName() + ")";
  }

  private static void requireAnswerable(Ticket t) {
    if (t.state != ComplaintState.RESOLVED) {
      throw new IllegalTransitionException("ticket " + t.id + " is " + t.state + ", not RESOLVED");
    }
    if (t.accepted != null) {
      throw new IllegalTransitionException("customer already answered the resolution of ticket " + t.id);
    }
  }

  private static void requireText(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new ValidationException(field + " is blank");
    }
  }

  private void move(Ticket t, ComplaintState to, String actor, String action, String reason, Instant at) {
    t.audit.add(new AuditEntry(at, actor, action, t.state, to, reason));
    t.state = to;
  }

  private static void audit(Ticket t, Instant at, String actor, String action, ComplaintState state, String reason) {
    t.audit.add(new AuditEntry(at, actor, action, state, state, reason));
  }

  private List<Instant> earlier(Ticket t) {
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
  private ComplaintFile file(CustomerId customer) {
    ComplaintFile f = changedFiles.get(customer);
    if (f == null) {
      f = store.file(customer).orElse(new ComplaintFile(customer, List.of(), Set.of()));
    }
    return f;
  }

  private void addDepartment(CustomerId customer, String department) {
    ComplaintFile f = file(customer);
    Set<String> departments = new TreeSet<>(f.departments());
    departments.add(department);
    changedFiles.put(customer, new ComplaintFile(customer, f.preferences(), departments));
  }

  private void addPreference(CustomerId customer, String preference) {
    ComplaintFile f = file(customer);
    List<String> preferences = new ArrayList<>(f.preferences());
    preferences.add(preference);
    changedFiles.put(customer, new ComplaintFile(customer, preferences, f.departments()));
  }

  private Complaint snapshot(Ticket t) {
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

  /** Builds a {@link ComplaintDesk}. Workflow and calendar are required; each setter once. */
  public static final class Builder {
    private ComplaintWorkflow workflow;
    private BusinessCalendar calendar;
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
    private Duration futureTolerance = Duration.ofDays(1);
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
