package io.clm.complaints.desk;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.Classification;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.Order;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.complaints.StoredTicket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;

/** The mutable state of one ticket, owned by the desk and changed only under its lock. */
final class Ticket {
  final String id;
  final long seq;
  final ComplaintChannel channel;
  final Instant receivedAt;
  final String content;
  final Money amountAtStake;
  final String category;
  CustomerId customer;
  String orderNumber;
  Order order;
  final EnumSet<ComplaintFlag> flags = EnumSet.noneOf(ComplaintFlag.class);
  ComplaintState state = ComplaintState.RECEIVED;
  Classification classification;
  String assignee;
  Resolution resolution;
  Boolean accepted;
  /** The desk profile the ticket falls under, for life (its workflow and calendar). */
  final DeskProfile profile;
  SlaPolicy policy;
  int escalationLevel;
  Instant pausedAt;
  final List<StoredTicket.Pause> pauses = new ArrayList<>(0);
  final List<StoredTicket.SlaOutcome> outcomes = new ArrayList<>(2);
  final EnumMap<SlaTarget, TargetClock> clocks = new EnumMap<>(SlaTarget.class);
  final List<AuditEntry> audit = new ArrayList<>(6);
  int cycle = 1;
  int openedCycle;
  int finishedCycle;
  int version;
  boolean hasLiveAlarm;

  Ticket(DeskProfile profile, String id, long seq, ComplaintChannel channel, Instant receivedAt, String content, Money amountAtStake, String category) {
    this.profile = profile;
    this.id = id;
    this.seq = seq;
    this.channel = channel;
    this.receivedAt = receivedAt;
    this.content = content;
    this.amountAtStake = amountAtStake;
    this.category = category;
  }

  static void applyPolicy(Ticket t, SlaPolicy policy, java.util.Map<SlaTarget, TargetClock> clocks) {
    t.policy = policy;
    t.clocks.clear();
    t.clocks.putAll(clocks);
  }

  static void putClock(Ticket t, SlaTarget target, TargetClock c) {
    if (c != null) {
      t.clocks.put(target, c);
    }
  }

  /** Stops a clock; a first response or resolution not breached counts as met. */
  static void stopClock(Ticket t, SlaTarget target, Instant at) {
    TargetClock c = t.clocks.remove(target);
    if (c != null && !c.breached && (target == SlaTarget.FIRST_RESPONSE || target == SlaTarget.RESOLUTION || target == SlaTarget.REVIEW)) {
      t.outcomes.add(new StoredTicket.SlaOutcome(target, t.policy.id(), true, at));
    }
  }

  static void stopAll(Ticket t, Instant at) {
    for (SlaTarget target : SlaTarget.values()) {
      stopClock(t, target, at);
    }
    t.pausedAt = null;
  }

  /** One running deadline: its start, extension step and what has fired. */
  static final class TargetClock {
    final Instant start;
    int extension;
    boolean warned;
    boolean breached;
    int escalated;
    Instant deadline;
    Instant warnAt;
    Instant[] escalationAt;

    TargetClock(Instant start) {
      this.start = start;
    }

    /** Whether a policy has a limit for a target at all. */
    static boolean applies(SlaTarget target, SlaPolicy policy) {
      return switch (target) {
        case FIRST_RESPONSE -> policy.firstResponse().isPresent();
        case NEXT_RESPONSE -> policy.nextResponse().isPresent();
        case SUMMARY_RESOLUTION -> policy.summaryResolution().isPresent();
        case RESOLUTION -> true;
        case REVIEW -> policy.review().isPresent();
      };
    }

    static TargetClock copy(TargetClock c) {
      TargetClock copy = new TargetClock(c.start);
      copy.extension = c.extension;
      copy.warned = c.warned;
      copy.breached = c.breached;
      copy.escalated = c.escalated;
      copy.deadline = c.deadline;
      copy.warnAt = c.warnAt;
      copy.escalationAt = c.escalationAt;
      return copy;
    }

    static SlaLimit limit(SlaTarget target, SlaPolicy policy, int extension) {
      return switch (target) {
        case FIRST_RESPONSE -> policy.firstResponse().orElseThrow();
        case NEXT_RESPONSE -> policy.nextResponse().orElseThrow();
        case SUMMARY_RESOLUTION -> policy.summaryResolution().orElseThrow();
        case RESOLUTION -> extension == 0 ? policy.resolution() : policy.extensions().get(extension - 1);
        case REVIEW -> policy.review().orElseThrow().decideWithin();
      };
    }
  }
}
