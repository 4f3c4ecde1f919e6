package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;
import java.time.Instant;
import java.util.Objects;

/**
 * A warning, a breach, an escalation or a lapsed window, emitted once by the desk's clock when its time comes.
 *
 * @param ticketId the ticket
 * @param policyId the SLA policy the deadline comes from
 * @param target which deadline
 * @param kind warning, breach, escalation or lapse
 * @param level the escalation level (1, 2, ...); 0 for the other kinds
 * @param deadline the deadline concerned
 * @param at when the event was due (not when the clock got there)
 */
@Experimental
public record SlaEvent(
    String ticketId, String policyId, SlaTarget target, Kind kind, int level, Instant deadline, Instant at) {

  /** What happened. */
  public enum Kind {
    /** The deadline is near. */
    WARNING,
    /** The deadline passed without the response. */
    BREACH,
    /** The breach has lasted long enough to reach an escalation level. */
    ESCALATION,
    /**
     * A window that is an option, not a duty, closed: the summary resolution window of FCA DISP
     * 1.5 passed unresolved, so the complaint falls under the full time limits of DISP 1.6.
     */
    LAPSED
  }

  /**
   * Validates the event.
   *
   * @param ticketId the ticket
   * @param policyId the SLA policy the deadline comes from
   * @param target which deadline
   * @param kind warning, breach or escalation
   * @param level the escalation level (1, 2, ...); 0 for warnings and breaches
   * @param deadline the deadline concerned
   * @param at when the event was due (not when the clock got there)
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if the level does not fit the kind
   */
  public SlaEvent {
    Objects.requireNonNull(ticketId, "ticketId");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(deadline, "deadline");
    Objects.requireNonNull(at, "at");
    if ((kind == Kind.ESCALATION) != (level > 0) || level < 0) {
      throw new IllegalArgumentException("level " + level + " does not fit " + kind);
    }
  }
}
