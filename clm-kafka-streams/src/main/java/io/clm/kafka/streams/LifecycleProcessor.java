package io.clm.kafka.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.Erasure;
import io.clm.api.IngestResult;
import io.clm.api.LifecycleEngine;
import io.clm.api.StageChange;
import io.clm.api.UnknownCustomerException;
import io.clm.api.event.Event;
import io.clm.api.spi.CustomerStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.AbstractRecords;
import org.apache.kafka.common.record.CompressionType;
import org.apache.kafka.common.record.RecordBatch;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One stream task's lifecycle engine. Each input record is read as a clm event and applied; stage
 * changes go to the stage-change sink, anything that cannot be applied to the dead-letter sink
 * with its reason. An erasure request ({@link ClmTopology#ERASURE_HEADER}) erases its customer. A
 * wall-clock punctuator reads the customers due from the due-time index and
 * lets the engine evaluate their time-driven rules.
 *
 * <p>The engine is created in {@link #init}, where it reads the task's customers from the restored
 * stores, and dropped in {@link #close}: when Kafka Streams re-creates a task (after a failover, or
 * to roll back an aborted transaction), the new engine starts from what the stores committed, so
 * it never holds state the stores do not.
 */
final class LifecycleProcessor implements Processor<byte[], byte[], byte[], byte[]> {
  private static final Logger LOG = LoggerFactory.getLogger(LifecycleProcessor.class);
  /** How often seen events are pruned when time-driven rules are off. */
  private static final Duration PRUNE_INTERVAL = Duration.ofMinutes(1);
  /** The producer's default {@code max.request.size}. */
  private static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;

  private final ClmTopology topology;
  private final Counters counters;
  private final Clock clock;
  private ProcessorContext<byte[], byte[]> context;
  private KafkaCustomerStore store;
  private LifecycleEngine engine;
  private Cancellable punctuator;
  private int maxRequestSize = DEFAULT_MAX_REQUEST_SIZE;
  /** The latest instant this task's engine was advanced to, epoch millis. */
  private long advancedTo = Long.MIN_VALUE;

  LifecycleProcessor(ClmTopology topology) {
    this.topology = topology;
    this.counters = topology.counters;
    this.clock = topology.clock;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
    maxRequestSize = maxRequestSize(context.appConfigs());
    KeyValueStore<Bytes, byte[]> customers = context.getStateStore(ClmTopology.CUSTOMERS_STORE);
    KeyValueStore<Bytes, byte[]> appended = context.getStateStore(ClmTopology.APPENDED_STORE);
    KeyValueStore<Bytes, byte[]> due = context.getStateStore(ClmTopology.DUE_STORE);
    store =
        new KafkaCustomerStore(
            customers, appended, due, topology.deduplicationWindow.map(Duration::toMillis).orElse(Long.MAX_VALUE));
    engine = newEngine();
    if (topology.punctuationInterval.isPresent() || topology.deduplicationWindow.isPresent()) {
      Duration interval = topology.punctuationInterval.orElse(PRUNE_INTERVAL);
      punctuator = context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, at -> punctuate());
    }
  }

  private LifecycleEngine newEngine() {
    return topology.engineFactory.apply(store);
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    Optional<DeadLetter> failure = apply(record);
    failure.ifPresent(letter -> deadLetter(record, letter));
  }

  private Optional<DeadLetter> apply(Record<byte[], byte[]> record) {
    Header erasure = record.headers().lastHeader(ClmTopology.ERASURE_HEADER);
    if (erasure != null) {
      return erase(record, erasure);
    }
    if (record.value() == null || record.value().length == 0) {
      return refusal(
          DeadLetter.Reason.MALFORMED,
          "the record has no value: an event needs one, and an erasure request the header " + ClmTopology.ERASURE_HEADER);
    }
    Event event;
    try {
      event = ClmJson.readEvent(record.value());
      if (event == null) {
        return refusal(DeadLetter.Reason.MALFORMED, "the record value is JSON null, not a clm event");
      }
    } catch (JsonProcessingException e) {
      ClmException invalid = clmCause(e);
      // The parser's own message quotes the text it could not read: see ClmJson.unreadable.
      return invalid != null
          ? refusal(DeadLetter.Reason.INVALID, invalid.getMessage())
          : refusal(DeadLetter.Reason.MALFORMED, "not a clm event: " + ClmJson.unreadable(e));
    } catch (IOException e) {
      return refusal(DeadLetter.Reason.MALFORMED, "not a clm event: " + ClmJson.unreadable(e));
    }
    byte[] expectedKey = event.customer().value().getBytes(StandardCharsets.UTF_8);
    if (record.key() == null || !Arrays.equals(record.key(), expectedKey)) {
      return refusal(
          DeadLetter.Reason.REFUSED,
          "record key " + describeKey(record.key()) + " is not the event's customer " + event.customer().masked()
              + ": events must be keyed by customer id so that each customer lives in one partition");
    }
    IngestResult result;
    try {
      result = engine.ingest(event);
    } catch (ClmException e) {
      rethrowStoreFailure(e);
      return refusal(DeadLetter.Reason.REFUSED, e.getMessage());
    }
    if (result.duplicate()) {
      counters.duplicates.increment();
    } else {
      counters.applied.increment();
    }
    forward(result.changes(), record.timestamp());
    return Optional.empty();
  }

  /**
   * Erases the customer an erasure request names, and writes a tombstone of the customer's key to
   * the stage-change topic. A request for a customer the task does not hold (never known, or erased
   * before) changes nothing.
   */
  private Optional<DeadLetter> erase(Record<byte[], byte[]> record, Header header) {
    if (header.value() != null && header.value().length > 0) {
      return refusal(
          DeadLetter.Reason.MALFORMED,
          "the header " + ClmTopology.ERASURE_HEADER + " has a value of " + header.value().length
              + " bytes; an erasure request's header is empty");
    }
    if (record.value() != null && record.value().length > 0) {
      return refusal(
          DeadLetter.Reason.MALFORMED,
          "an erasure request has no value, this record with the header " + ClmTopology.ERASURE_HEADER + " has "
              + record.value().length + " bytes");
    }
    CustomerId id = customerOf(record.key());
    if (id == null) {
      return refusal(
          DeadLetter.Reason.INVALID,
          record.key() == null
              ? "an erasure request is keyed by the customer's id, this record has no key"
              : "erasure request key of " + record.key().length + " bytes is not a customer id in UTF-8");
    }
    if (topology.idMask.isEmpty()) {
      return refusal(
          DeadLetter.Reason.REFUSED,
          "erasure of customer " + id.masked() + " refused: the topology has no id mask, so a restarted task"
              + " could not honour the erasure; set ClmTopology.builder().idMask(CustomerIdMask.withKey(secret)),"
              + " the same secret on every instance");
    }
    Erasure receipt;
    try {
      receipt = engine.erase(id);
    } catch (UnknownCustomerException e) {
      counters.nothingToErase.increment();
      return Optional.empty();
    } catch (ClmException e) {
      rethrowStoreFailure(e);
      return refusal(DeadLetter.Reason.REFUSED, e.getMessage());
    }
    counters.erased.increment();
    LOG.info(
        "erased customer {} at {}, in stage {}; stage changes removed: {}",
        receipt.maskedId(),
        receipt.at(),
        receipt.stageAtErasure(),
        receipt.historyEntriesRemoved());
    context.forward(new Record<byte[], byte[]>(record.key(), null, record.timestamp()), ClmTopology.STAGE_CHANGE_SINK);
    return Optional.empty();
  }

  /** The customer id a key holds in UTF-8, or null when it holds none. */
  private static CustomerId customerOf(byte[] key) {
    if (key == null) {
      return null;
    }
    try {
      CustomerId id = new CustomerId(new String(key, StandardCharsets.UTF_8));
      // Bytes that are not UTF-8 decode to replacement characters: not the id the sender meant.
      return Arrays.equals(id.value().getBytes(StandardCharsets.UTF_8), key) ? id : null;
    } catch (ClmException e) {
      return null;
    }
  }

  /**
   * Lets Kafka Streams fail the task and roll back when the store failed, not the input: the engine
   * reports every failure of its store, whatever the store threw, as a {@link
   * CustomerStoreException}.
   */
  private static void rethrowStoreFailure(ClmException e) {
    if (e instanceof CustomerStoreException) {
      throw e;
    }
  }

  private static String describeKey(byte[] key) {
    if (key == null) {
      return "null";
    }
    CustomerId id = customerOf(key);
    return id != null ? id.masked() : "of " + key.length + " bytes that are not a customer id";
  }

  private static ClmException clmCause(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ClmException clm) {
        return clm;
      }
    }
    return null;
  }

  private static Optional<DeadLetter> refusal(DeadLetter.Reason reason, String message) {
    return Optional.of(new DeadLetter(reason, message, "", -1, -1));
  }

  private void deadLetter(Record<byte[], byte[]> record, DeadLetter reason) {
    Optional<RecordMetadata> source = context.recordMetadata();
    String topic = source.map(RecordMetadata::topic).orElse(topology.inputTopic);
    int partition = source.map(RecordMetadata::partition).orElse(-1);
    long offset = source.map(RecordMetadata::offset).orElse(-1L);
    DeadLetter letter = new DeadLetter(reason.reason(), reason.message(), topic, partition, offset);
    byte[] value = record.value();
    if (value != null && upperBoundSize(record.key(), value, record.headers().toArray(), letter) > maxRequestSize) {
      // The producer would refuse the dead letter and fail the task, which would meet the same
      // record again on every restart. The input topic still holds the value at this offset.
      letter =
          new DeadLetter(
              reason.reason(),
              reason.message() + "; the value of " + value.length + " bytes left out: with these headers the dead"
                  + " letter would exceed max.request.size " + maxRequestSize + ", read it from the input topic",
              topic,
              partition,
              offset);
      value = null;
    }
    RecordHeaders headers = new RecordHeaders(record.headers().toArray());
    letter.writeTo(headers);
    counters.deadLetter(letter.reason());
    context.forward(new Record<>(record.key(), value, record.timestamp(), headers), ClmTopology.DEAD_LETTER_SINK);
  }

  /**
   * The size the producer checks against its {@code max.request.size} before it sends this dead
   * letter: Kafka's own upper bound of a record batch holding only this record (the batch header,
   * the record's overhead at its widest, the key, the value and the headers, each with its length).
   * {@code AbstractRecords} is outside Kafka's documented API; it is the producer's own check, and a
   * Kafka version that moves it fails this module's build rather than its size checks.
   */
  private static int upperBoundSize(byte[] key, byte[] value, Header[] inputHeaders, DeadLetter letter) {
    RecordHeaders headers = new RecordHeaders(inputHeaders);
    letter.writeTo(headers);
    return AbstractRecords.estimateSizeInBytesUpperBound(
        RecordBatch.CURRENT_MAGIC_VALUE, CompressionType.NONE, key, value, headers.toArray());
  }

  /** The {@code max.request.size} of the application's producer, as Kafka Streams passes it on. */
  private static int maxRequestSize(Map<String, Object> configs) {
    Object size = configs.get(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG));
    if (size == null) {
      size = configs.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
    }
    return size == null
        ? DEFAULT_MAX_REQUEST_SIZE
        : (Integer) ConfigDef.parseType(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, size, ConfigDef.Type.INT);
  }

  private void forward(List<StageChange> changes, long timestamp) {
    for (StageChange change : changes) {
      context.forward(
          new Record<>(change.customer().value().getBytes(StandardCharsets.UTF_8), ClmJson.write(change), timestamp),
          ClmTopology.STAGE_CHANGE_SINK);
    }
    counters.stageChanges.add(changes.size());
  }

  /**
   * Wakes the customers due by now, and only those, and lets the engine evaluate them (unless
   * time-driven rules are off); then prunes the seen events older than the deduplication window,
   * if one is set.
   */
  void punctuate() {
    if (topology.punctuationInterval.isPresent()) {
      wakeDue();
    }
    if (topology.deduplicationWindow.isPresent()) {
      counters.seenEventsPruned.add(store.prune());
    }
  }

  private void wakeDue() {
    Instant now = clock.instant();
    long millis = now.toEpochMilli();
    counters.punctuations.increment();
    List<CustomerId> due = store.due(millis, topology.maxWokenPerPunctuation);
    counters.customersWoken.add(due.size());
    long until = millis;
    if (due.size() == topology.maxWokenPerPunctuation) {
      // More customers may be due: the engine evaluates those due up to the last one woken, earliest
      // first, and the rest wait for the next punctuation. The engine ignores an instant before one
      // it has passed, so it goes no further back than that.
      until = Math.max(Math.min(store.indexedAt(due.get(due.size() - 1)), millis), advancedTo);
    }
    advancedTo = until;
    forward(engine.advanceTo(Instant.ofEpochMilli(until)), millis);
    for (CustomerId id : due) {
      store.reschedule(id, engine.customer(id), engine.model(), until);
    }
  }

  @Override
  public void close() {
    if (punctuator != null) {
      punctuator.cancel();
    }
    engine = null;
    store = null;
  }
}
