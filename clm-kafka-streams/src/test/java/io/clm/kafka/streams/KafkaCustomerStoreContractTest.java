package io.clm.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.StoreFailure;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.CustomerStoreException;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.StoreBatch;
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
import org.junit.jupiter.api.Test;
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

  /**
   * The refusal of a repeated history sequence names the customer masked and the sequence, and
   * leaves the stored stage change as it was.
   */
  @Test
  void aRepeatedHistorySequenceIsRefusedNamingTheMaskedCustomerAndTheSequence() {
    CustomerStore store = createStore();
    CustomerId id = CustomerId.of("C-4711");
    byte[] first = {1, 2, 3};
    store.write(StoreBatch.of(List.of(new StoreBatch.Write(
        new CustomerRecord(id, 10, new byte[] {9}), List.of(), List.of(new HistoryEntry(0, first), new HistoryEntry(1, first))))));
    assertThatThrownBy(() -> store.write(StoreBatch.of(List.of(new StoreBatch.Write(
            new CustomerRecord(id, 20, new byte[] {8}), List.of(), List.of(new HistoryEntry(1, new byte[] {4}), new HistoryEntry(2, new byte[] {5})))))))
        .isInstanceOfSatisfying(CustomerStoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreFailure.REFUSED))
        .hasMessage("history entry 1 of customer " + id.masked()
            + " is held already; a history sequence is appended once, so nothing of the batch was written")
        .hasMessageNotContaining("C-4711");
    assertThat(store.load(id).orElseThrow().history()).containsExactly(new HistoryEntry(0, first), new HistoryEntry(1, first));
    assertThat(store.load(id).orElseThrow().record().dueAt()).isEqualTo(10);
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
