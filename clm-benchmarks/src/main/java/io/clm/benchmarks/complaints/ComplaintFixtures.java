package io.clm.benchmarks.complaints;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Severity;
import io.clm.complaints.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Desks for the complaint benchmarks. */
final class ComplaintFixtures {
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  /** Every ticket has one deadline, 300 hours after receipt; tickets are received one second apart. */
  static final Duration DEADLINE = Duration.ofHours(300);

  private ComplaintFixtures() {}

  /** A workflow whose only SLA event is one resolution breach per ticket. */
  static final class OneDeadline implements ComplaintWorkflow {
    private static final SlaPolicy POLICY = SlaPolicy.builder("bench.one-deadline", SlaLimit.businessHours(300)).build();

    @Override
    public String id() {
      return "bench.one-deadline";
    }

    @Override
    public SlaPolicy slaPolicy(Severity severity, String category) {
      return POLICY;
    }
  }

  /**
   * A desk holding {@code open} open tickets received one second apart from {@link #START}, its
   * clock at the last receipt: none is due yet. The first deadline falls at START + 300 h.
   */
  static ComplaintDesk openTickets(int open) {
    ComplaintDesk desk = ComplaintDesk.builder()
        .workflow(new OneDeadline())
        .calendar(BusinessCalendar.everyDay(ZoneOffset.UTC))
        .startAt(START.plusSeconds(open))
        .build();
    for (int i = 0; i < open; i++) {
      desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("c" + (i % 100_000)), START.plusSeconds(i), "fee"), "load");
    }
    return desk;
  }

  /** The standard workflow on a calendar covering 2025 to 2027, with the usual rules. */
  static ComplaintDesk standard() {
    return ComplaintDesk.builder()
        .workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(BusinessCalendar.builder("bench", ZoneOffset.UTC).noHolidays(2025).noHolidays(2026).noHolidays(2027).build())
        .classificationRules(List.of(
            ClassificationRule.amountAtLeast("large-amount", Money.of("5000.00", "EUR")),
            ClassificationRule.keywords("fraud", List.of("fraud", "stolen"))))
        .startAt(START)
        .build();
  }
}
