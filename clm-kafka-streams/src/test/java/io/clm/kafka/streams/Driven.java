package io.clm.kafka.streams;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * A topology under Kafka Streams' test driver, with its topics {@code events}, {@code changes} and
 * {@code dead-letters} as bytes, as the tests feed and read them.
 */
final class Driven implements AutoCloseable {
  final ClmTopology clm;
  final TopologyTestDriver driver;
  final TestInputTopic<byte[], byte[]> input;
  final TestOutputTopic<byte[], byte[]> changes;
  final TestOutputTopic<byte[], byte[]> deadLetters;

  Driven(ClmTopology.Builder builder, Clock clock, Path stateDir) {
    this(builder, clock, stateDir, new Properties());
  }

  /** As above, with {@code extra} added to the driver's properties. */
  Driven(ClmTopology.Builder builder, Clock clock, Path stateDir, Properties extra) {
    clm = builder.inputTopic("events").stageChangeTopic("changes").deadLetterTopic("dead-letters").clock(clock).build();
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "clm-test");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    p.putAll(extra);
    driver = new TopologyTestDriver(clm.topology(), ClmTopology.withDefaults(p), TestEvents.START);
    input = driver.createInputTopic("events", new ByteArraySerializer(), new ByteArraySerializer());
    changes = driver.createOutputTopic("changes", new ByteArrayDeserializer(), new ByteArrayDeserializer());
    deadLetters = driver.createOutputTopic("dead-letters", new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  /** A store over the driver's three stores, as a restarted engine would read them. */
  KafkaCustomerStore store() {
    return new KafkaCustomerStore(
        driver.getKeyValueStore(ClmTopology.CUSTOMERS_STORE),
        driver.getKeyValueStore(ClmTopology.APPENDED_STORE),
        driver.getKeyValueStore(ClmTopology.DUE_STORE));
  }

  @Override
  public void close() {
    driver.close();
  }
}
