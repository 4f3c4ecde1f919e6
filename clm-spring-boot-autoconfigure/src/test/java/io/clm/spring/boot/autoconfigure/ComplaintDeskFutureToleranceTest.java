package io.clm.spring.boot.autoconfigure;

import static io.clm.spring.boot.autoconfigure.ClmContexts.assertRefused;
import static io.clm.spring.boot.autoconfigure.ClmContexts.CLM;
import static io.clm.spring.boot.autoconfigure.ClmContexts.TWO_PROPERTIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.Intake;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The desk accepts intakes and operations dated no further ahead of the wall clock than the engine
 * it feeds accepts their lifecycle events; both clocks are the system's.
 */
class ComplaintDeskFutureToleranceTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(CLM)
      .withPropertyValues(TWO_PROPERTIES)
      .withPropertyValues("clm.scheduling.enabled=false");

  @Test
  void withoutItsOwnTheDeskTakesTheEnginesDefaultOfFiveMinutes() {
    runner.run(context -> {
      ComplaintDesk desk = context.getBean(ComplaintDesk.class);
      Instant hourAhead = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
      assertThatThrownBy(() -> desk.open(intake("C-1001", hourAhead), "agent"))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("receivedAt " + hourAhead + " is more than PT5M after the wall clock ");
      assertThat(desk.size()).isZero();
    });
  }

  @Test
  void withoutItsOwnTheDeskTakesTheEnginesProperty() {
    runner.withPropertyValues("clm.future-tolerance=1m").run(context -> {
      ComplaintDesk desk = context.getBean(ComplaintDesk.class);
      Instant threeMinutesAhead = Instant.now().plus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.SECONDS);
      assertThatThrownBy(() -> desk.open(intake("C-1001", threeMinutesAhead), "agent"))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("receivedAt " + threeMinutesAhead + " is more than PT1M after the wall clock ");
    });
    runner.withPropertyValues("clm.future-tolerance=2h").run(context -> {
      // an hour ahead: within the engine's two hours, so the desk accepts it and the engine its event
      Instant hourAhead = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
      assertReachesTheEngine(context, hourAhead);
    });
  }

  @Test
  void aComplaintDatedWithinTheDefaultToleranceReachesTheEngineThroughTheOutbox() {
    runner.run(context -> assertReachesTheEngine(
        context, Instant.now().plus(Duration.ofMinutes(4)).truncatedTo(ChronoUnit.SECONDS)));
  }

  @Test
  void aDeskToleranceUpToTheEnginesIsTaken() {
    runner.withPropertyValues("clm.future-tolerance=2h", "clm.complaints.future-tolerance=30m").run(context -> {
      ComplaintDesk desk = context.getBean(ComplaintDesk.class);
      Instant hourAhead = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
      assertThatThrownBy(() -> desk.open(intake("C-1001", hourAhead), "agent"))
          .isInstanceOf(ValidationException.class)
          .hasMessageStartingWith("receivedAt " + hourAhead + " is more than PT30M after the wall clock ");
    });
    runner.withPropertyValues("clm.future-tolerance=1h", "clm.complaints.future-tolerance=1h")
        .run(context -> assertReachesTheEngine(
            context, Instant.now().plus(Duration.ofMinutes(50)).truncatedTo(ChronoUnit.SECONDS)));
  }

  @Test
  void aDeskToleranceLongerThanTheEnginesIsRefusedAtStart() {
    runner.withPropertyValues("clm.complaints.future-tolerance=10m")
        .run(context -> assertRefused(context, "clm.complaints.future-tolerance", "'PT10M'",
            "clm.future-tolerance PT5M (not set: the engine's default)"));
    runner.withPropertyValues("clm.future-tolerance=1h", "clm.complaints.future-tolerance=1d")
        .run(context -> assertRefused(context, "clm.complaints.future-tolerance", "'PT24H'", "clm.future-tolerance PT1H:"));
  }

  @Test
  void aNegativeDeskToleranceIsStillReportedAsThatProperty() {
    runner.withPropertyValues("clm.complaints.future-tolerance=-1s")
        .run(context -> assertRefused(context, "clm.complaints.future-tolerance", "'PT-1S'", "negative"));
  }

  /** A complaint dated {@code at} is opened and classified, and its event reaches the engine. */
  private static void assertReachesTheEngine(AssertableApplicationContext context, Instant at) {
    ComplaintDesk desk = context.getBean(ComplaintDesk.class);
    LifecycleEngine engine = context.getBean(LifecycleEngine.class);
    String ticket = desk.open(intake("C-1001", at), "agent").id();
    desk.acknowledge(ticket, "agent", at);
    desk.classify(ticket, "agent", at);
    assertThat(desk.pendingEvents()).as("events waiting in the outbox").isZero();
    assertThat(engine.customer(CustomerId.of("C-1001")).orElseThrow().metric(Metric.OPEN_COMPLAINTS, at))
        .as("the complaint reached the engine").isEqualTo(1.0);
  }

  private static Intake intake(String customer, Instant at) {
    return Intake.of(ComplaintChannel.WEB, CustomerId.of(customer), at, "fee charged twice");
  }
}
