package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** Tasks between events on the ingest workers: after every event before them, before every event after. */
class ParallelIngestTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");

  private static final ParallelIngest.Outcome NOTHING = new ParallelIngest.Outcome() {
    @Override
    public void accepted(Event event, Object source, int worker) {}

    @Override
    public void duplicate(Event event, Object source) {}

    @Override
    public void rejected(Event event, Object source, long line, ClmException e) {}
  };

  private static Pipeline pipeline() {
    return new Pipeline(Clm.builder().model("banking-six-stage").currency("EUR").build());
  }

  private static Event credit(int step, int customer) {
    return new Transaction("tx-" + step + "-" + customer, CustomerId.of("C-" + customer),
        START.plusSeconds(86_400L * step + customer), Direction.CREDIT, Money.of("10.00", "EUR"), ProductType.CURRENT_ACCOUNT,
        Channel.MOBILE);
  }

  @Test
  void aTaskSeesEveryEventSubmittedBeforeItAndNoneAfter() {
    Pipeline pipeline = pipeline();
    List<Long> seen = new ArrayList<>();
    try (ParallelIngest ingest = new ParallelIngest(pipeline, NOTHING, 3)) {
      for (int step = 1; step <= 40; step++) {
        // 1 event in the first step, 2 in the second, ...: a task that ran early or late sees another sum
        for (int c = 0; c < step; c++) {
          ingest.submit(credit(step, c), null, 0);
        }
        ingest.then(() -> seen.add(pipeline.accepted()));
      }
      ingest.barrier();
    }
    List<Long> expected = new ArrayList<>();
    long sum = 0;
    for (int step = 1; step <= 40; step++) {
      sum += step;
      expected.add(sum);
    }
    assertThat(seen).isEqualTo(expected);
  }

  @Test
  void aTaskThatFailsStopsTheIngestAndItsFailureReachesTheCaller() {
    Pipeline pipeline = pipeline();
    try (ParallelIngest ingest = new ParallelIngest(pipeline, NOTHING, 2)) {
      ingest.submit(credit(1, 1), null, 0);
      // the failure comes back from whichever call on this thread comes after it: then() itself,
      // a submit that hands over a batch, or the barrier at the latest
      assertThatThrownBy(() -> {
        ingest.then(() -> {
          throw new IllegalStateException("the store went away");
        });
        for (int c = 0; c < 2_000; c++) {
          ingest.submit(credit(2, c), null, 0);
        }
        ingest.barrier();
      }).isInstanceOf(IllegalStateException.class).hasMessage("the store went away");
    }
    assertThat(pipeline.accepted()).isEqualTo(1);
  }

  @Test
  void theFailureReportedIsTheFirstInTheOrderSubmittedWhicheverWorkerMeetsItFirst() throws Exception {
    Pipeline pipeline = pipeline();
    int slow = customerOfWorker(pipeline, 0);
    int fast = customerOfWorker(pipeline, 1);
    CountDownLatch laterFailureMet = new CountDownLatch(1);
    ParallelIngest.Outcome outcome = new ParallelIngest.Outcome() {
      @Override
      public void accepted(Event event, Object source, int worker) {
        if (worker == 0) {
          // the slow worker reaches its failing row only after the other worker has met a later one
          try {
            laterFailureMet.await();
            Thread.sleep(300);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }

      @Override
      public void duplicate(Event event, Object source) {}

      @Override
      public void rejected(Event event, Object source, long line, ClmException e) {
        laterFailureMet.countDown();
        throw new IllegalStateException("bad row at line " + line);
      }
    };
    try (ParallelIngest ingest = new ParallelIngest(pipeline, outcome, 2)) {
      assertThatThrownBy(() -> {
        ingest.submit(credit(1, slow), null, 1);
        ingest.submit(inDollars(2, slow), null, 2);
        ingest.submit(inDollars(3, fast), null, 3);
        ingest.submit(credit(4, slow), null, 4);
        ingest.barrier();
      }).isInstanceOf(IllegalStateException.class).hasMessage("bad row at line 2");
    }
    // the rows before the first failing one are applied, none after it
    assertThat(pipeline.accepted()).isEqualTo(1);
  }

  /** A customer whose events the worker {@code worker} of two applies. */
  private static int customerOfWorker(Pipeline pipeline, int worker) {
    for (int c = 0; ; c++) {
      if (ParallelIngest.workerOf(pipeline.engine(), CustomerId.of("C-" + c), 2) == worker) {
        return c;
      }
    }
  }

  /** A transaction in a currency the engine does not keep, which it refuses. */
  private static Event inDollars(int step, int customer) {
    return new Transaction("usd-" + step + "-" + customer, CustomerId.of("C-" + customer),
        START.plusSeconds(86_400L * step + customer), Direction.CREDIT, Money.of("10.00", "USD"), ProductType.CURRENT_ACCOUNT,
        Channel.MOBILE);
  }
}
