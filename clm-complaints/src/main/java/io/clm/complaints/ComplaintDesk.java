package io.clm.complaints;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginFailureException;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.AuditEntry;
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
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Event;
import io.clm.api.event.Severity;
import io.clm.api.spi.PluginCalls;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
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
@Experimental
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

  private final Map<String, Ticket> tickets = new HashMap<>();
  private final Map<CustomerId, CustomerFile> files = new HashMap<>();
  private final DeadlineIndex index = new DeadlineIndex();
  private final Map<String, long[]> compliance = new TreeMap<>();
  private final List<SlaEvent> breaches = new ArrayList<>();
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
    this.now = b.start;
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
   * Finds a discovered workflow by id with {@link ServiceLoader}.
   *
   * @param id the workflow id, such as {@code uk-fca-disp}
   * @return the workflow
   * @throws PluginConfigurationException if no workflow, or more than one, has the id
   */
  public static ComplaintWorkflow findWorkflow(String id) {
    Objects.requireNonNull(id, "id");
    List<ComplaintWorkflow> found = new ArrayList<>();
    for (ComplaintWorkflow w : ServiceLoader.load(ComplaintWorkflow.class, ComplaintDesk.class.getClassLoader())) {
      if (w.id().equals(id)) {
        found.add(w);
      }
    }
    if (found.isEmpty()) {
      throw new PluginConfigurationException("no complaint workflow has id '" + id + "'");
    }
    if (found.size() > 1) {
      throw new PluginConfigurationException(
          "complaint workflow id '" + id + "' is used by " + found.get(0).getClass().getName() + " and "
              + found.get(1).getClass().getName());
    }
    return found.get(0);
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
    CustomerFile file = files.get(customer);
    List<Complaint> recent = new ArrayList<>();
    List<String> preferences = List.of();
    if (file != null) {
      for (int i = file.tickets.size() - 1; i >= 0 && recent.size() < RECENT; i--) {
        recent.add(snapshot(file.tickets.get(i)));
      }
      preferences = List.copyOf(file.preferences);
    }
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
    advanceInternal(intake.receivedAt().isAfter(now) ? intake.receivedAt() : now);
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
    for (SlaTarget target : new SlaTarget[] {SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION}) {
      if (target == SlaTarget.FIRST_RESPONSE && t.policy.firstResponse().isEmpty()) {
        continue;
      }
      Ticket.TargetClock c = new Ticket.TargetClock(t.receivedAt);
      try {
        compute(c, target, t.policy);
        t.clocks.put(target, c);
      } catch (CalendarCoverageException e) {
        t.flags.add(ComplaintFlag.CALENDAR_INCOMPLETE);
        reason.append("; no ").append(target.name().toLowerCase(Locale.ROOT)).append(" deadline: ").append(e.getMessage());
      }
    }
    t.audit.add(new AuditEntry(intake.receivedAt(), actor, "receive", ComplaintState.RECEIVED, ComplaintState.RECEIVED, reason.toString()));
    tickets.put(t.id, t);
    if (t.customer != null) {
      file(t.customer).tickets.add(t);
    }
    reschedule(t);
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
    audit(t, at, actor, "identify", t.state, "customer " + customer.masked());
    file(customer).tickets.add(t);
    file(customer).tickets.sort(Comparator.comparing((Ticket x) -> x.receivedAt).thenComparingLong(x -> x.seq));
    emitOpenedIfDue(t, at);
    return snapshot(t);
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
    return snapshot(t);
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
    return snapshot(t);
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
    return snapshot(t);
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
      file(t.customer).departments.add(assignee);
    }
    move(t, ComplaintState.ASSIGNED, actor, "assign", "to " + assignee + " by rule " + rule, at);
    return snapshot(t);
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
      file(t.customer).departments.add(assignee);
    }
    audit(t, at, actor, "reassign", t.state, "from " + from + " to " + assignee + ": " + reason);
    return snapshot(t);
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
    return snapshot(t);
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
    return snapshot(t);
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
    return snapshot(t);
  }

  /**
   * Pauses the SLA clocks while the bank waits on the customer or on a third party (for the Chinese
   * rules: external appraisal, which is not counted). Warnings and breaches do not fall due while
   * paused; on resume every running deadline moves by the time paused.
   *
   * @param ticketId the ticket
   * @param actor who paused
   * @param reason why (waiting for documents, external appraisal)
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the ticket is not open or already paused
   */
  public synchronized Complaint pause(String ticketId, String actor, String reason, Instant at) {
    requireText(reason, "reason");
    Ticket t = prepare(ticketId, actor, at);
    if (!t.state.isOpen() || t.pausedAt != null) {
      throw new IllegalTransitionException(
          "ticket " + t.id + " cannot be paused: " + (t.pausedAt != null ? "already paused" : "it is " + t.state));
    }
    t.pausedAt = at;
    audit(t, at, actor, "pause", t.state, reason);
    reschedule(t);
    return snapshot(t);
  }

  /**
   * Resumes paused SLA clocks, moving each running deadline by the time paused.
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
    Map<SlaTarget, Ticket.TargetClock> moved = new EnumMap<>(SlaTarget.class);
    for (Map.Entry<SlaTarget, Ticket.TargetClock> e : t.clocks.entrySet()) {
      Ticket.TargetClock copy = copy(e.getValue());
      // a clock started during the pause (a response while paused) only counts its own part
      Instant from = copy.start.isAfter(t.pausedAt) ? copy.start : t.pausedAt;
      copy.paused = copy.paused.plus(Duration.between(from, at));
      compute(copy, e.getKey(), t.policy);
      moved.put(e.getKey(), copy);
    }
    t.clocks.putAll(moved);
    t.pausedAt = null;
    audit(t, at, actor, "resume", t.state, "paused for " + paused);
    reschedule(t);
    return snapshot(t);
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
    compute(copy, SlaTarget.RESOLUTION, t.policy);
    t.clocks.put(SlaTarget.RESOLUTION, copy);
    audit(t, at, actor, "extend", t.state,
        "resolution deadline to " + Ticket.TargetClock.limit(SlaTarget.RESOLUTION, t.policy, copy.extension) + ": " + reason);
    reschedule(t);
    return snapshot(t);
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
    stopAll(t, at);
    t.resolution = resolution;
    t.accepted = null;
    move(t, ComplaintState.RESOLVED, actor, "resolve",
        resolution.correction() + resolution.compensation().map(m -> "; compensation " + m).orElse("")
            + "; root cause " + resolution.rootCause(), at);
    reschedule(t);
    return snapshot(t);
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
    return snapshot(t);
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
    return snapshot(t);
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
    return snapshot(t);
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
    compute(resolution, SlaTarget.RESOLUTION, t.policy);
    Ticket.TargetClock next = plannedNextResponse(t, at);
    finishCycle(t, Boolean.TRUE.equals(t.accepted), at);
    t.cycle++;
    t.accepted = null;
    t.resolution = null;
    t.clocks.put(SlaTarget.RESOLUTION, resolution);
    putClock(t, SlaTarget.NEXT_RESPONSE, next);
    move(t, ComplaintState.REOPENED, actor, "reopen", reason, at);
    reschedule(t);
    emitOpenedIfDue(t, at);
    return snapshot(t);
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
    return snapshot(t);
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
    file(t.customer).preferences.add(preference);
    audit(t, at, actor, "note-preference", t.state, preference);
    return snapshot(t);
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
    file(customer).departments.add(department);
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
    CustomerFile file = files.get(customer);
    if (file == null || file.tickets.isEmpty()) {
      return List.of();
    }
    List<String> ids = file.tickets.stream().map(x -> x.id).collect(Collectors.toList());
    List<Reminder> out = new ArrayList<>();
    for (String department : new TreeSet<>(file.departments)) {
      Reminder r = new Reminder(department, customer, at, ids, List.copyOf(file.preferences));
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
    CustomerFile file = files.get(customer);
    if (file == null) {
      return new ComplaintAppendix(customer, List.of(), List.of(), Set.of());
    }
    List<Complaint> list = new ArrayList<>();
    for (Ticket t : file.tickets) {
      list.add(snapshot(t));
    }
    return new ComplaintAppendix(customer, list, List.copyOf(file.preferences), file.departments);
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
   * How many tickets the desk holds (none is ever removed).
   *
   * @return the count
   */
  public synchronized int size() {
    return tickets.size();
  }

  /**
   * Every ticket, in the order they were opened.
   *
   * @return the tickets
   */
  public synchronized List<Complaint> all() {
    List<Ticket> list = new ArrayList<>(tickets.values());
    list.sort(Comparator.comparingLong(t -> t.seq));
    List<Complaint> out = new ArrayList<>(list.size());
    for (Ticket t : list) {
      out.add(snapshot(t));
    }
    return out;
  }

  /**
   * The management report as of the desk clock.
   *
   * @return the report
   */
  public synchronized ComplaintReport report() {
    Map<ComplaintReport.AgeBand, Map<Severity, Long>> open = new EnumMap<>(ComplaintReport.AgeBand.class);
    Map<ComplaintReport.AgeBand, Long> unclassified = new EnumMap<>(ComplaintReport.AgeBand.class);
    Map<String, Long> causes = new TreeMap<>();
    for (Ticket t : tickets.values()) {
      if (t.state.isOpen()) {
        long days = Math.max(0, ChronoUnit.DAYS.between(
            t.receivedAt.atZone(calendar.zone()).toLocalDate(), now.atZone(calendar.zone()).toLocalDate()));
        ComplaintReport.AgeBand band = ComplaintReport.AgeBand.of(days);
        if (t.classification == null) {
          unclassified.merge(band, 1L, Long::sum);
        } else {
          open.computeIfAbsent(band, b -> new EnumMap<>(Severity.class)).merge(t.classification.severity(), 1L, Long::sum);
        }
      }
      if (t.resolution != null) {
        causes.merge(t.resolution.rootCause(), 1L, Long::sum);
      }
    }
    Map<String, ComplaintReport.PolicyCompliance> rates = new TreeMap<>();
    compliance.forEach((id, c) -> rates.put(id, new ComplaintReport.PolicyCompliance(c[0], c[1], c[2], c[3])));
    return new ComplaintReport(now, open, unclassified, rates, breaches, causes);
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
    return advanceInternal(until);
  }

  private List<SlaEvent> advanceInternal(Instant until) {
    List<SlaEvent> fired = new ArrayList<>();
    while (!index.isEmpty() && index.headDueBy(until)) {
      Ticket t = index.headTicket();
      int version = index.headVersion();
      index.removeHead();
      if (version != t.version) {
        continue;
      }
      liveAlarms--;
      t.hasLiveAlarm = false;
      Due due = next(t);
      SlaEvent event = fire(t, due);
      fired.add(event);
      reschedule(t);
    }
    now = until;
    for (SlaEvent e : fired) {
      slaEvents.accept(e);
    }
    return fired;
  }

  private SlaEvent fire(Ticket t, Due due) {
    Ticket.TargetClock c = t.clocks.get(due.target);
    String what = due.target.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    SlaEvent event;
    switch (due.kind) {
      case WARNING:
        c.warned = true;
        event = new SlaEvent(t.id, t.policy.id(), due.target, due.kind, 0, c.deadline, due.at);
        audit(t, due.at, CLOCK, "sla-warning", t.state, what + " due " + c.deadline);
        break;
      case BREACH:
        c.breached = true;
        event = new SlaEvent(t.id, t.policy.id(), due.target, due.kind, 0, c.deadline, due.at);
        audit(t, due.at, CLOCK, "sla-breach", t.state, what + " deadline " + c.deadline + " passed");
        count(t.policy.id(), due.target, false);
        breaches.add(event);
        break;
      case ESCALATION:
        c.escalated = due.level;
        t.escalationLevel = Math.max(t.escalationLevel, due.level);
        event = new SlaEvent(t.id, t.policy.id(), due.target, due.kind, due.level, c.deadline, due.at);
        audit(t, due.at, CLOCK, "sla-escalation", t.state, what + " escalation level " + due.level);
        break;
      default:
        throw new AssertionError(due.kind);
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
        d = new Due(c.deadline, e.getKey(), SlaEvent.Kind.BREACH, 0);
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

  private void compute(Ticket.TargetClock c, SlaTarget target, SlaPolicy policy) {
    SlaLimit limit = Ticket.TargetClock.limit(target, policy, c.extension);
    Instant start = c.effectiveStart();
    Instant deadline = calendar.deadline(start, limit);
    Instant warnAt = null;
    if (policy.warnBefore().isPresent()) {
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
          || target == SlaTarget.NEXT_RESPONSE && policy.nextResponse().isEmpty()) {
        continue;
      }
      Ticket.TargetClock copy = copy(e.getValue());
      copy.extension = Math.min(copy.extension, policy.extensions().size());
      compute(copy, target, policy);
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
    compute(c, SlaTarget.NEXT_RESPONSE, t.policy);
    return c;
  }

  private static void putClock(Ticket t, SlaTarget target, Ticket.TargetClock c) {
    if (c != null) {
      t.clocks.put(target, c);
    }
  }

  private static Ticket.TargetClock copy(Ticket.TargetClock c) {
    Ticket.TargetClock copy = new Ticket.TargetClock(c.start);
    copy.paused = c.paused;
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
    if (c != null && !c.breached && target != SlaTarget.NEXT_RESPONSE) {
      count(t.policy.id(), target, true);
    }
  }

  private void stopAll(Ticket t, Instant at) {
    for (SlaTarget target : SlaTarget.values()) {
      stopClock(t, target, at);
    }
    t.pausedAt = null;
  }

  private void count(String policyId, SlaTarget target, boolean met) {
    long[] c = compliance.computeIfAbsent(policyId, k -> new long[4]);
    int base = target == SlaTarget.FIRST_RESPONSE ? 0 : 2;
    c[base + (met ? 0 : 1)]++;
  }

  // ---------------------------------------------------------------- lifecycle events

  private void emitOpenedIfDue(Ticket t, Instant at) {
    if (t.customer == null || t.classification == null || t.openedCycle == t.cycle) {
      return;
    }
    t.openedCycle = t.cycle;
    Instant when = t.cycle == 1 ? t.receivedAt : at;
    events.accept(new ComplaintOpened(t.id + "/opened/" + t.cycle, t.customer, when, t.id, t.classification.severity()));
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
      events.accept(new ComplaintResolved(t.id + "/resolved/" + t.cycle, t.customer, at, t.id, accepted));
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
    advanceInternal(at);
    return t;
  }

  private Ticket ticket(String ticketId) {
    Objects.requireNonNull(ticketId, "ticketId");
    Ticket t = tickets.get(ticketId);
    if (t == null) {
      throw new ValidationException("ticket '" + ticketId + "' is not known");
    }
    return t;
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
    CustomerFile file = files.get(t.customer);
    List<Instant> out = new ArrayList<>();
    for (Ticket other : file.tickets) {
      if (other != t && !other.receivedAt.isAfter(t.receivedAt)) {
        out.add(other.receivedAt);
      }
    }
    return out;
  }

  private CustomerFile file(CustomerId customer) {
    return files.computeIfAbsent(customer, c -> new CustomerFile());
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

  /** A customer's complaint file: the appendix. */
  private static final class CustomerFile {
    final List<Ticket> tickets = new ArrayList<>();
    final LinkedHashSet<String> preferences = new LinkedHashSet<>();
    final LinkedHashSet<String> departments = new LinkedHashSet<>();
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
     * Where lifecycle events go, typically {@code engine::ingest}. Sinks are called after the
     * change they report has been made; a sink that throws does not undo it, and the exception
     * reaches the caller of the operation.
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
      return new ComplaintDesk(this);
    }
  }
}
