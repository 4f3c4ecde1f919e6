package io.clm.api.complaints;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginFailureException;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The complaint desk: takes complaints in from every channel, identifies the customer, links the
 * order, classifies, routes, tracks SLA deadlines on a business calendar, records resolutions and
 * the customer's answer, keeps each customer's complaint appendix and a full audit trail, and feeds
 * {@link ComplaintOpened} / {@link ComplaintResolved} events to the lifecycle engine.
 *
 * <pre>{@code
 * ComplaintDesk desk = ComplaintDesk.builder()
 *     .workflow(ComplaintDesk.findWorkflow("uk-fca-disp"))
 *     .calendar(HolidayCalendars.of("GB-ENG"))
 *     .events(engine::ingest)
 *     .build();
 * }</pre>
 *
 * <p>The implementation (clm-complaints) is found with {@link java.util.ServiceLoader}, as the
 * engine is; exactly one must be on the class path or module path.
 *
 * <p>A desk holds one or more <em>profiles</em>, each a workflow with the calendar its deadlines
 * are counted on (one per regulator or jurisdiction): the main profile, named by its workflow's id,
 * and any added with {@link ComplaintDeskBuilder#profile}. An {@link Intake} names its profile
 * ({@link Intake#withProfile}); one that names none goes to the main profile. A ticket keeps its
 * profile for life.
 *
 * <p>Tickets live in a {@link TicketStore} (in memory by default). Each ticket operation is a
 * command run by one template: load the ticket, check the time and move the clock, check the move
 * and ask the workflow, apply, audit, reschedule the SLA clock, then save the ticket, the
 * customer's file, the desk clock and the lifecycle events in one change; the events then leave
 * through the store's outbox, at least once. A desk built over a store that holds tickets carries
 * on where the last one stopped.
 *
 * <p>Every operation takes the actor, the time and (where it is a judgement) the reason, and records
 * them in the ticket's audit trail. The actor {@code clock} is the desk's own, on the SLA clock's
 * entries; an operation naming it is refused with {@link ValidationException}. An operation checks everything first and then changes the
 * ticket, so a refused operation ({@link IllegalTransitionException} for a move the workflow
 * forbids, {@link ValidationException} for bad input) leaves the ticket exactly as it was, and the
 * desk clock too unless SLA events fell due before the operation's time (those are raised and kept
 * with the clock's new time). No ticket is ever removed.
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
 * <p>Implementations are thread-safe: operations are serialised on the desk.
 */
@Experimental
public interface ComplaintDesk {

  /**
   * Starts configuring a desk.
   *
   * @return a builder
   */
  static ComplaintDeskBuilder builder() {
    return new ComplaintDeskBuilder();
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
  static ComplaintWorkflow findWorkflow(String id) {
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
  static ComplaintWorkflow findWorkflow(String id, ClassLoader loader) {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(loader, "loader");
    return Clm.plugins(loader).get(ComplaintWorkflow.class, id);
  }

  /**
   * The workflow of the desk's main profile (the one given to {@link ComplaintDeskBuilder#workflow}).
   *
   * @return the workflow
   */
  ComplaintWorkflow workflow();

  /**
   * The desk's clock.
   *
   * @return the time the clock was last advanced to
   */
  Instant now();

  /**
   * What the agent sees when a number calls: the customer, their recent orders and how their recent
   * complaints were handled.
   *
   * @param callerPhone the calling number
   * @return the view; with an empty customer when the number is unknown
   */
  CallerView identifyCaller(String callerPhone);

  /**
   * What the agent sees for a known customer.
   *
   * @param customer the customer
   * @return the view
   */
  CallerView viewOf(CustomerId customer);

  /**
   * Opens a ticket. A call is matched to a customer through the customer directory; when the
   * customer cannot be identified the ticket is flagged {@link ComplaintFlag#UNIDENTIFIED_CUSTOMER}
   * and kept. A named order is looked up; an unknown one is flagged {@link
   * ComplaintFlag#UNKNOWN_ORDER} and kept; so is a complaint whose lookups fail (the failure's
   * class is recorded in the audit trail). The SLA clocks start at the receipt time under the
   * workflow's policy for the intake's category and the severity the classification rules give
   * with what is known at intake (a vulnerable customer, a regulator referral, a repeat
   * complainant), so an urgent complaint's first response is due under the urgent limit; {@link
   * #classify} confirms or changes it later. A rule or lookup that fails at intake does not refuse
   * the complaint: its clocks start as for a normal one. A complaint is never
   * refused for want of a calendar year: the deadline is left out and the ticket flagged {@link
   * ComplaintFlag#CALENDAR_INCOMPLETE}. The receipt time may lie before the desk clock (a letter
   * registered late): deadlines already past fall due at the next clock step, at their own time.
   *
   * @param intake the complaint as received
   * @param actor who records it
   * @return the new ticket
   * @throws ValidationException if the actor, the caller's phone number or the order number is
   *     blank (nothing is stored)
   */
  Complaint open(Intake intake, String actor);

  /**
   * Identifies the customer of a flagged ticket, clearing {@link ComplaintFlag#UNIDENTIFIED_CUSTOMER}.
   * The departments the ticket was assigned to so far join the customer's file, as they would have
   * had the customer been known.
   *
   * @param ticketId the ticket
   * @param customer the customer
   * @param actor who identified them
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the ticket's customer is already known
   */
  Complaint identifyCustomer(String ticketId, CustomerId customer, String actor, Instant at);

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
  Complaint linkOrder(String ticketId, String orderNumber, String actor, Instant at);

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
  Complaint acknowledge(String ticketId, String actor, Instant at);

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
  Complaint classify(String ticketId, String actor, Instant at);

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
  Complaint assign(String ticketId, String actor, Instant at);

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
  Complaint reassign(String ticketId, String assignee, String actor, String reason, Instant at);

  /**
   * Starts work on the complaint.
   *
   * @param ticketId the ticket
   * @param actor who started
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the workflow forbids the move
   */
  Complaint start(String ticketId, String actor, Instant at);

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
  Complaint escalate(String ticketId, String actor, String reason, Instant at);

  /**
   * Records a response to the customer while the complaint is open and no longer {@link
   * ComplaintState#RECEIVED} (there, {@link #acknowledge} is the first response); restarts the
   * next-response clock. On a ticket that left RECEIVED without an acknowledgement (escalated
   * straight away) this is the first response: it stops the first-response clock, met unless
   * already breached.
   *
   * @param ticketId the ticket
   * @param actor who responded
   * @param note what was said
   * @param at when
   * @return the ticket
   * @throws IllegalTransitionException if the ticket is not open or still RECEIVED
   */
  Complaint respond(String ticketId, String actor, String note, Instant at);

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
  Complaint pause(String ticketId, String actor, String reason, Instant at);

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
  Complaint resume(String ticketId, String actor, Instant at);

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
  Complaint extend(String ticketId, String actor, String reason, Instant at);

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
  Complaint resolve(String ticketId, Resolution resolution, String actor, Instant at);

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
  Complaint accept(String ticketId, String actor, Instant at);

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
  Complaint reject(String ticketId, String actor, String reason, Instant at);

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
  Complaint close(String ticketId, String actor, String reason, Instant at);

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
  Complaint reopen(String ticketId, String actor, String reason, Instant at);

  /**
   * Records the customer's written request for a review of the decision by a higher level, where
   * the policy's rule provides one (the Chinese 2020 rules: 核查, an application within 30 days of
   * the decision, decided within 30 days of its receipt): the ticket is reopened and a {@link
   * SlaTarget#REVIEW} deadline runs from {@code at}, the application's receipt; {@link #resolve}
   * records the review's decision. Emits the events of {@link #reopen}.
   *
   * @param ticketId the ticket
   * @param actor who recorded the application
   * @param reason what the customer disputes
   * @param at when the application was received
   * @return the ticket
   * @throws IllegalTransitionException if the workflow forbids reopening, the policy provides no
   *     review, the ticket was never resolved, or the application comes after the rule's window
   * @throws CalendarCoverageException if the review deadline needs an uncovered year
   */
  Complaint requestReview(String ticketId, String actor, String reason, Instant at);

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
  Complaint withdraw(String ticketId, String actor, String reason, Instant at);

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
  Complaint notePreference(String ticketId, String preference, String actor, Instant at);

  /**
   * Registers a department to be reminded when the customer does business again.
   *
   * @param customer the customer
   * @param department the department
   */
  void watch(CustomerId customer, String department);

  /**
   * The customer does business again: every registered department gets a reminder of the
   * customer's complaints and preferences, sent to the reminder sink and returned.
   *
   * @param customer the customer
   * @param at when
   * @return the reminders, by department name; empty if the customer never complained
   */
  List<Reminder> customerReturned(CustomerId customer, Instant at);

  /**
   * The customer's complaint appendix.
   *
   * @param customer the customer
   * @return the appendix; empty lists if the customer never complained
   */
  ComplaintAppendix appendix(CustomerId customer);

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
  List<String> erase(CustomerId customer, String actor, Instant at);

  /**
   * A ticket.
   *
   * @param ticketId the id
   * @return the ticket
   * @throws ValidationException if no ticket has the id
   */
  Complaint get(String ticketId);

  /**
   * How many lifecycle events wait in the store's outbox (a sink that failed leaves them there;
   * every operation and {@link #deliverEvents} tries again).
   *
   * @return the number of pending events, up to 10,000
   */
  int pendingEvents();

  /**
   * Sends the lifecycle events waiting in the outbox to the sink, oldest first, stopping at the
   * first the sink refuses; each delivered event is marked delivered in the store.
   *
   * @return how many were delivered
   */
  int deliverEvents();

  /**
   * How many tickets the desk holds (none is ever removed).
   *
   * @return the count
   */
  int size();

  /**
   * Every ticket, in the order they were opened.
   *
   * @return the tickets
   */
  List<Complaint> all();

  /**
   * The management report as of the desk clock.
   *
   * @return the report
   */
  ComplaintReport report();

  /**
   * Moves the clock and emits, in deadline order, every warning, breach and escalation due at or
   * before {@code until}: each exactly once, to the SLA sink and in the returned list. Touches only
   * the tickets that are due. Advancing in several steps emits exactly the events of one big step.
   *
   * @param until the new time
   * @return the events emitted
   * @throws ValidationException if {@code until} is before the clock
   */
  List<SlaEvent> advanceTo(Instant until);
}
