package io.clm.cli;

import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Feeds events to the engine from several worker threads. Each customer always goes to the same
 * worker, so that its events keep their order: the worker of the engine's {@code lane} of the
 * customer, so that workers share none of the engine's locks. Queues are bounded, so a fast
 * reader waits for the engine instead of piling events up in memory. {@link #then(Runnable)} runs
 * a task (an advance of time) after everything submitted so far has been applied and before
 * anything submitted later, without making the reader wait; {@link #barrier()} waits until
 * everything submitted so far has been applied.
 *
 * <p>A failure (an event or task that throws, or an outcome that stops the run) stops the run as
 * one thread applying everything in the order submitted would, as far as each customer and the
 * tasks go: what was submitted before the failing item is still applied, no task after it runs and
 * no later event of the same worker is applied, and the failure reported is that of the first
 * failing item in that order, whichever worker met it first. Events of other workers submitted
 * after the failing item and before the next task may already have been applied when it fails.
 */
final class ParallelIngest implements AutoCloseable {
  private static final int BATCH = 512;

  /**
   * What to do with each event's outcome; called on worker threads. {@code worker} is the index of
   * the worker that applied the event: a customer's events all go to the same one.
   */
  interface Outcome {
    void accepted(Event event, Object source, int worker);

    void duplicate(Event event, Object source);

    void rejected(Event event, Object source, long line, ClmException e);
  }

  /** An event, where it came from, and its place in the order of submission. */
  private record Item(Event event, Object source, long line, long seq) {}

  /**
   * A task between the events before it and the events after it: every worker stops at it, the last
   * to arrive runs the task, then all go on.
   */
  private static final class Step {
    private final Runnable task;
    private final AtomicInteger waiting;
    private final CountDownLatch done = new CountDownLatch(1);
    /** Its place in the order of submission. */
    private final long seq;

    Step(Runnable task, int workers, long seq) {
      this.task = task;
      this.waiting = new AtomicInteger(workers);
      this.seq = seq;
    }
  }

  private final Pipeline pipeline;
  private final Outcome outcome;
  private final List<BlockingQueue<List<Object>>> queues = new ArrayList<>();
  private final List<List<Object>> pending = new ArrayList<>();
  private final List<Thread> workers = new ArrayList<>();
  /** Items and steps submitted so far; the reader's only. */
  private long submitted;
  /** The failure of the earliest failing item or step, in the order of submission; see {@link #fail}. */
  private volatile Throwable failure;
  /** The place of {@link #failure}'s item in the order of submission; {@code Long.MAX_VALUE} while none. */
  private volatile long failedAt = Long.MAX_VALUE;

  ParallelIngest(Pipeline pipeline, Outcome outcome, int threads) {
    this.pipeline = pipeline;
    this.outcome = outcome;
    for (int i = 0; i < threads; i++) {
      BlockingQueue<List<Object>> queue = new ArrayBlockingQueue<>(8);
      queues.add(queue);
      pending.add(new ArrayList<>(BATCH));
      int worker = i;
      Thread t = new Thread(() -> work(queue, worker), "clm-ingest-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
  }

  /** The worker, of {@code workers} feeding {@code engine}, that applies the events of {@code customer}. */
  static int workerOf(LifecycleEngine engine, CustomerId customer, int workers) {
    return engine.lane(customer, workers);
  }

  /** Submits an event for ingest. */
  void submit(Event event, Object source, long line) {
    int w = workerOf(pipeline.engine(), event.customer(), queues.size());
    List<Object> batch = pending.get(w);
    batch.add(new Item(event, source, line, submitted++));
    if (batch.size() == BATCH) {
      handOver(w);
      stopOnFailure();
    }
  }

  /**
   * Runs {@code task} on one of the workers once every event submitted so far has been applied, and
   * before any event submitted after this call; returns at once. The task runs alone: every worker
   * waits for it. If it throws, nothing more is applied and the next call on the caller's thread
   * rethrows.
   */
  void then(Runnable task) {
    Step step = new Step(task, queues.size(), submitted++);
    for (int w = 0; w < queues.size(); w++) {
      pending.get(w).add(step);
    }
    for (int w = 0; w < queues.size(); w++) {
      handOver(w);
    }
    stopOnFailure();
  }

  /** Waits until every event submitted so far has been applied, and every task run. */
  void barrier() {
    drain();
    rethrow();
  }

  /** Hands everything submitted to the workers and waits until they have applied it. */
  private void drain() {
    CountDownLatch done = new CountDownLatch(queues.size());
    for (int w = 0; w < queues.size(); w++) {
      pending.get(w).add(done);
      handOver(w);
    }
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Once a worker has failed, waits until the workers have gone through everything submitted (items
   * before the failing one may still fail, earlier in the order), then throws the first failure.
   */
  private void stopOnFailure() {
    if (failure != null) {
      barrier();
    }
  }

  /** Hands the pending batch of worker {@code w} to it; a new batch starts. */
  private void handOver(int w) {
    List<Object> batch = pending.get(w);
    pending.set(w, new ArrayList<>(BATCH));
    try {
      queues.get(w).put(batch);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void rethrow() {
    Throwable f = failure;
    if (f instanceof RuntimeException) {
      throw (RuntimeException) f;
    }
    if (f instanceof Error) {
      throw (Error) f;
    }
  }

  private void work(BlockingQueue<List<Object>> queue, int worker) {
    while (true) {
      List<Object> batch;
      try {
        batch = queue.take();
      } catch (InterruptedException e) {
        return;
      }
      readAhead(batch);
      for (Object o : batch) {
        if (o instanceof CountDownLatch) {
          ((CountDownLatch) o).countDown();
          continue;
        }
        if (o instanceof Step) {
          if (!step((Step) o)) {
            return;
          }
          continue;
        }
        Item item = (Item) o;
        if (item.seq() > failedAt) {
          continue;
        }
        try {
          if (pipeline.ingest(item.event())) {
            outcome.accepted(item.event(), item.source(), worker);
          } else {
            outcome.duplicate(item.event(), item.source());
          }
        } catch (ClmException e) {
          try {
            outcome.rejected(item.event(), item.source(), item.line(), e);
          } catch (RuntimeException | Error fatal) {
            fail(item.seq(), fatal);
          }
        } catch (RuntimeException | Error e) {
          fail(item.seq(), e);
        }
      }
    }
  }

  /**
   * Reads the parts of every event of a batch that the engine reads first, before applying any. The
   * reader thread made them, so they sit in the other core's cache; read one event at a time, as
   * the engine does, each costs a transfer that the worker waits for, one after the other. Read
   * here, the transfers of many events overlap, and applying the batch then finds them close.
   */
  private void readAhead(List<Object> batch) {
    int sum = 0;
    for (Object o : batch) {
      if (o instanceof Item item) {
        Event e = item.event();
        String customer = e.customer().value();
        sum += e.id().length() + customer.hashCode() + customer.length() + e.at().getNano();
      }
    }
    readAheadSum = sum;
  }

  /** Written so that {@link #readAhead} is not optimized away; never read. */
  @SuppressWarnings("unused")
  private int readAheadSum;

  /**
   * Waits at a step until every worker has reached it; the last to arrive runs its task.
   *
   * @return false if the thread was interrupted (the ingest is closing)
   */
  private boolean step(Step step) {
    if (step.waiting.decrementAndGet() == 0) {
      try {
        if (step.seq < failedAt) {
          step.task.run();
        }
      } catch (RuntimeException | Error e) {
        fail(step.seq, e);
      } finally {
        step.done.countDown();
      }
      return true;
    }
    try {
      step.done.await();
      return true;
    } catch (InterruptedException e) {
      return false;
    }
  }

  /**
   * Records the failure of the item or step at {@code seq} unless an earlier one failed: workers
   * meet failures in any order, and the one reported is the first in the order of submission.
   */
  private synchronized void fail(long seq, Throwable e) {
    if (seq < failedAt) {
      failure = e;
      failedAt = seq;
    }
  }

  @Override
  public void close() {
    workers.forEach(Thread::interrupt);
  }
}
