package io.clm.kafka.streams;

import static io.clm.kafka.streams.TestEvents.START;
import static io.clm.kafka.streams.TestEvents.json;
import static io.clm.kafka.streams.TestEvents.key;
import static io.clm.kafka.streams.TestEvents.transaction;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.StoreFailure;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.CustomerStoreException;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write the task's store refuses fails the task, so that Kafka Streams rolls it back, instead of
 * sending the event to the dead letters as if the input were at fault.
 */
class StoreFailureTest {
  @TempDir Path stateDir;

  @Test
  void aWriteTheStoreRefusesFailsTheTaskAndWritesNoDeadLetter() {
    ClmTopology.Builder builder =
        ClmTopology.builder().engine(e -> e.model("banking-six-stage").currency("EUR")).withoutPunctuation();
    try (Driven driven = new Driven(builder, new TestEvents.MovableClock(START.plus(Duration.ofDays(400))), stateDir)) {
      // A record of a customer the task's engine did not read at its start, counting one history
      // entry: the engine appends its first stage change under sequence 0, which the store holds.
      CustomerId stray = CustomerId.of("C-2");
      KeyValueStore<Bytes, byte[]> customers = driven.driver.getKeyValueStore(ClmTopology.CUSTOMERS_STORE);
      customers.put(
          StoreLayout.customerKey(stray),
          StoreLayout.customerValue(Long.MAX_VALUE, new CustomerRecord(stray, Long.MAX_VALUE, new byte[] {1}), 0, 1));

      assertThatThrownBy(() -> driven.input.pipeInput(key("C-2"), json(transaction("p-1", "C-2", START, "2500.00"))))
          .hasRootCauseInstanceOf(CustomerStoreException.class)
          .rootCause()
          .satisfies(e -> assertThat(((CustomerStoreException) e).kind()).isEqualTo(StoreFailure.REFUSED))
          .hasMessageContaining("history entry 0 of customer " + stray.masked() + " is held already");
      assertThat(driven.deadLetters.isEmpty()).as("no dead letter for an event the store refused").isTrue();
      assertThat(driven.changes.isEmpty()).as("no stage change of a write the store refused").isTrue();
    }
  }
}
