package io.clm.benchmarks.complaints;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.Intake;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Opening, acknowledging and classifying one ticket under the standard workflow. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class ComplaintIntakeBenchmark {

  private ComplaintDesk desk;
  private long n;
  private final CustomerId[] customers = new CustomerId[200_000];
  private static final Money AMOUNT = Money.of("120.00", "EUR");

  /** A fresh desk per iteration. */
  @Setup(Level.Iteration)
  public void setUp() {
    desk = ComplaintFixtures.standard();
    n = 0;
    for (int i = 0; i < customers.length; i++) {
      customers[i] = CustomerId.of("cust-" + i);
    }
  }

  /**
   * Opens a ticket and classifies it (three operations, each audited).
   *
   * @return the classified ticket
   */
  @Benchmark
  public Complaint openAndClassify() {
    Instant at = ComplaintFixtures.START.plusMillis(n);
    CustomerId customer = customers[(int) (n++ % customers.length)];
    Complaint c = desk.open(
        Intake.of(ComplaintChannel.WEB, customer, at, "card payment charged twice").withAmountAtStake(AMOUNT), "web");
    desk.acknowledge(c.id(), "system", at);
    return desk.classify(c.id(), "system", at);
  }
}
