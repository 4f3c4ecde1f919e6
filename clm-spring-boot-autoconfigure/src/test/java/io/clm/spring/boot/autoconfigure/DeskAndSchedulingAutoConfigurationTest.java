package io.clm.spring.boot.autoconfigure;

import static io.clm.spring.boot.autoconfigure.ClmContexts.CLM;
import static io.clm.spring.boot.autoconfigure.ClmContexts.TWO_PROPERTIES;
import static io.clm.spring.boot.autoconfigure.ClmContexts.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.Money;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import io.clm.spring.boot.autoconfigure.ClmContexts.OwnDesk;
import io.clm.spring.boot.autoconfigure.ClmContexts.TwoDesks;
import io.clm.spring.boot.autoconfigure.ClmContexts.TwoEngines;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The complaint desk and its properties, and the scheduled advance of every engine's and desk's clock. */
class DeskAndSchedulingAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(CLM);

  @Test
  void theComplaintDeskComesWithTheEngineAndCanBeSwitchedOff() {
    runner.withPropertyValues(TWO_PROPERTIES).run(context -> {
      assertThat(context).hasSingleBean(ComplaintDesk.class);
      assertThat(context.getBean(ComplaintDesk.class).workflow().id()).isEqualTo("standard");
    });
    runner
        .withPropertyValues(TWO_PROPERTIES)
        .withPropertyValues("clm.complaints.enabled=false")
        .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ComplaintDesk.class));
  }

  @Test
  void complaintPropertiesReachTheDesk() {
    runner
        .withPropertyValues(TWO_PROPERTIES)
        .withPropertyValues("clm.complaints.workflow=uk-fca-disp", "clm.complaints.calendar=GB-ENG", "clm.complaints.ticket-prefix=UK-")
        .run(context -> {
          ComplaintDesk desk = context.getBean(ComplaintDesk.class);
          assertThat(desk.workflow().id()).isEqualTo("uk-fca-disp");
          assertThat(desk.open(Events.complaint("C-1001", "2026-01-05T10:00:00Z"), "agent").id()).startsWith("UK-");
        });
  }

  @Test
  void aComplaintOfACustomerTheEngineRejectsDoesNotHoldUpTheOthers() {
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.unknown-customers=REJECT", "clm.scheduling.enabled=false")
        .run(context -> {
          LifecycleEngine engine = context.getBean(LifecycleEngine.class);
          ComplaintDesk desk = context.getBean(ComplaintDesk.class);
          engine.register(CustomerId.of("C-1001"), Instant.parse("2026-01-01T00:00:00Z"));
          // A classified complaint is reported to the engine, which does not know C-9 and rejects it.
          try (CapturedLog log = new CapturedLog(ClmComplaintDeskAutoConfiguration.class)) {
            for (String customer : List.of("C-9", "C-1001")) {
              String hour = customer.equals("C-9") ? "10" : "11";
              String ticket = desk.open(Events.complaint(customer, "2026-01-06T" + hour + ":00:00Z"), "agent").id();
              desk.acknowledge(ticket, "agent", Instant.parse("2026-01-06T" + hour + ":05:00Z"));
              desk.classify(ticket, "agent", Instant.parse("2026-01-06T" + hour + ":06:00Z"));
            }
            assertThat(log.messages(Level.WARNING)).as("the events dropped").isNotEmpty()
                .allSatisfy(m -> assertThat(m).contains("dropped").doesNotContain("C-9"));
          }
          assertThat(desk.pendingEvents()).as("events waiting in the outbox").isZero();
          assertThat(engine.customer(CustomerId.of("C-1001")).orElseThrow()
                  .metric(Metric.OPEN_COMPLAINTS, Instant.parse("2026-01-06T11:07:00Z")))
              .as("the known customer's complaint reached the engine").isEqualTo(1.0);
          assertThat(engine.customer(CustomerId.of("C-9"))).isEmpty();
        });
  }

  @Test
  void anUnknownWorkflowIsReportedAsThatProperty() {
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.complaints.workflow=nowhere")
        .run(context -> assertRefused(context, "clm.complaints.workflow", "nowhere"));
  }

  @Test
  void aCalendarGivenWithoutAValueIsReportedAsThatProperty() {
    // Such as clm.complaints.calendar=${CLM_CALENDAR:} with the variable unset: taken as every day in
    // UTC, the desk would count its deadlines over the jurisdiction's weekends and holidays.
    for (String blank : List.of("", " ")) {
      runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.complaints.calendar=" + blank)
          .run(context -> assertRefused(context, "clm.complaints.calendar", "no value"));
    }
  }

  @Test
  void anOutboxBacklogLimitBelowOneIsReportedAsThatProperty() {
    // A limit of 0 or less would keep the desk's health DOWN whatever its backlog.
    for (String limit : new String[] {"0", "-5"}) {
      runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.complaints.outbox-backlog-limit=" + limit)
          .run(context -> assertRefused(context, "clm.complaints.outbox-backlog-limit", "'" + limit + "'", "at least 1"));
    }
  }

  @Test
  void anOutboxBacklogLimitTheDeskNeverCountsUpToIsReportedAsThatProperty() {
    // ComplaintDesk.pendingEvents counts up to 10,000: from 10,001 the health could never be DOWN.
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.complaints.outbox-backlog-limit=10001")
        .run(context -> assertRefused(context, "clm.complaints.outbox-backlog-limit", "'10001'", "at most 10000"));
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.complaints.outbox-backlog-limit=10000")
        .run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aDeskOfTheApplicationWins() {
    runner.withPropertyValues(TWO_PROPERTIES).withUserConfiguration(OwnDesk.class).run(context -> {
      assertThat(context).hasSingleBean(ComplaintDesk.class);
      assertThat(context.getBean(ComplaintDesk.class).workflow().id()).isEqualTo("us-cfpb");
    });
  }

  @Test
  void theClocksAreScheduledUnlessSwitchedOff() {
    AtomicReference<ClockScheduler> scheduler = new AtomicReference<>();
    runner.withPropertyValues(TWO_PROPERTIES).run(context -> {
      assertThat(context).hasSingleBean(ClockScheduler.class);
      scheduler.set(context.getBean(ClockScheduler.class));
      assertThat(scheduler.get().isRunning()).isTrue();
      ComplaintDesk desk = context.getBean(ComplaintDesk.class);
      Instant before = Instant.now();
      scheduler.get().tick();
      assertThat(desk.now()).as("the desk's clock").isAfterOrEqualTo(before);
    });
    assertThat(scheduler.get().isRunning()).as("stopped with the context").isFalse();
    runner
        .withPropertyValues(TWO_PROPERTIES)
        .withPropertyValues("clm.scheduling.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(ClockScheduler.class));
    runner
        .withPropertyValues(TWO_PROPERTIES)
        .withPropertyValues("clm.scheduling.interval=10ms")
        .run(context -> assertThat(context.getStartupFailure())
            .rootCause()
            .hasMessageContaining("clm.scheduling.interval"));
  }

  @Test
  void anIntervalBeyondAHundredYearsIsReportedAsThatProperty() {
    // 2,562,047,788,016 hours is more milliseconds than a long holds.
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.scheduling.interval=PT2562047788016H").run(context ->
        assertRefused(context, "clm.scheduling.interval", "PT2562047788016H", "at most 36500 days"));
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.scheduling.interval=36501d").run(context ->
        assertRefused(context, "clm.scheduling.interval", "PT876024H", "at most 36500 days"));
    runner.withPropertyValues(TWO_PROPERTIES).withPropertyValues("clm.scheduling.interval=36500d").run(context ->
        assertThat(context).hasNotFailed().hasSingleBean(ClockScheduler.class));
  }

  @Test
  void theScheduledAdvanceMovesTheClockOfEveryEngine() {
    // Two engines, one per currency; the primary one feeds the complaint desk.
    runner.withUserConfiguration(TwoEngines.class).run(context -> {
      assertThat(context).hasNotFailed();
      LifecycleEngine eur = context.getBean("eurEngine", LifecycleEngine.class);
      LifecycleEngine gbp = context.getBean("gbpEngine", LifecycleEngine.class);
      for (LifecycleEngine engine : List.of(eur, gbp)) {
        String currency = engine == eur ? "EUR" : "GBP";
        engine.ingest(new Transaction("posting-1", CustomerId.of("C-1001"), Instant.parse("2020-01-06T10:00:00Z"),
            Direction.CREDIT, Money.of("2500.00", currency), ProductType.CURRENT_ACCOUNT, Channel.MOBILE));
      }
      context.getBean(ClockScheduler.class).tick();
      // development-dormant (docs/models.md): a year without a transaction and no product held.
      assertThat(eur.customer(CustomerId.of("C-1001")).orElseThrow().stage()).isEqualTo("termination");
      assertThat(gbp.customer(CustomerId.of("C-1001")).orElseThrow().stage()).as("the second engine").isEqualTo("termination");
    });
  }

  @Test
  void everyDeskOfTheApplicationIsAdvancedAndReported() {
    // Two desks of the application's, one per jurisdiction, neither of them primary.
    runner.withPropertyValues(TWO_PROPERTIES).withUserConfiguration(TwoDesks.class).run(context -> {
      assertThat(context).hasNotFailed();
      ComplaintDesk uk = context.getBean("ukDesk", ComplaintDesk.class);
      ComplaintDesk us = context.getBean("usDesk", ComplaintDesk.class);
      // The desk meters carry no desk tag: with several desks and no primary one, there are none.
      assertThat(context).doesNotHaveBean("clmComplaintDeskMeters");
      Instant before = Instant.now();
      assertThat(uk.now()).isBefore(before);
      assertThat(us.now()).isBefore(before);
      context.getBean(ClockScheduler.class).tick();
      assertThat(uk.now()).isAfterOrEqualTo(before);
      assertThat(us.now()).as("the second desk").isAfterOrEqualTo(before);

      HealthContributor desks = context.getBean("clmComplaintDeskHealthIndicator", HealthContributor.class);
      assertThat(desks).isInstanceOf(CompositeHealthContributor.class);
      CompositeHealthContributor composite = (CompositeHealthContributor) desks;
      assertThat(((HealthIndicator) composite.getContributor("ukDesk")).health().getDetails())
          .containsEntry("workflow", "uk-fca-disp");
      assertThat(((HealthIndicator) composite.getContributor("usDesk")).health().getDetails())
          .containsEntry("workflow", "us-cfpb");
    });
  }
}
