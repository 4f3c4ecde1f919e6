package io.clm.kafka.streams;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads of {@link HttpCustomerEndpoint}, each of which runs one exchange for at most the
 * request timeout. The JDK's server hands an exchange to its executor as soon as the first bytes of
 * a request arrive; the exchange then reads the request line and headers, runs the handler and
 * writes the answer, all in blocking calls on the connection's {@link
 * java.nio.channels.SocketChannel} on that one thread, none of them with a timeout of its own. An
 * exchange still running when its time is up has its thread interrupted, which closes the
 * channel (the contract of {@link java.nio.channels.InterruptibleChannel}): the blocked read or
 * write fails, the server drops the connection, unanswered, and the thread serves the next one.
 * This bounds what a client that stalls can hold without touching the server's JVM-wide {@code
 * sun.net.httpserver.*} settings.
 */
final class BoundedExchanges implements Executor, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(HttpCustomerEndpoint.class);

  private final ExecutorService threads;
  private final ScheduledExecutorService alarms;
  private final Duration timeout;

  /**
   * Starts the threads.
   *
   * @param count how many exchanges run at once; more wait for a thread
   * @param timeout the longest an exchange may run, checked by the caller
   */
  BoundedExchanges(int count, Duration timeout) {
    this.timeout = timeout;
    AtomicInteger numbers = new AtomicInteger();
    this.threads = Executors.newFixedThreadPool(count, task -> daemon(task, "clm-customer-endpoint-" + numbers.incrementAndGet()));
    this.alarms = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "clm-customer-endpoint-timeout"));
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }

  @Override
  public void execute(Runnable exchange) {
    threads.execute(new Bounded(exchange));
  }

  /** Stops the threads, interrupting the exchanges under way. */
  @Override
  public void close() {
    threads.shutdownNow();
    alarms.shutdownNow();
  }

  /** One exchange and the thread running it, which the alarm interrupts only while it runs. */
  private final class Bounded implements Runnable {
    private final Runnable exchange;
    private Thread runner;

    Bounded(Runnable exchange) {
      this.exchange = exchange;
    }

    @Override
    public void run() {
      synchronized (this) {
        runner = Thread.currentThread();
      }
      ScheduledFuture<?> alarm;
      try {
        alarm = alarms.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closed) {
        return; // the endpoint is closed, and the server with it has closed every connection
      }
      try {
        exchange.run();
      } finally {
        alarm.cancel(false);
        synchronized (this) {
          runner = null;
        }
        // An alarm that went off as the exchange ended must not reach the next exchange.
        Thread.interrupted();
      }
    }

    private synchronized void expire() {
      if (runner != null) {
        LOG.warn("a request was not read and answered within {}: its connection is closed", timeout);
        runner.interrupt();
      }
    }
  }
}
