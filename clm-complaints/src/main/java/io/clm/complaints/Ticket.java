package io.clm.complaints;

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

  Ticket(String id, long seq, ComplaintChannel channel, Instant receivedAt, String content, Money amountAtStake, String category) {
    this.id = id;
    this.seq = seq;
    this.channel = channel;
    this.receivedAt = receivedAt;
    this.content = content;
    this.amountAtStake = amountAtStake;
    this.category = category;
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

    static SlaLimit limit(SlaTarget target, SlaPolicy policy, int extension) {
      return switch (target) {
        case FIRST_RESPONSE -> policy.firstResponse().orElseThrow();
        case NEXT_RESPONSE -> policy.nextResponse().orElseThrow();
        case SUMMARY_RESOLUTION -> policy.summaryResolution().orElseThrow();
        case RESOLUTION -> extension == 0 ? policy.resolution() : policy.extensions().get(extension - 1);
      };
    }
  }
}
