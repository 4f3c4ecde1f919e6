package io.clm.api.complaints;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ticket as a {@link TicketStore} holds it: everything the desk needs to carry on after a
 * restart.
 *
 * @param sequence the ticket's sequence number within the desk, from 1
 * @param complaint the complaint as the desk shows it, with its full audit trail
 * @param clocks the SLA clocks still running (one per target at most)
 * @param outcomes how each stopped SLA target ended, oldest first (for reports)
 * @param pauses the finished pauses of the SLA clocks, oldest first
 * @param pausedSince when the running pause began, if the clocks are paused now
 * @param cycle the handling cycle: 1, then one more per reopening
 * @param openedCycle the last cycle whose opening was sent to the lifecycle engine (0 for none)
 * @param finishedCycle the last cycle whose end was sent to the lifecycle engine (0 for none)
 * @param nextDue when the ticket's next SLA event (warning, breach, lapse, escalation) falls due;
 *     empty when none is scheduled. Stores index this for {@link TicketStore#dueBy}
 */
@Experimental
public record StoredTicket(
    long sequence,
    Complaint complaint,
    List<SlaClock> clocks,
    List<SlaOutcome> outcomes,
    List<Pause> pauses,
    Optional<Instant> pausedSince,
    int cycle,
    int openedCycle,
    int finishedCycle,
    Optional<Instant> nextDue) {

  /**
   * Validates and copies the record.
   *
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the sequence or a cycle is out of range, or two clocks have the
   *     same target
   * @param sequence the ticket's sequence number within the desk, from 1
   * @param complaint the complaint as the desk shows it, with its full audit trail
   * @param clocks the SLA clocks still running (one per target at most)
   * @param outcomes how each stopped SLA target ended, oldest first (for reports)
   * @param pauses the finished pauses of the SLA clocks, oldest first
   * @param pausedSince when the running pause began, if the clocks are paused now
   * @param cycle the handling cycle: 1, then one more per reopening
   * @param openedCycle the last cycle whose opening was sent to the lifecycle engine (0 for none)
   * @param finishedCycle the last cycle whose end was sent to the lifecycle engine (0 for none)
   * @param nextDue when the ticket's next SLA event (warning, breach, lapse, escalation) falls due; empty when none is scheduled. Stores index this for {@link TicketStore#dueBy}
   */
  public StoredTicket {
    Objects.requireNonNull(complaint, "complaint");
    clocks = List.copyOf(clocks);
    outcomes = List.copyOf(outcomes);
    pauses = List.copyOf(pauses);
    Objects.requireNonNull(pausedSince, "pausedSince");
    Objects.requireNonNull(nextDue, "nextDue");
    if (sequence < 1) {
      throw new ValidationException("ticket sequence " + sequence + " is below 1");
    }
    if (cycle < 1 || openedCycle < 0 || openedCycle > cycle || finishedCycle < 0 || finishedCycle > cycle) {
      throw new ValidationException(
          "ticket " + complaint.id() + " cycles " + cycle + "/" + openedCycle + "/" + finishedCycle + " are inconsistent");
    }
    for (int i = 0; i < clocks.size(); i++) {
      for (int j = i + 1; j < clocks.size(); j++) {
        if (clocks.get(i).target() == clocks.get(j).target()) {
          throw new ValidationException("ticket " + complaint.id() + " has two " + clocks.get(i).target() + " clocks");
        }
      }
    }
  }

  /**
   * The ticket id.
   *
   * @return the id of the complaint
   */
  public String id() {
    return complaint.id();
  }

  /**
   * One running SLA clock.
   *
   * @param target what the deadline is for
   * @param start when the clock started (the receipt, the last response, the reopening)
   * @param extension how many of the policy's extensions apply (0 for the plain limit)
   * @param warned whether the warning was given
   * @param breached whether the deadline passed (or, for the summary resolution, lapsed)
   * @param escalated the last escalation level reached (0 for none)
   * @param deadline the deadline; empty while the calendar lacks a year it needs
   */
  public record SlaClock(
      SlaTarget target, Instant start, int extension, boolean warned, boolean breached, int escalated,
      Optional<Instant> deadline) {

    /**
     * Validates the clock.
     *
     * @throws NullPointerException if a component is null
     * @throws ValidationException if the extension or the escalation level is negative
     * @param target what the deadline is for
     * @param start when the clock started (the receipt, the last response, the reopening)
     * @param extension how many of the policy's extensions apply (0 for the plain limit)
     * @param warned whether the warning was given
     * @param breached whether the deadline passed (or, for the summary resolution, lapsed)
     * @param escalated the last escalation level reached (0 for none)
     * @param deadline the deadline; empty while the calendar lacks a year it needs
     */
    public SlaClock {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(deadline, "deadline");
      if (extension < 0 || escalated < 0) {
        throw new ValidationException("clock " + target + " extension " + extension + " or level " + escalated + " is negative");
      }
    }
  }

  /**
   * How a stopped SLA target ended.
   *
   * @param target the target
   * @param policyId the policy the deadline came from
   * @param met whether the response came before the deadline
   * @param at when the clock stopped
   */
  public record SlaOutcome(SlaTarget target, String policyId, boolean met, Instant at) {
    /**
     * Validates the outcome.
     *
     * @throws NullPointerException if a component is null
     * @param target what the deadline is for
     * @param policyId the policy the deadline came from
     * @param met whether the response came before the deadline
     * @param at when the clock stopped
     */
    public SlaOutcome {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(policyId, "policyId");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A finished pause of the SLA clocks.
   *
   * @param from when the clocks stopped
   * @param to when they started again; not before {@code from}
   */
  public record Pause(Instant from, Instant to) {
    /**
     * Validates the pause.
     *
     * @throws NullPointerException if a component is null
     * @throws ValidationException if {@code to} is before {@code from}
     * @param from when the clocks stopped
     * @param to when they started again; not before {@code from}
     */
    public Pause {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (to.isBefore(from)) {
        throw new ValidationException("pause end " + to + " is before its start " + from);
      }
    }
  }
}
