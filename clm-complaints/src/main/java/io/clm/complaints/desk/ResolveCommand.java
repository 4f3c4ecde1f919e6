package io.clm.complaints.desk;

import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaTarget;
import java.time.Instant;
import java.util.Objects;

/**
 * The {@code resolve} operation. Resolves the complaint (seed 002 step 5): the correction, any
 * compensation and the root cause.
 */
record ResolveCommand(Resolution resolution, String actor, Instant at) implements TicketCommand {
  ResolveCommand {
    Objects.requireNonNull(resolution, "resolution");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    t.profile.requireMove(t, ComplaintState.RESOLVED);
    boolean summary = t.clocks.containsKey(SlaTarget.SUMMARY_RESOLUTION);
    Ticket.stopAll(t, at);
    t.resolution = resolution;
    t.accepted = null;
    Guards.move(t, ComplaintState.RESOLVED, actor, "resolve",
        resolution.correction() + resolution.compensation().map(m -> "; compensation " + m).orElse("")
            + "; root cause " + resolution.rootCause() + (summary ? "; summary resolution within its window" : ""), at);
    d.reschedule(t);
  }
}
