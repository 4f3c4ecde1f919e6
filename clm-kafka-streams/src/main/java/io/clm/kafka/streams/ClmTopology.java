package io.clm.kafka.streams;

import io.clm.api.Clm;
import io.clm.api.CustomerIdMask;
import io.clm.api.LifecycleEngine;
import io.clm.api.annotation.Experimental;
import io.clm.api.spi.CustomerStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * clm's lifecycle engine as a Kafka Streams topology. Build one, then run it:
 *
 * <pre>{@code
 * ClmTopology clm = ClmTopology.builder()
 *     .engine(engine -> engine.model("banking-six-stage").currency("EUR"))
 *     .inputTopic("clm-events")
 *     .stageChangeTopic("clm-stage-changes")
 *     .deadLetterTopic("clm-dead-letters")
 *     .build();
 * KafkaStreams streams = clm.newKafkaStreams(properties); // exactly-once unless set otherwise
 * streams.start();
 * }</pre>
 *
 * <p>The input topic holds clm events as JSON ({@link ClmSerdes#events()}), keyed by customer id in
 * UTF-8, so that every event of a customer lands in one partition and one task. Each task runs its
 * own engine over three persistent, changelogged stores: {@value #CUSTOMERS_STORE} (clm's customer
 * record per customer), {@value #APPENDED_STORE} (the seen events and stage history appended to
 * them) and {@value #DUE_STORE} (the due-time index). Stage changes go to the stage-change topic keyed by customer id; input that cannot be
 * applied goes, unchanged, to the dead-letter topic with its reason ({@link DeadLetter}).
 *
 * <p>A record of the input topic keyed by a customer id, with no value and the header {@value
 * #ERASURE_HEADER} (empty), is an erasure request: the task erases the customer from its engine
 * and its stores, and writes a record with the customer's key and no value (a tombstone) to the
 * stage-change topic. Erasure requests need the topology's {@link Builder#idMask id mask}.
 *
 * <p>One instance of this class serves one application instance: its {@link #counts()} sum the
 * tasks this instance runs.
 */
@SuppressWarnings("exports")
@Experimental
public final class ClmTopology {
  /** Name of the store of customer records. */
  public static final String CUSTOMERS_STORE = "clm-customers";
  /** Name of the store of seen events and stage history appended to the customer records. */
  public static final String APPENDED_STORE = "clm-appended";
  /** Name of the store of the due-time index. */
  public static final String DUE_STORE = "clm-due";

  /**
   * The header that makes an input record an erasure request: present, with an empty value, on a
   * record keyed by the customer's id and without a value.
   */
  public static final String ERASURE_HEADER = "clm.erase";

  /**
   * The most time a value may stay in a changelog of clm's stores before the log cleaner must
   * compact it away, unless the properties set {@code topic.max.compaction.lag.ms}: the bound on
   * how long an erased customer's data stays in the changelogs, before the tombstones that replace
   * it (see {@link #withDefaults}).
   */
  public static final Duration DEFAULT_MAX_COMPACTION_LAG = Duration.ofDays(7);

  static final String SOURCE = "clm-events";
  static final String PROCESSOR = "clm-lifecycle";
  static final String STAGE_CHANGE_SINK = "clm-stage-changes";
  static final String DEAD_LETTER_SINK = "clm-dead-letters";

  final Function<CustomerStore, LifecycleEngine> engineFactory;
  final String inputTopic;
  final String stageChangeTopic;
  final String deadLetterTopic;
  final Optional<Duration> punctuationInterval;
  final Optional<Duration> deduplicationWindow;
  final Clock clock;
  final int maxWokenPerPunctuation;
  final boolean inMemoryStores;
  /** The id mask of every task's engine, when set; erasure requests are refused without one. */
  final Optional<CustomerIdMask> idMask;
  final Counters counters = new Counters();

  private ClmTopology(Builder b) {
    Consumer<Clm.Builder> settings = b.engine;
    Clock clock = b.clock != null ? b.clock : Clock.systemUTC();
    Optional<Duration> window = Optional.ofNullable(b.deduplicationWindow);
    Optional<CustomerIdMask> mask = Optional.ofNullable(b.idMask);
    this.engineFactory =
        store -> {
          // Without the topology's mask every engine gets a random one, as an engine built alone
          // would; setting it here also keeps the engine settings from setting one of their own.
          Clm.Builder builder = Clm.builder().clock(clock).store(store).idMask(mask.orElseGet(CustomerIdMask::random));
          window.ifPresent(builder::deduplicationWindow);
          settings.accept(builder);
          return builder.build();
        };
    this.deduplicationWindow = window;
    this.idMask = mask;
    this.inputTopic = b.inputTopic;
    this.stageChangeTopic = b.stageChangeTopic;
    this.deadLetterTopic = b.deadLetterTopic;
    this.punctuationInterval =
        b.punctuationInterval == null ? Optional.of(Duration.ofMinutes(1)) : b.punctuationInterval;
    this.clock = clock;
    this.maxWokenPerPunctuation = b.maxWokenPerPunctuation != null ? b.maxWokenPerPunctuation : 10_000;
    this.inMemoryStores = b.inMemoryStores;
  }

  /**
   * Starts configuring a topology.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A new Kafka Streams topology: source, lifecycle processor with its two stores, and the two
   * sinks. Each call returns a new topology; all of them count into this instance's {@link
   * #counts()}.
   *
   * @return the topology
   */
  public Topology topology() {
    // Only the customer records are cached: the cache writes a record once per customer per commit,
    // however many of its events the commit holds. Appended rows are written once under keys never
    // written again and due-index keys move with every event, so a cache only adds a sorted-map
    // insert and a later flush to each of their writes (docs/scaling.md).
    StoreBuilder<KeyValueStore<Bytes, byte[]>> customers = store(CUSTOMERS_STORE).withCachingEnabled();
    StoreBuilder<KeyValueStore<Bytes, byte[]>> appended = store(APPENDED_STORE);
    StoreBuilder<KeyValueStore<Bytes, byte[]>> due = store(DUE_STORE);
    Topology topology = new Topology();
    topology.addSource(SOURCE, new ByteArrayDeserializer(), new ByteArrayDeserializer(), inputTopic);
    topology.addProcessor(PROCESSOR, () -> new LifecycleProcessor(this), SOURCE);
    topology.addStateStore(customers, PROCESSOR);
    topology.addStateStore(appended, PROCESSOR);
    topology.addStateStore(due, PROCESSOR);
    topology.addSink(STAGE_CHANGE_SINK, stageChangeTopic, new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
    topology.addSink(DEAD_LETTER_SINK, deadLetterTopic, new ByteArraySerializer(), new ByteArraySerializer(), PROCESSOR);
    return topology;
  }

  private StoreBuilder<KeyValueStore<Bytes, byte[]>> store(String name) {
    return Stores.keyValueStoreBuilder(
            inMemoryStores ? Stores.inMemoryKeyValueStore(name) : Stores.persistentKeyValueStore(name),
            Serdes.Bytes(),
            Serdes.ByteArray());
  }

  /**
   * Kafka Streams over {@link #topology()} with clm's defaults under the given properties (see
   * {@link #withDefaults}). Under {@code at_least_once} a crash can lose stage changes: the restored store may already
   * hold an event whose stage change was never written, and the event, processed again, is a
   * duplicate that emits nothing.
   *
   * @param properties Kafka Streams configuration: at least {@code application.id} and {@code
   *     bootstrap.servers}; add {@code application.server} for {@link #queries}
   * @return the streams, not started
   */
  public KafkaStreams newKafkaStreams(Properties properties) {
    return new KafkaStreams(topology(), withDefaults(properties));
  }

  /**
   * The properties with clm's defaults added where they set none: {@code
   * processing.guarantee=exactly_once_v2}, and {@code topic.max.compaction.lag.ms} of {@link
   * #DEFAULT_MAX_COMPACTION_LAG}, which Kafka Streams gives the changelog topics it creates, so
   * that the log cleaner replaces an erased customer's values with tombstones within that time.
   *
   * @param properties Kafka Streams configuration
   * @return a copy with the defaults
   */
  public static Properties withDefaults(Properties properties) {
    Properties all = new Properties();
    all.putAll(Objects.requireNonNull(properties, "properties"));
    all.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    all.putIfAbsent(
        StreamsConfig.topicPrefix(TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG),
        Long.toString(DEFAULT_MAX_COMPACTION_LAG.toMillis()));
    return all;
  }

  /**
   * Queries of one customer's state in running streams of this topology.
   *
   * @param streams the running streams
   * @param self this instance's {@code application.server} host and port
   * @param remote how to ask the instance that owns a customer, when it is not this one
   * @return the queries
   */
  public CustomerQueries queries(KafkaStreams streams, HostInfo self, RemoteCustomers remote) {
    return new CustomerQueries(streams, self, remote, engineFactory);
  }

  /**
   * What this instance's tasks have done so far.
   *
   * @return the counts
   */
  public ProcessingCounts counts() {
    return counters.snapshot();
  }

  /**
   * Configures a {@link ClmTopology}. Every setter checks its argument at once and may be called
   * once; {@link #build()} checks that the engine and the three topics are set, and builds one
   * engine from the engine settings, so that settings the tasks would refuse fail there. Not
   * thread-safe.
   */
  public static final class Builder {
    private static final Pattern TOPIC = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private Consumer<Clm.Builder> engine;
    private String inputTopic;
    private String stageChangeTopic;
    private String deadLetterTopic;
    private Optional<Duration> punctuationInterval;
    private Duration deduplicationWindow;
    private Clock clock;
    private Integer maxWokenPerPunctuation;
    private boolean inMemoryStores;
    private CustomerIdMask idMask;

    private Builder() {}

    /**
     * Configures the engine each task runs (required): at least the model and the currency. The
     * settings are applied to a fresh {@link Clm#builder()} for every task, after this topology
     * set the store, the clock, the id mask and any deduplication window, which the settings must
     * therefore leave alone.
     *
     * @param settings what to set, such as {@code e -> e.model("banking-six-stage").currency("EUR")}
     * @return this builder
     * @throws IllegalStateException if the engine was set already
     */
    public Builder engine(Consumer<Clm.Builder> settings) {
      requireUnset(engine == null, "engine");
      this.engine = Objects.requireNonNull(settings, "engine");
      return this;
    }

    /**
     * Sets the topic of clm events, keyed by customer id (required).
     *
     * @param topic a legal Kafka topic name
     * @return this builder
     * @throws IllegalArgumentException if the name is not a legal topic name
     */
    public Builder inputTopic(String topic) {
      requireUnset(inputTopic == null, "inputTopic");
      this.inputTopic = topic("inputTopic", topic);
      return this;
    }

    /**
     * Sets the topic stage changes are written to (required).
     *
     * @param topic a legal Kafka topic name
     * @return this builder
     * @throws IllegalArgumentException if the name is not a legal topic name
     */
    public Builder stageChangeTopic(String topic) {
      requireUnset(stageChangeTopic == null, "stageChangeTopic");
      this.stageChangeTopic = topic("stageChangeTopic", topic);
      return this;
    }

    /**
     * Sets the topic input that cannot be applied is written to (required).
     *
     * @param topic a legal Kafka topic name
     * @return this builder
     * @throws IllegalArgumentException if the name is not a legal topic name
     */
    public Builder deadLetterTopic(String topic) {
      requireUnset(deadLetterTopic == null, "deadLetterTopic");
      this.deadLetterTopic = topic("deadLetterTopic", topic);
      return this;
    }

    /**
     * Sets how often, in wall-clock time, each task evaluates the time-driven rules of the
     * customers due (default one minute).
     *
     * @param interval at least one millisecond
     * @return this builder
     * @throws NullPointerException if the interval is null
     * @throws IllegalArgumentException if zero or negative
     */
    public Builder punctuationInterval(Duration interval) {
      requireUnset(punctuationInterval == null, "punctuationInterval");
      Objects.requireNonNull(interval, "punctuationInterval");
      if (interval.isZero() || interval.isNegative()) {
        throw new IllegalArgumentException("punctuationInterval " + interval + " is not positive");
      }
      this.punctuationInterval = Optional.of(interval);
      return this;
    }

    /**
     * Turns time-driven rules off: stages change on events only. For replays of history, where
     * the wall clock says nothing about the customers' time.
     *
     * @return this builder
     */
    public Builder withoutPunctuation() {
      requireUnset(punctuationInterval == null, "punctuationInterval");
      this.punctuationInterval = Optional.empty();
      return this;
    }

    /**
     * Sets the engines' deduplication window ({@code Clm.Builder#deduplicationWindow}) and prunes
     * the stores to it: an event id is remembered for this long before the customer's latest event,
     * and a task's punctuation (every {@link #punctuationInterval}, or every minute without time-driven
     * rules) removes the seen events of its customers that are older than that, so that the stores
     * and a restore hold about one window's worth of events per customer instead of every event
     * ever. An event older than the window is refused as too old (a {@code REFUSED} dead letter).
     * Without this setting every event id is kept for good. Set the window here, not in {@link
     * #engine}: the engine settings must leave it alone.
     *
     * @param window 1 day to 36,500 days
     * @return this builder
     * @throws NullPointerException if the window is null
     * @throws io.clm.api.ValidationException if the window is out of range
     */
    public Builder deduplicationWindow(Duration window) {
      requireUnset(deduplicationWindow == null, "deduplicationWindow");
      Objects.requireNonNull(window, "deduplicationWindow");
      Clm.builder().deduplicationWindow(window); // checks the range as the engine does
      this.deduplicationWindow = window;
      return this;
    }

    /**
     * Sets the id mask of every task's engine ({@code Clm.Builder#idMask}), under which erased
     * customers are remembered, and allows erasure requests ({@link #ERASURE_HEADER}). Give every
     * instance of the application the same secret, {@code CustomerIdMask.withKey(secret)}, and keep
     * it for as long as the stores: a task whose stores hold erasures made under another key
     * does not start ({@code ErasureKeyException}). Without a mask each engine gets a random one,
     * which no restart could read, so erasure requests are refused. Set the mask here, not in
     * {@link #engine}: the engine settings must leave it alone.
     *
     * @param mask the mask, from the application's secret
     * @return this builder
     * @throws NullPointerException if the mask is null
     * @throws IllegalStateException if set already
     */
    public Builder idMask(CustomerIdMask mask) {
      requireUnset(idMask == null, "idMask");
      this.idMask = Objects.requireNonNull(mask, "idMask");
      return this;
    }

    /**
     * Sets the clock that time-driven rules and the engines' future tolerance read (default the
     * system UTC clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      requireUnset(this.clock == null, "clock");
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Bounds how many due customers one punctuation of one task evaluates (default 10,000); the
     * rest wait for the next punctuation, earliest first. A punctuation that reaches the bound
     * evaluates up to the due instant of the last customer it woke (with any others due at that
     * same millisecond), and the stage changes it raises carry that instant.
     *
     * @param customers at least 1
     * @return this builder
     * @throws IllegalArgumentException if less than 1
     */
    public Builder maxWokenPerPunctuation(int customers) {
      requireUnset(maxWokenPerPunctuation == null, "maxWokenPerPunctuation");
      if (customers < 1) {
        throw new IllegalArgumentException("maxWokenPerPunctuation " + customers + " is less than 1");
      }
      this.maxWokenPerPunctuation = customers;
      return this;
    }

    /**
     * Keeps the stores in memory instead of RocksDB (default RocksDB). They are still backed by
     * changelog topics, but every start restores them completely, and the heap must hold them: for
     * tests and small portfolios.
     *
     * @return this builder
     * @throws IllegalStateException if called twice
     */
    public Builder inMemoryStores() {
      requireUnset(!inMemoryStores, "inMemoryStores");
      this.inMemoryStores = true;
      return this;
    }

    /**
     * Builds the topology.
     *
     * @return the topology
     * @throws IllegalStateException if the engine or a topic is not set, two topics are the same, or
     *     the engine settings set the store, the clock, the deduplication window or the id mask
     * @throws io.clm.api.ClmException if the engine settings are refused as an engine of a task
     *     would refuse them (an unknown model, an invalid currency), naming the setting
     */
    public ClmTopology build() {
      if (engine == null) {
        throw new IllegalStateException("engine is not set");
      }
      if (inputTopic == null) {
        throw new IllegalStateException("inputTopic is not set");
      }
      if (stageChangeTopic == null) {
        throw new IllegalStateException("stageChangeTopic is not set");
      }
      if (deadLetterTopic == null) {
        throw new IllegalStateException("deadLetterTopic is not set");
      }
      if (inputTopic.equals(stageChangeTopic) || inputTopic.equals(deadLetterTopic)
          || stageChangeTopic.equals(deadLetterTopic)) {
        throw new IllegalStateException(
            "topics must differ: inputTopic " + inputTopic + ", stageChangeTopic " + stageChangeTopic
                + ", deadLetterTopic " + deadLetterTopic);
      }
      ClmTopology topology = new ClmTopology(this);
      // Every task start builds an engine from these settings: fail now, naming the setting and the
      // value, on settings it would refuse (an unknown model or currency, a missing one, a store,
      // clock, deduplication window or id mask set in them), rather than in every stream thread later.
      topology.engineFactory.apply(ReadOnlyStore.EMPTY);
      return topology;
    }

    private static String topic(String field, String name) {
      Objects.requireNonNull(name, field);
      if (!TOPIC.matcher(name).matches() || name.equals(".") || name.equals("..")) {
        throw new IllegalArgumentException(field + " '" + name + "' is not a legal topic name");
      }
      return name;
    }

    private static void requireUnset(boolean unset, String field) {
      if (!unset) {
        throw new IllegalStateException(field + " was already set");
      }
    }
  }
}
