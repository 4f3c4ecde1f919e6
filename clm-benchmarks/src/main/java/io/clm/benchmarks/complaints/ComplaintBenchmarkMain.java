package io.clm.benchmarks.complaints;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.Intake;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.Arrays;

/**
 * A quick measurement without the JMH harness, for the performance notes: the same work as {@link
 * ComplaintClockBenchmark} and {@link ComplaintIntakeBenchmark}, timed with {@code System.nanoTime}.
 * Times are the thread's CPU time (the build machine is shared), so garbage collection is not
 * included. Run with {@code -Xmx4g}.
 */
public final class ComplaintBenchmarkMain {
  private ComplaintBenchmarkMain() {}

  /**
   * Runs the measurements and prints them.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    for (int open : new int[] {100_000, 1_000_000}) {
      long t0 = cpu.getCurrentThreadCpuTime();
      ComplaintDesk desk = ComplaintFixtures.openTickets(open);
      long built = cpu.getCurrentThreadCpuTime() - t0;
      Instant next = ComplaintFixtures.START.plus(ComplaintFixtures.DEADLINE).minusSeconds(1);
      desk.advanceTo(next);
      long[] micros = new long[80];
      int events = 0;
      for (int i = 0; i < micros.length; i++) {
        next = next.plusSeconds(1_000);
        long s = cpu.getCurrentThreadCpuTime();
        events += desk.advanceTo(next).size();
        micros[i] = (cpu.getCurrentThreadCpuTime() - s) / 1_000;
      }
      long[] measured = Arrays.copyOfRange(micros, 20, 80);
      Arrays.sort(measured);
      System.out.printf(
          "open=%,d: opened in %.1f s (%.2f us/ticket); advanceTo over 1,000 deadlines: median %d us, p90 %d us (%d events)%n",
          open, built / 1e9, built / 1e3 / open, measured[measured.length / 2], measured[measured.length * 9 / 10], events);
    }
    ComplaintDesk desk = ComplaintFixtures.standard();
    Money amount = Money.of("120.00", "EUR");
    CustomerId[] customers = new CustomerId[200_000];
    for (int i = 0; i < customers.length; i++) {
      customers[i] = CustomerId.of("cust-" + i);
    }
    int warm = 200_000;
    int runs = 300_000;
    long start = 0;
    for (int n = 0; n < warm + runs; n++) {
      if (n == warm) {
        start = cpu.getCurrentThreadCpuTime();
      }
      Instant at = ComplaintFixtures.START.plusMillis(n);
      String id = desk.open(Intake.of(ComplaintChannel.WEB, customers[n % customers.length], at, "card payment charged twice")
          .withAmountAtStake(amount), "web").id();
      desk.acknowledge(id, "system", at);
      desk.classify(id, "system", at);
    }
    double per = (cpu.getCurrentThreadCpuTime() - start) / 1e3 / runs;
    System.out.printf("open + acknowledge + classify: %.2f us per ticket (%,d tickets on the desk)%n", per, desk.size());
  }
}
