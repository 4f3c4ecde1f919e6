package io.clm.kafka.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-customer store behind a query: it finds its customer only, lists it due from its due instant, and writes nothing. */
class ReadOnlyStoreTest {
  private static final CustomerId C1 = CustomerId.of("C-1");
  private static final StoredCustomer STORED = new StoredCustomer(new CustomerRecord(C1, 1_000, new byte[] {1}), List.of(), List.of());

  @Test
  void itLoadsItsOwnCustomerOnly() {
    ReadOnlyStore store = ReadOnlyStore.of(STORED);
    assertThat(store.load(C1)).contains(STORED);
    assertThat(store.load(CustomerId.of("C-2"))).isEmpty();
    assertThat(ReadOnlyStore.EMPTY.load(C1)).isEmpty();
  }

  @Test
  void itListsItsCustomerDueFromItsDueInstantOn() {
    ReadOnlyStore store = ReadOnlyStore.of(STORED);
    List<CustomerId> due = new ArrayList<>();
    store.scanDue(999, due::add);
    assertThat(due).isEmpty();
    store.scanDue(1_000, due::add);
    assertThat(due).containsExactly(C1);
    List<StoredCustomer> all = new ArrayList<>();
    store.scan(all::add);
    assertThat(all).containsExactly(STORED);
    assertThat(store.tombstones()).isEmpty();
    assertThat(store.position()).isEmpty();
  }

  @Test
  void itWritesNothing() {
    assertThatThrownBy(() -> ReadOnlyStore.of(STORED).write(StoreBatch.of(List.of())))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessage("a read-only store does not write");
  }
}
