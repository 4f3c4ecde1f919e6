package io.clm.kafka.streams;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Measures, by hand and never in the test phase, end-to-end throughput through a real broker with
 * one and two application instances, the bytes per customer in the stores and the changelogs, and
 * the restore time of an instance on an empty disk. Arguments: customers, events, partitions, and
 * optionally {@code commit.interval.ms} (0 for Kafka Streams' own: 100 ms under exactly-once) and a
 * deduplication window in days (0 for none: every seen event is kept). The changelogs are set to
 * roll a segment every 5 s and to be compacted at once, and before the restore they are compacted
 * as far as the log cleaner goes, so that the restore reads what a compacted changelog holds
 * rather than every version ever written.
 * See docs/scaling.md for the command and the figures.
 */
public final class ThroughputHarness {
  private static Long commitIntervalMs;
  private static int windowDays;

  private ThroughputHarness() {}

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
    int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 4;
    commitIntervalMs = args.length > 3 && Long.parseLong(args[3]) > 0 ? Long.valueOf(args[3]) : null;
    windowDays = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    Path dir = Files.createTempDirectory("clm-throughput");
    try (Broker broker = new Broker()) {
      broker.createTopics(partitions, "events", "changes-0", "dead-0", "changes-1", "dead-1", "changes-2", "dead-2");
      long produced = produce(broker.bootstrapServers(), customers, events);
      System.out.printf("produced %d events for %d customers into %d partitions in %d ms%n",
          events, customers, partitions, produced);

      // A first pass only warms the JIT up, so that the measured passes compare like with like.
      System.out.println("warm-up:");
      run(broker, "clm-warm", "changes-0", "dead-0", List.of(dir.resolve("warm")), events);
      Path one = dir.resolve("one");
      double single = run(broker, "clm-one", "changes-1", "dead-1", List.of(one), events);
      System.out.printf("1 instance : %,.0f events/s%n", single);
      double pair = run(broker, "clm-two", "changes-2", "dead-2", List.of(dir.resolve("two-a"), dir.resolve("two-b")), events);
      System.out.printf("2 instances: %,.0f events/s (ratio %.2f)%n", pair, pair / single);

      long stateBytes = size(one);
      long changelogBytes = changelogBytes(broker.bootstrapServers(), "clm-one");
      System.out.printf("state directory (RocksDB): %,d bytes, %,d bytes per customer%n", stateBytes, stateBytes / customers);
      System.out.printf("changelogs (before compaction): %,d bytes, %,d bytes per customer%n",
          changelogBytes, changelogBytes / customers);

      // The last writes of clm-one (its final commit and, with a window, the pruned rows' tombstones)
      // sit in the active segment of each changelog partition, which the log cleaner never touches,
      // and a first cleaning only marks tombstones for removal by a later one.
      compactChangelogs(broker.bootstrapServers(), "clm-one");
      long compacted = changelogBytes(broker.bootstrapServers(), "clm-one");
      System.out.printf("changelogs (after compaction): %,d bytes, %,d bytes per customer%n",
          compacted, compacted / customers);
      restore(broker, dir.resolve("restore"), customers);
    }
  }

  private static long produce(String bootstrap, int customers, int events) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    // Without idempotence the producer needs no producer id, which a broker that has just started
    // sometimes failed to hand out until every batch had expired; one request in flight keeps order.
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
    p.put(ProducerConfig.ACKS_CONFIG, "1");
    p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
    AtomicReference<Exception> failed = new AtomicReference<>();
    Random random = new Random(1);
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    long began = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      for (int i = 0; i < events; i++) {
        String customer = "C-" + random.nextInt(customers);
        Transaction t = new Transaction(
            "t-" + i, CustomerId.of(customer), start.plusSeconds(i * (365L * 86_400 / events)),
            random.nextBoolean() ? Direction.CREDIT : Direction.DEBIT,
            Money.ofMinor(100 + random.nextInt(100_000), Currency.getInstance("EUR")),
            ProductType.values()[random.nextInt(ProductType.values().length)], Channel.MOBILE);
        producer.send(new ProducerRecord<>("events", customer, TestEvents.json(t)), (metadata, e) -> {
          if (e != null) {
            failed.compareAndSet(null, e);
          }
        });
      }
    }
    if (failed.get() != null) {
      throw new IllegalStateException("not every event reached the input topic", failed.get());
    }
    return (System.nanoTime() - began) / 1_000_000;
  }

  /** Runs instances of one application until every event is processed; events per second. */
  private static double run(Broker broker, String application, String changes, String dead, List<Path> dirs, int events)
      throws InterruptedException {
    List<KafkaStreams> all = new ArrayList<>();
    List<ClmTopology> topologies = new ArrayList<>();
    long began = System.nanoTime();
    long cpuBefore = processCpuNanos();
    for (Path dir : dirs) {
      ClmTopology clm = topology(changes, dead);
      topologies.add(clm);
      KafkaStreams streams = clm.newKafkaStreams(properties(broker.bootstrapServers(), application, dir));
      streams.start();
      all.add(streams);
    }
    long seen = 0;
    long progressed = System.nanoTime();
    while (seen < events) {
      Thread.sleep(20);
      long now = total(topologies);
      if (now != seen) {
        seen = now;
        progressed = System.nanoTime();
      } else if (System.nanoTime() - progressed > 120_000_000_000L) {
        throw new IllegalStateException(application + " processed nothing for 2 minutes after " + seen + " events");
      }
    }
    double seconds = (System.nanoTime() - began) / 1e9;
    double cpu = (processCpuNanos() - cpuBefore) / 1e9;
    double streamCpu = streamThreadCpuSeconds(application);
    if (windowDays > 0) {
      // Waits for the punctuation that prunes the seen events (every minute).
      long pruned = -1;
      Thread.sleep(61_000);
      while (pruned != total(topologies, ProcessingCounts::seenEventsPruned)) {
        pruned = total(topologies, ProcessingCounts::seenEventsPruned);
        Thread.sleep(2_000);
      }
      System.out.printf("  seen events pruned: %,d%n", pruned);
    }
    all.forEach(s -> s.close(Duration.ofSeconds(60)));
    ProcessingCounts counts = topologies.get(0).counts();
    System.out.printf("  %s: %d instance(s), %.1f s wall, %.1f s CPU of this JVM (broker included), %.1f s CPU of the"
            + " stream threads: %,.0f events per CPU-second of the JVM, %,.0f per CPU-second of the stream threads%n",
        application, dirs.size(), seconds, cpu, streamCpu, events / cpu, events / streamCpu);
    System.out.printf("  first instance's counts %s%n", counts);
    return events / seconds;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static double streamThreadCpuSeconds(String application) {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long nanos = 0;
    for (java.lang.management.ThreadInfo info : threads.dumpAllThreads(false, false)) {
      if (info.getThreadName().startsWith(application + "-") && info.getThreadName().contains("StreamThread")) {
        nanos += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return nanos / 1e9;
  }

  private static long total(List<ClmTopology> topologies) {
    return total(topologies, c -> c.applied() + c.duplicates() + c.deadLetters());
  }

  private static long total(List<ClmTopology> topologies, ToLongFunction<ProcessingCounts> count) {
    long sum = 0;
    for (ClmTopology t : topologies) {
      sum += count.applyAsLong(t.counts());
    }
    return sum;
  }

  /**
   * Compacts an application's changelogs as far as the log cleaner goes: sets their minimum dirty
   * ratio to 0, then three times rolls the active segment of every partition, by appending a
   * tombstone for a key that no store holds (restoring it deletes nothing), and gives the cleaner
   * (every 15 s) time to clean. The first cleaning keeps the tombstones and marks them for removal
   * (delete.retention.ms is 0), the next one removes them.
   */
  private static void compactChangelogs(String bootstrap, String application) throws Exception {
    List<TopicPartition> partitions = new ArrayList<>();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      List<String> topics = admin.listTopics().names().get().stream()
          .filter(t -> t.startsWith(application + "-") && t.endsWith("-changelog")).toList();
      admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
          description.partitions().forEach(p -> partitions.add(new TopicPartition(topic, p.partition()))));
      Map<ConfigResource, java.util.Collection<AlterConfigOp>> ratio = new java.util.HashMap<>();
      for (String topic : topics) {
        ratio.put(new ConfigResource(ConfigResource.Type.TOPIC, topic),
            List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG, "0"), AlterConfigOp.OpType.SET)));
      }
      admin.incrementalAlterConfigs(ratio).all().get();
    }
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    byte[] absent = "~segment-roll".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
      for (int pass = 0; pass < 3; pass++) {
        Thread.sleep(6_000); // segment.ms is 5 s
        for (TopicPartition tp : partitions) {
          producer.send(new ProducerRecord<>(tp.topic(), tp.partition(), absent, null)).get();
        }
        Thread.sleep(20_000);
      }
    }
    System.out.printf("rolled the active segments of %d changelog partitions three times%n", partitions.size());
  }

  private static void restore(Broker broker, Path dir, int customers) throws InterruptedException {
    AtomicLong restored = new AtomicLong();
    AtomicLong firstStart = new AtomicLong();
    AtomicLong lastEnd = new AtomicLong();
    ClmTopology clm = topology("changes-1", "dead-1");
    KafkaStreams streams = clm.newKafkaStreams(properties(broker.bootstrapServers(), "clm-one", dir));
    streams.setGlobalStateRestoreListener(new StateRestoreListener() {
      @Override
      public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
        firstStart.compareAndSet(0, System.nanoTime());
      }

      @Override
      public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long count) {}

      @Override
      public void onRestoreEnd(TopicPartition partition, String store, long total) {
        restored.addAndGet(total);
        lastEnd.set(System.nanoTime());
      }
    });
    long began = System.nanoTime();
    streams.start();
    while (streams.state() != KafkaStreams.State.RUNNING || lastEnd.get() == 0 || System.nanoTime() - lastEnd.get() < 3_000_000_000L) {
      Thread.sleep(50);
    }
    double seconds = (lastEnd.get() - began) / 1e9;
    double restoring = (lastEnd.get() - firstStart.get()) / 1e9;
    // What a fully compacted changelog would hold: one record per key the stores hold now.
    long live = 0;
    for (String store : List.of(ClmTopology.CUSTOMERS_STORE, ClmTopology.APPENDED_STORE, ClmTopology.DUE_STORE)) {
      try (KeyValueIterator<Bytes, byte[]> all = streams.store(
          StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())).all()) {
        while (all.hasNext()) {
          all.next();
          live++;
        }
      }
    }
    streams.close(Duration.ofSeconds(60));
    System.out.printf("restore on an empty disk: %,d changelog records in %.1f s, %.1f s per million customers%n",
        restored.get(), seconds, seconds * 1_000_000 / customers);
    System.out.printf("  of which restoring (first store's start to last store's end): %.1f s, %,.0f records/s%n",
        restoring, restored.get() / restoring);
    System.out.printf("keys in the restored stores (the records of fully compacted changelogs): %,d, %.1f per customer%n",
        live, (double) live / customers);
  }

  private static ClmTopology topology(String changes, String dead) {
    ClmTopology.Builder builder = ClmTopology.builder()
        .engine(e -> e.model("banking-six-stage").currency("EUR").futureTolerance(Duration.ofDays(36_500)))
        .inputTopic("events")
        .stageChangeTopic(changes)
        .deadLetterTopic(dead)
        .withoutPunctuation();
    if (windowDays > 0) {
      builder.deduplicationWindow(Duration.ofDays(windowDays));
    }
    return builder.build();
  }

  private static Properties properties(String bootstrap, String application, Path dir) {
    Properties p = Instance.properties(bootstrap, dir, new HostInfo("127.0.0.1", 1));
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, application);
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 64L * 1024 * 1024);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 10);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "lz4");
    p.put(StreamsConfig.consumerPrefix("max.poll.records"), 2_000);
    p.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
    p.put(StreamsConfig.topicPrefix(TopicConfig.SEGMENT_MS_CONFIG), 5_000);
    p.put(StreamsConfig.topicPrefix(TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG), 0.01);
    p.put(StreamsConfig.topicPrefix(TopicConfig.DELETE_RETENTION_MS_CONFIG), 0);
    if (commitIntervalMs != null) {
      p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
    }
    return p;
  }

  private static long size(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static long changelogBytes(String bootstrap, String application) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
      long bytes = 0;
      List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(n -> n.id()).toList();
      for (Map<String, LogDirDescription> dirs : admin.describeLogDirs(brokers).allDescriptions().get().values()) {
        for (LogDirDescription d : dirs.values()) {
          for (Map.Entry<TopicPartition, ReplicaInfo> r : d.replicaInfos().entrySet()) {
            if (r.getKey().topic().startsWith(application + "-") && r.getKey().topic().endsWith("-changelog")) {
              bytes += r.getValue().size();
            }
          }
        }
      }
      return bytes;
    }
  }
}
