package io.clm.benchmarks.lifecycle;

import io.clm.api.event.Event;
import io.clm.benchmarks.workload.EventStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Compares implementations, or builds of clm, on a machine whose load comes and goes: one JVM
 * alternates single passes over the feed of each contender, so that all see the same moments of
 * the machine, and reports each contender's events per CPU-second of the ingesting thread and, per
 * round, its ratio to the first contender. The median of those ratios is steady where the scores
 * themselves scatter.
 *
 * <p>A contender is an implementation name ({@code clm}, {@code columnar}, ...), run from this
 * jar, or {@code name@path}: the implementation of that name from another build's
 * {@code clm-benchmarks.jar}, loaded in a class loader of its own, so that two builds of clm can
 * be compared in one run.
 *
 * <p>Arguments: rounds, customers (10 events each, {@link EventStream#SEED}), contenders.
 * Example: {@code java -Xms8g -Xmx8g -cp clm-benchmarks.jar
 * io.clm.benchmarks.lifecycle.Alternating 8 200000 clm clm@/tmp/before.jar columnar}.
 */
public final class Alternating {
  private static Event[] feed;
  private static int feedCustomers;

  private Alternating() {}

  /**
   * Runs the comparison.
   *
   * @param args rounds, customers, contenders
   * @throws Exception when a contender cannot be loaded or fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException("arguments: rounds customers contender... (a contender is name or name@jar)");
    }
    int rounds = Integer.parseInt(args[0]);
    int customers = Integer.parseInt(args[1]);
    List<String> names = Arrays.asList(args).subList(2, args.length);
    List<Method> passes = new ArrayList<>();
    List<ClassLoader> loaders = new ArrayList<>();
    for (String name : names) {
      ClassLoader loader = loader(name);
      loaders.add(loader);
      passes.add(Class.forName(Alternating.class.getName(), true, loader).getMethod("pass", int.class, String.class));
    }
    double[][] scores = new double[names.size()][rounds];
    for (int round = 0; round < rounds; round++) {
      StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
      for (int n = 0; n < names.size(); n++) {
        int k = round % 2 == 0 ? n : names.size() - 1 - n;
        Thread.currentThread().setContextClassLoader(loaders.get(k));
        long cpuNanos = (long) invoke(passes.get(k), customers, implementation(names.get(k)));
        scores[k][round] = customers * 10.0 / (cpuNanos / 1e9);
      }
      for (int n = 0; n < names.size(); n++) {
        line.append(String.format(Locale.ROOT, " %s %,.0f", names.get(n), scores[n][round]));
      }
      System.out.println(line);
    }
    for (int n = 0; n < names.size(); n++) {
      double[] ratios = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        ratios[round] = scores[n][round] / scores[0][round];
      }
      System.out.printf(Locale.ROOT, "%s: median %,.0f events per CPU-second; ratio to %s per round: median %.3f (%.3f to %.3f)%n",
          names.get(n), median(scores[n]), names.get(0), median(ratios), min(ratios), max(ratios));
    }
  }

  /**
   * One pass over the feed on a new tracker, in this class loader's build.
   *
   * @param customers customers of the feed
   * @param implementation the implementation's name
   * @return CPU nanoseconds of the calling thread
   */
  public static long pass(int customers, String implementation) {
    if (feed == null || feedCustomers != customers) {
      feed = EventStream.generate(customers, 10, EventStream.SEED).events();
      feedCustomers = customers;
    }
    System.gc();
    LifecycleTracker tracker = Implementation.named(implementation).create();
    var threads = ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    long changes = 0;
    for (Event e : feed) {
      changes += tracker.accept(e);
    }
    long cpu = threads.getCurrentThreadCpuTime() - start;
    if (changes == 0) {
      throw new IllegalStateException(implementation + " moved no customer over the whole feed");
    }
    return cpu;
  }

  private static ClassLoader loader(String contender) throws MalformedURLException {
    int at = contender.indexOf('@');
    if (at < 0) {
      return Alternating.class.getClassLoader();
    }
    URL jar = Path.of(contender.substring(at + 1)).toUri().toURL();
    return new URLClassLoader(new URL[] {jar}, ClassLoader.getPlatformClassLoader());
  }

  private static String implementation(String contender) {
    int at = contender.indexOf('@');
    return at < 0 ? contender : contender.substring(0, at);
  }

  private static Object invoke(Method pass, int customers, String implementation) throws Exception {
    try {
      return pass.invoke(null, customers, implementation);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double min(double[] values) {
    return Arrays.stream(values).min().orElseThrow();
  }

  private static double max(double[] values) {
    return Arrays.stream(values).max().orElseThrow();
  }
}
