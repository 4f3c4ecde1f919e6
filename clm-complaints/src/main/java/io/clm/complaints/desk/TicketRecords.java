package io.clm.complaints.desk;

import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.complaints.StoredTicket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Converts between a desk's working ticket and the record a ticket store keeps. */
final class TicketRecords {
  private TicketRecords() {}

  static StoredTicket record(Ticket t, Complaint snapshot, Instant nextDue) {
    List<StoredTicket.SlaClock> clocks = new ArrayList<>(t.clocks.size());
    for (Map.Entry<SlaTarget, Ticket.TargetClock> e : t.clocks.entrySet()) {
      Ticket.TargetClock c = e.getValue();
      clocks.add(new StoredTicket.SlaClock(
          e.getKey(), c.start, c.extension, c.warned, c.breached, c.escalated, Optional.ofNullable(c.deadline)));
    }
    return new StoredTicket(t.seq, snapshot, clocks, t.outcomes, t.pauses, Optional.ofNullable(t.pausedAt), t.cycle,
        t.openedCycle, t.finishedCycle, Optional.ofNullable(nextDue));
  }

  static Ticket ticket(DeskProfile profile, StoredTicket s, SlaPolicy policy) {
    Complaint c = s.complaint();
    Ticket t = new Ticket(profile, c.id(), s.sequence(), c.channel(), c.receivedAt(), c.content(), c.amountAtStake().orElse(null),
        c.category());
    t.customer = c.customer().orElse(null);
    t.orderNumber = c.orderNumber().orElse(null);
    t.order = c.order().orElse(null);
    t.flags.addAll(c.flags());
    t.state = c.state();
    t.classification = c.classification().orElse(null);
    t.assignee = c.assignee().orElse(null);
    t.resolution = c.resolution().orElse(null);
    t.accepted = c.accepted().orElse(null);
    t.policy = policy;
    t.escalationLevel = c.escalationLevel();
    t.pausedAt = s.pausedSince().orElse(null);
    t.pauses.addAll(s.pauses());
    t.outcomes.addAll(s.outcomes());
    for (StoredTicket.SlaClock sc : s.clocks()) {
      Ticket.TargetClock clock = new Ticket.TargetClock(sc.start());
      clock.extension = sc.extension();
      clock.warned = sc.warned();
      clock.breached = sc.breached();
      clock.escalated = sc.escalated();
      clock.deadline = sc.deadline().orElse(null);
      t.clocks.put(sc.target(), clock);
    }
    t.audit.addAll(c.audit());
    t.cycle = s.cycle();
    t.openedCycle = s.openedCycle();
    t.finishedCycle = s.finishedCycle();
    return t;
  }

  /** The ticket as the desk shows it. */
  static Complaint snapshot(Ticket t) {
    Map<SlaTarget, Instant> deadlines = new EnumMap<>(SlaTarget.class);
    t.clocks.forEach((k, v) -> deadlines.put(k, v.deadline));
    return new Complaint(
        t.id, t.channel, t.receivedAt, Optional.ofNullable(t.customer), Optional.ofNullable(t.orderNumber),
        Optional.ofNullable(t.order), t.content, Optional.ofNullable(t.amountAtStake), t.category, t.flags, t.state,
        Optional.ofNullable(t.classification), Optional.ofNullable(t.assignee), Optional.ofNullable(t.resolution),
        Optional.ofNullable(t.accepted), t.policy.id(), deadlines, t.escalationLevel, t.pausedAt != null, t.audit);
  }

  /** The text that replaces erased personal data. */
  static final String ERASED = "[erased]";

  /**
   * A copy of a ticket without the customer's personal data: no customer, content, order, amount or
   * free-text reasons; the resolution keeps its root-cause category. Dates, category, states,
   * classification, assignee, deadlines, outcomes and who did what stay, and so do the reasons of
   * the SLA clock's own entries (deadlines and calendars only).
   */
  static Ticket erased(Ticket t, String actor, Instant at) {
    Ticket e = new Ticket(t.profile, t.id, t.seq, t.channel, t.receivedAt, ERASED, null, t.category);
    e.flags.addAll(t.flags);
    e.flags.remove(io.clm.api.complaints.ComplaintFlag.UNIDENTIFIED_CUSTOMER);
    e.flags.add(io.clm.api.complaints.ComplaintFlag.ERASED);
    e.state = t.state;
    e.classification = t.classification;
    e.assignee = t.assignee;
    e.resolution = t.resolution == null ? null
        : new io.clm.api.complaints.Resolution(ERASED, java.util.Optional.empty(), t.resolution.rootCause());
    e.accepted = t.accepted;
    e.policy = t.policy;
    e.escalationLevel = t.escalationLevel;
    e.pauses.addAll(t.pauses);
    e.outcomes.addAll(t.outcomes);
    e.clocks.putAll(t.clocks);
    for (io.clm.api.complaints.AuditEntry a : t.audit) {
      e.audit.add(new io.clm.api.complaints.AuditEntry(a.at(), a.actor(), a.action(), a.from(), a.to(),
          Alarms.isClockEntry(a) ? a.reason() : ERASED));
    }
    e.audit.add(new io.clm.api.complaints.AuditEntry(at, actor, "erase", t.state, t.state, "personal data erased on request"));
    e.cycle = t.cycle;
    e.openedCycle = t.openedCycle;
    e.finishedCycle = t.finishedCycle;
    return e;
  }
}
