package io.clm.kafka.streams;

import io.clm.api.spi.CustomerStore;
import io.clm.tck.CustomerStoreContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The store over a task's RocksDB stores passes clm's store contract. */
class KafkaCustomerStoreContractTest extends CustomerStoreContract {
  @TempDir Path dir;
  private final List<TopologyTestDriver> drivers = new ArrayList<>();

  @Override
  protected CustomerStore createStore() {
    Topology topology = new Topology();
    topology.addSource("in", new org.apache.kafka.common.serialization.ByteArrayDeserializer(), new org.apache.kafka.common.serialization.ByteArrayDeserializer(), "in");
    topology.addProcessor("p", NoOp::new, "in");
    for (String name : List.of(ClmTopology.CUSTOMERS_STORE, ClmTopology.APPENDED_STORE, ClmTopology.DUE_STORE)) {
      topology.addStateStore(
          Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(name), Serdes.Bytes(), Serdes.ByteArray())
              .withCachingEnabled(),
          "p");
    }
    Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "contract");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try {
      p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory(dir, "state").toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    TopologyTestDriver driver = new TopologyTestDriver(topology, p);
    drivers.add(driver);
    return new KafkaCustomerStore(
        driver.getKeyValueStore(ClmTopology.CUSTOMERS_STORE),
        driver.getKeyValueStore(ClmTopology.APPENDED_STORE),
        driver.getKeyValueStore(ClmTopology.DUE_STORE));
  }

  @AfterEach
  void closeDrivers() {
    drivers.forEach(TopologyTestDriver::close);
  }

  /** The stores need a processor to belong to; this one does nothing. */
  private static final class NoOp implements Processor<Object, Object, Object, Object> {
    @Override
    public void process(Record<Object, Object> record) {}
  }
}
