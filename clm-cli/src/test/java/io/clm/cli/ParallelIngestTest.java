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
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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

  @Test
  void everyOutcomeReachesTheOutcomeOnTheWorkerOfItsCustomerAndTheRunGoesOn() {
    Pipeline pipeline = pipeline();
    List<String> accepted = Collections.synchronizedList(new ArrayList<>());
    List<String> duplicates = Collections.synchronizedList(new ArrayList<>());
    List<Long> rejected = Collections.synchronizedList(new ArrayList<>());
    List<String> wrongWorker = Collections.synchronizedList(new ArrayList<>());
    ParallelIngest.Outcome outcome = new ParallelIngest.Outcome() {
      @Override
      public void accepted(Event event, Object source, int worker) {
        assertThat(source).isEqualTo("transactions.csv");
        if (ParallelIngest.workerOf(pipeline.engine(), event.customer(), 3) != worker) {
          wrongWorker.add(event.id());
        }
        accepted.add(event.id());
      }

      @Override
      public void duplicate(Event event, Object source) {
        duplicates.add(event.id());
      }

      @Override
      public void rejected(Event event, Object source, long line, ClmException e) {
        rejected.add(line);
      }
    };
    List<Long> expectedRejected = new ArrayList<>();
    try (ParallelIngest ingest = new ParallelIngest(pipeline, outcome, 3)) {
      long line = 1;
      // more rows than one batch of a worker holds
      for (int step = 1; step <= 4; step++) {
        for (int c = 0; c < 400; c++) {
          line++;
          if (c % 100 == 7) {
            ingest.submit(inDollars(step, c), "transactions.csv", line);
            expectedRejected.add(line);
          } else {
            ingest.submit(credit(step, c), "transactions.csv", line);
          }
        }
      }
      // the first step again: all duplicates
      for (int c = 0; c < 400; c++) {
        if (c % 100 != 7) {
          ingest.submit(credit(1, c), "transactions.csv", ++line);
        }
      }
      ingest.barrier();
    }
    assertThat(accepted).hasSize(4 * 396).doesNotHaveDuplicates();
    assertThat(duplicates).hasSize(396).allSatisfy(id -> assertThat(id).startsWith("tx-1-"));
    assertThat(rejected).containsExactlyInAnyOrderElementsOf(expectedRejected);
    assertThat(wrongWorker).isEmpty();
    assertThat(pipeline.accepted()).isEqualTo(4 * 396);
    assertThat(pipeline.duplicates()).isEqualTo(396);
  }

  @Test
  void anErrorInATaskReachesTheCallerAsItIs() {
    Pipeline pipeline = pipeline();
    try (ParallelIngest ingest = new ParallelIngest(pipeline, NOTHING, 2)) {
      ingest.submit(credit(1, 1), null, 0);
      // a worker may run the task before then returns, and then already reports its failure
      assertThatThrownBy(() -> {
        ingest.then(() -> {
          throw new OutOfMemoryError("no room for the snapshot");
        });
        ingest.barrier();
      }).isInstanceOf(OutOfMemoryError.class).hasMessage("no room for the snapshot");
      // and again: the run stays stopped
      assertThatThrownBy(ingest::barrier).isInstanceOf(OutOfMemoryError.class);
    }
    assertThat(pipeline.accepted()).isEqualTo(1);
  }

  @Test
  void anOutcomeThatFailsStopsTheRunAfterItsEventAndBeforeTheNextOfTheSameCustomer() {
    Pipeline pipeline = pipeline();
    List<String> seen = Collections.synchronizedList(new ArrayList<>());
    ParallelIngest.Outcome outcome = new ParallelIngest.Outcome() {
      @Override
      public void accepted(Event event, Object source, int worker) {
        seen.add(event.id());
        if (event.id().equals("tx-2-5")) {
          throw new IllegalStateException("the report cannot take " + event.id());
        }
      }

      @Override
      public void duplicate(Event event, Object source) {}

      @Override
      public void rejected(Event event, Object source, long line, ClmException e) {}
    };
    boolean[] taskRan = new boolean[2];
    try (ParallelIngest ingest = new ParallelIngest(pipeline, outcome, 2)) {
      ingest.submit(credit(1, 5), null, 1);
      ingest.then(() -> taskRan[0] = true);
      ingest.submit(credit(2, 5), null, 2);
      ingest.submit(credit(3, 5), null, 3);
      assertThatThrownBy(() -> {
        ingest.then(() -> taskRan[1] = true);
        ingest.submit(credit(4, 5), null, 4);
        ingest.barrier();
      }).isInstanceOf(IllegalStateException.class).hasMessage("the report cannot take tx-2-5");
    }
    assertThat(seen).containsExactly("tx-1-5", "tx-2-5");
    assertThat(pipeline.accepted()).isEqualTo(2);
    assertThat(taskRan[0]).isTrue();
    assertThat(taskRan[1]).isFalse();
  }

  @Test
  void aRejectionThatStopsTheRunKeepsTheTasksAfterItFromRunning() {
    Pipeline pipeline = pipeline();
    ParallelIngest.Outcome outcome = new ParallelIngest.Outcome() {
      @Override
      public void accepted(Event event, Object source, int worker) {}

      @Override
      public void duplicate(Event event, Object source) {}

      @Override
      public void rejected(Event event, Object source, long line, ClmException e) {
        throw new IllegalStateException("bad row at line " + line);
      }
    };
    List<Long> advancedAt = new ArrayList<>();
    try (ParallelIngest ingest = new ParallelIngest(pipeline, outcome, 1)) {
      ingest.submit(credit(1, 1), null, 1);
      ingest.then(() -> advancedAt.add(pipeline.accepted()));
      ingest.submit(inDollars(2, 1), null, 2);
      ingest.submit(credit(3, 2), null, 3);
      assertThatThrownBy(() -> {
        ingest.then(() -> advancedAt.add(pipeline.accepted()));
        ingest.barrier();
      }).isInstanceOf(IllegalStateException.class).hasMessage("bad row at line 2");
      // a later call on the stopped run reports the same failure
      assertThatThrownBy(() -> ingest.then(() -> advancedAt.add(-1L)))
          .isInstanceOf(IllegalStateException.class).hasMessage("bad row at line 2");
    }
    assertThat(advancedAt).containsExactly(1L);
    assertThat(pipeline.accepted()).isEqualTo(1);
  }

  @Test
  void closingStopsTheWorkers() throws InterruptedException {
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    List<Thread> workers = new ArrayList<>();
    try (ParallelIngest ingest = new ParallelIngest(pipeline(), NOTHING, 3)) {
      ingest.submit(credit(1, 1), null, 0);
      ingest.barrier();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (!before.contains(t) && t.getName().startsWith("clm-ingest-")) {
          workers.add(t);
        }
      }
      assertThat(workers).extracting(Thread::getName).containsExactlyInAnyOrder("clm-ingest-0", "clm-ingest-1", "clm-ingest-2");
      assertThat(workers).allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
    }
    for (Thread t : workers) {
      t.join(60_000);
    }
    assertThat(workers).noneMatch(Thread::isAlive);
  }

  @Test
  void aTaskRunsWithoutWaitingForMoreEventsOrABarrier() throws InterruptedException {
    Pipeline pipeline = pipeline();
    CountDownLatch ran = new CountDownLatch(1);
    long[] seen = new long[1];
    try (ParallelIngest ingest = new ParallelIngest(pipeline, NOTHING, 2)) {
      ingest.submit(credit(1, 1), null, 0);
      ingest.submit(credit(1, 2), null, 0);
      ingest.then(() -> {
        seen[0] = pipeline.accepted();
        ran.countDown();
      });
      // neither another submit nor a barrier hands the task over: then() did
      assertThat(ran.await(60, TimeUnit.SECONDS)).isTrue();
      assertThat(seen[0]).isEqualTo(2);
    }
  }

  @Test
  void closingStopsAWorkerWaitingAtATask() throws InterruptedException {
    Pipeline pipeline = pipeline();
    int slow = customerOfWorker(pipeline, 0);
    CountDownLatch slowStarted = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    ParallelIngest.Outcome outcome = new ParallelIngest.Outcome() {
      @Override
      public void accepted(Event event, Object source, int worker) {
        if (worker == 0) {
          slowStarted.countDown();
          try {
            never.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
      }

      @Override
      public void duplicate(Event event, Object source) {}

      @Override
      public void rejected(Event event, Object source, long line, ClmException e) {}
    };
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    List<Thread> workers = new ArrayList<>();
    try (ParallelIngest ingest = new ParallelIngest(pipeline, outcome, 2)) {
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (!before.contains(t) && t.getName().startsWith("clm-ingest-")) {
          workers.add(t);
        }
      }
      ingest.submit(credit(1, slow), null, 0);
      // worker 1 reaches the task and waits there for worker 0, which is held up by the event
      ingest.then(() -> {});
      assertThat(slowStarted.await(60, TimeUnit.SECONDS)).isTrue();
    }
    for (Thread t : workers) {
      t.join(60_000);
    }
    assertThat(workers).hasSize(2).noneMatch(Thread::isAlive);
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
