package io.clm.benchmarks.lifecycle;

import io.clm.api.event.Event;
import io.clm.benchmarks.workload.EventStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.openjdk.jol.info.GraphLayout;
import org.openjdk.jol.info.GraphPathRecord;

/**
 * Heap bytes per customer at steady state, measured, not estimated: the live heap after a full
 * collection with an empty tracker, and again after the whole feed went through the tracker and
 * the feed was dropped; the difference divided by the number of customers. Whatever the tracker
 * keeps of the events (customer ids, timestamps) counts, as it would in production. A second,
 * smaller population is then walked with JOL to break the bytes down by class, and by class and
 * the field that holds each object (which of a customer's arrays a {@code long[]} is). The single
 * pass over the feed is also timed in CPU time of the ingesting thread, a throughput figure that other
 * processes on the machine disturb much less than wall-clock time (garbage collection runs in
 * other threads and is not included).
 *
 * <p>Run in a JVM of its own per implementation ({@link io.clm.benchmarks.BenchmarkMain} does
 * that); prints one JSON object on the last line of standard output.
 *
 * <p>Arguments: implementation, customers, events per customer, customers for the breakdown, and
 * for clm optionally a deduplication window (ISO-8601, for example {@code P7D}; without it the
 * engine remembers every event id).
 */
public final class Footprint {

  private Footprint() {}

  /**
   * Measures one implementation.
   *
   * @param args implementation, customers, events per customer, breakdown customers, and for clm
   *     optionally a deduplication window
   */
  public static void main(String[] args) {
    Implementation implementation = Implementation.named(args[0]);
    int customers = Integer.parseInt(args[1]);
    int eventsPerCustomer = Integer.parseInt(args[2]);
    int breakdownCustomers = Integer.parseInt(args[3]);
    Supplier<LifecycleTracker> trackers = trackers(implementation, args.length > 4 ? args[4] : null);

    LifecycleTracker tracker = trackers.get();
    long before = liveHeap();
    Event[] events = EventStream.generate(customers, eventsPerCustomer, EventStream.SEED).events();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    long start = System.nanoTime();
    for (Event event : events) {
      tracker.accept(event);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    events = null;
    long after = liveHeap();
    String stages = json(tracker.stageCounts().toString());
    Reference.reachabilityFence(tracker);
    tracker = null;

    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT,
        "{\"implementation\":\"%s\",\"customers\":%d,\"events\":%d,\"bytesPerCustomer\":%.1f,"
            + "\"ingestSeconds\":%.1f,\"ingestCpuSeconds\":%.1f,\"eventsPerCpuSecond\":%.0f,"
            + "\"stages\":%s,\"breakdownCustomers\":%d,\"breakdown\":[",
        implementation.label(), customers, (long) customers * eventsPerCustomer,
        (after - before) / (double) customers, seconds, cpuSeconds,
        customers * (double) eventsPerCustomer / cpuSeconds, stages, breakdownCustomers));
    if (breakdownCustomers > 0) {
      appendBreakdown(out, trackers, breakdownCustomers, eventsPerCustomer);
    }
    out.append("]}");
    System.out.println(out);
  }

  /** New trackers of the implementation; for clm with the deduplication window, if one is named. */
  private static Supplier<LifecycleTracker> trackers(Implementation implementation, String window) {
    if (window == null) {
      return implementation::create;
    }
    if (implementation != Implementation.CLM) {
      throw new IllegalArgumentException("a deduplication window applies to clm only, not " + implementation.label());
    }
    Duration duration = Duration.parse(window);
    return () -> new ClmTracker(duration);
  }

  private static void appendBreakdown(
      StringBuilder out, Supplier<LifecycleTracker> trackers, int customers, int eventsPerCustomer) {
    // Per class: what the tracker holds with the population minus what an empty tracker holds,
    // so that shared objects (the model, configuration, class loader) do not count.
    GraphLayout empty = GraphLayout.parseInstance(trackers.get().stateRoot());
    Event[] events = EventStream.generate(customers, eventsPerCustomer, EventStream.SEED).events();
    LifecycleTracker tracker = trackers.get();
    for (Event event : events) {
      tracker.accept(event);
    }
    events = null;
    GraphLayout full = GraphLayout.parseInstance(tracker.stateRoot());
    List<Class<?>> classes = new ArrayList<>(full.getClasses());
    classes.sort(Comparator.comparingLong((Class<?> type) -> -ownSize(full, empty, type)));
    boolean first = true;
    for (Class<?> type : classes) {
      double perCustomer = ownSize(full, empty, type) / (double) customers;
      if (perCustomer < 0.5) {
        continue;
      }
      out.append(first ? "" : ",");
      first = false;
      out.append(String.format(Locale.ROOT,
          "{\"class\":\"%s\",\"bytesPerCustomer\":%.1f,\"instancesPerCustomer\":%.2f}",
          type.getName(), perCustomer,
          (full.getClassCounts().count(type) - empty.getClassCounts().count(type)) / (double) customers));
    }
    appendParts(out, full.subtract(empty), customers);
  }

  /**
   * Per class and the field that holds the object (the last step of its path from the root, array
   * indexes dropped): which of a customer's arrays the {@code long[]} bytes are, for example.
   */
  private static void appendParts(StringBuilder out, GraphLayout added, int customers) {
    Map<String, Long> bytes = new TreeMap<>();
    for (long address : added.addresses()) {
      GraphPathRecord record = added.record(address);
      String path = record.path().replaceAll("\\[\\d+\\]", "");
      String field = path.substring(path.lastIndexOf('.') + 1);
      bytes.merge(record.klass().getName() + " " + field, record.size(), Long::sum);
    }
    out.append("],\"parts\":[");
    boolean first = true;
    for (Map.Entry<String, Long> e : bytes.entrySet()) {
      double perCustomer = e.getValue() / (double) customers;
      if (perCustomer < 0.5) {
        continue;
      }
      out.append(first ? "" : ",");
      first = false;
      out.append(String.format(Locale.ROOT, "{\"part\":\"%s\",\"bytesPerCustomer\":%.1f}", e.getKey(), perCustomer));
    }
  }

  private static long ownSize(GraphLayout full, GraphLayout empty, Class<?> type) {
    return full.getClassSizes().count(type) - empty.getClassSizes().count(type);
  }

  private static String json(String map) {
    // {potential=1, development=2} -> {"potential":1,"development":2}
    return map.replaceAll("([a-z-]+)=", "\"$1\":");
  }

  static long liveHeap() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 4; i++) {
      System.gc();
      used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
    }
    return used;
  }
}
