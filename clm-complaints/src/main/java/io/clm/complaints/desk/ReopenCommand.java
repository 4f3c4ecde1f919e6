package io.clm.complaints.desk;

import io.clm.api.IllegalTransitionException;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.complaints.SlaTarget;
import java.time.Instant;

/**
 * The {@code reopen} and {@code requestReview} operations. Reopens a resolved or closed ticket: a
 * new resolution deadline runs from now; or, for a review by a higher level where the policy's rule
 * provides one (the Chinese rules' 核查), a review deadline from the application's receipt, if the
 * customer applied within the rule's window after the decision.
 */
record ReopenCommand(String actor, String reason, Instant at, SlaTarget target) implements TicketCommand {
  ReopenCommand {
    Guards.requireText(reason, "reason");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    t.profile.requireMove(t, ComplaintState.REOPENED);
    if (target == SlaTarget.REVIEW) {
      requireReviewWindow(t);
    }
    Ticket.TargetClock resolution = new Ticket.TargetClock(at);
    t.profile.compute(t, resolution, target, t.policy);
    Ticket.TargetClock next = t.profile.plannedNextResponse(t, at);
    int before = d.pendingEvents.size();
    d.finishCycle(t, Boolean.TRUE.equals(t.accepted), at);
    // the end of the last cycle and the new opening reach the engine in order, at distinct instants
    Instant openedAt = d.pendingEvents.size() > before ? at.plusMillis(1) : at;
    t.cycle++;
    t.accepted = null;
    t.resolution = null;
    t.clocks.put(target, resolution);
    Ticket.putClock(t, SlaTarget.NEXT_RESPONSE, next);
    Guards.move(t, ComplaintState.REOPENED, actor, target == SlaTarget.REVIEW ? "request-review" : "reopen", reason, at);
    d.reschedule(t);
    d.emitOpenedIfDue(t, openedAt);
  }

  /** Refuses a review the policy has no rule for, or an application after the rule's window. */
  private void requireReviewWindow(Ticket t) {
    SlaPolicy.Review review = t.policy.review().orElseThrow(() -> new IllegalTransitionException(
        "ticket " + t.id + " cannot be reviewed: sla policy '" + t.policy.id() + "' (" + t.policy.source()
            + ") provides no review; reopen it instead"));
    Instant decided = null;
    for (AuditEntry a : t.audit) {
      if (a.action().equals("resolve")) {
        decided = a.at();
      }
    }
    if (decided == null) {
      throw new IllegalTransitionException("ticket " + t.id + " has no decision to review");
    }
    Instant last = t.profile.calendar.deadline(decided, review.applyWithin());
    if (!at.isBefore(last)) {
      throw new IllegalTransitionException("ticket " + t.id + " cannot be reviewed: the application at " + at
          + " comes after " + last + ", " + review.applyWithin() + " after the decision of " + decided + " (" + review.rule() + ")");
    }
  }
}
