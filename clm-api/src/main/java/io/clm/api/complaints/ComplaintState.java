package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where a complaint ticket stands. The standard workflow moves a ticket along {@code RECEIVED ->
 * ACKNOWLEDGED -> CLASSIFIED -> ASSIGNED -> IN_PROGRESS -> RESOLVED -> CLOSED}, with {@link
 * #ESCALATED}, {@link #REOPENED} and {@link #WITHDRAWN} on the side; {@link #standardNext} lists
 * every move it allows. A {@link ComplaintWorkflow} may allow fewer or other moves.
 */
@Experimental
public enum ComplaintState {
  /** Taken in from a channel; nothing done yet. */
  RECEIVED,
  /** The customer has been told the complaint is being handled (the first response). */
  ACKNOWLEDGED,
  /** Classified (urgent or normal) by the workflow's rules. */
  CLASSIFIED,
  /** Routed to the responsible department or person. */
  ASSIGNED,
  /** Being investigated. */
  IN_PROGRESS,
  /** Raised to a higher level of authority (manually; SLA escalations are events). */
  ESCALATED,
  /** A resolution was given; waiting for the customer's acceptance or rejection. */
  RESOLVED,
  /** Finished. Can still be reopened. */
  CLOSED,
  /** Opened again after a resolution or a closure. */
  REOPENED,
  /** The customer withdrew the complaint. Final. */
  WITHDRAWN;

  /**
   * The moves the standard workflow allows from this state.
   *
   * @param from the current state
   * @return the states a ticket may move to; empty for {@link #WITHDRAWN}
   */
  public static Set<ComplaintState> standardNext(ComplaintState from) {
    return switch (from) {
      case RECEIVED -> EnumSet.of(ACKNOWLEDGED, ESCALATED, WITHDRAWN);
      case ACKNOWLEDGED -> EnumSet.of(CLASSIFIED, ESCALATED, WITHDRAWN);
      case CLASSIFIED -> EnumSet.of(ASSIGNED, ESCALATED, WITHDRAWN);
      case ASSIGNED -> EnumSet.of(IN_PROGRESS, ESCALATED, WITHDRAWN);
      case IN_PROGRESS -> EnumSet.of(RESOLVED, ESCALATED, WITHDRAWN);
      case ESCALATED -> EnumSet.of(ASSIGNED, IN_PROGRESS, RESOLVED, WITHDRAWN);
      case RESOLVED -> EnumSet.of(CLOSED, REOPENED);
      case CLOSED -> EnumSet.of(REOPENED);
      case REOPENED -> EnumSet.of(ASSIGNED, IN_PROGRESS, ESCALATED, WITHDRAWN);
      case WITHDRAWN -> EnumSet.noneOf(ComplaintState.class);
    };
  }

  /**
   * Whether the complaint is still open (not resolved, closed or withdrawn).
   *
   * @return true while the bank still owes the customer an answer
   */
  public boolean isOpen() {
    return this != RESOLVED && this != CLOSED && this != WITHDRAWN;
  }
}
