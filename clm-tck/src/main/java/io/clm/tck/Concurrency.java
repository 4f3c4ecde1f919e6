package io.clm.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs tasks on a few threads that start together. */
final class Concurrency {
  static final int THREADS = 4;

  private Concurrency() {}

  /**
   * Runs {@code task.apply(i)} for i in 0..n-1 on {@link #THREADS} threads released at once.
   *
   * @return the results, by i
   */
  static <R> List<R> run(int n, IntFunction<R> task) {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<R>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        Callable<R> call =
            () -> {
              start.await();
              return task.apply(index);
            };
        futures.add(pool.submit(call));
      }
      start.countDown();
      List<R> results = new ArrayList<>();
      for (Future<R> f : futures) {
        try {
          results.add(f.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException e) {
          throw new AssertionError("a call failed on another thread: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new AssertionError("interrupted", e);
        } catch (java.util.concurrent.TimeoutException e) {
          throw new AssertionError("a call did not finish within 60 s (deadlock?)", e);
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
