package io.clm.complaints.desk;

import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.complaints.StoredTicket;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What falls due next on a ticket's SLA clocks, and what firing it does to the ticket. */
final class Alarms {
  /** The actor of the audit entries the desk's SLA clock writes. */
  static final String CLOCK = "clock";
  /** The actions of those entries. */
  private static final Set<String> ACTIONS = Set.of("sla-warning", "sla-breach", "sla-lapse", "sla-escalation", "sla-complete");

  private Alarms() {}

  /**
   * Whether an audit entry is one the desk's SLA clock wrote (its reason names only deadlines and
   * calendars, never what the customer said). Callers cannot write such entries: they may not act
   * as {@link #CLOCK} and do not choose actions.
   */
  static boolean isClockEntry(AuditEntry entry) {
    return entry.actor().equals(CLOCK) && ACTIONS.contains(entry.action());
  }

  /** What falls due next on a ticket. */
  record Due(Instant at, SlaTarget target, SlaEvent.Kind kind, int level) {}

  /** The ticket's next due alarm, or null. Pure: no calendar calls. */
  static Due next(Ticket t) {
    if (t.pausedAt != null) {
      return null;
    }
    Due best = null;
    for (Map.Entry<SlaTarget, Ticket.TargetClock> e : t.clocks.entrySet()) {
      Ticket.TargetClock c = e.getValue();
      Due d;
      if (c.deadline == null) {
        continue;
      } else if (!c.warned && c.warnAt != null) {
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

  /** Fires a due alarm on the ticket: marks the clock, records the outcome, audits; the event. */
  static SlaEvent fire(Ticket t, Due due) {
    Ticket.TargetClock c = t.clocks.get(due.target);
    String what = due.target.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    SlaEvent event = new SlaEvent(t.id, t.policy.id(), due.target, due.kind, due.level, c.deadline, due.at);
    return switch (due.kind) {
      case WARNING -> {
        c.warned = true;
        Guards.audit(t, due.at, CLOCK, "sla-warning", t.state, what + " due " + c.deadline);
        yield event;
      }
      case BREACH -> {
        c.breached = true;
        Guards.audit(t, due.at, CLOCK, "sla-breach", t.state, what + " deadline " + c.deadline + " passed");
        t.outcomes.add(new StoredTicket.SlaOutcome(due.target, t.policy.id(), false, due.at));
        yield event;
      }
      case LAPSED -> {
        // DISP 1.5 is a window, not a duty: the full DISP 1.6 limits (the resolution clock) run on
        t.clocks.remove(due.target);
        Guards.audit(t, due.at, CLOCK, "sla-lapse", t.state,
            what + " window closed " + c.deadline + " unresolved; the resolution time limit applies");
        yield event;
      }
      case ESCALATION -> {
        c.escalated = due.level;
        t.escalationLevel = Math.max(t.escalationLevel, due.level);
        Guards.audit(t, due.at, CLOCK, "sla-escalation", t.state, what + " escalation level " + due.level);
        yield event;
      }
    };
  }
}
