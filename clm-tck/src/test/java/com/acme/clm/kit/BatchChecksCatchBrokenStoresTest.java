package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.acme.clm.kit.StoreContractCatchesBrokenStoresTest.DelegatingStore;
import io.clm.api.CustomerId;
import io.clm.api.StoreFailure;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.CustomerStoreException;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.StoreBatch;
import io.clm.tck.CustomerStoreContract;
import io.clm.tck.MemoryCustomerStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The store contract's checks of batches (positions, refusals, replacing batches) can fail: each
 * broken store below is caught by the check meant for it; and the reference store refuses as it
 * says.
 */
class BatchChecksCatchBrokenStoresTest {

  private static CustomerStoreContract contract(Supplier<CustomerStore> store) {
    return new CustomerStoreContract() {
      @Override
      protected CustomerStore createStore() {
        return store.get();
      }
    };
  }

  /** Keeps the position of the latest batch, also when that batch has none. */
  static final class LatestPositionStore extends DelegatingStore {
    private Optional<String> position = Optional.empty();

    @Override
    public synchronized void write(StoreBatch batch) {
      store.write(batch);
      position = batch.position();
    }

    @Override
    public synchronized Optional<String> position() {
      return position;
    }
  }

  @Test
  void aStoreThatForgetsThePositionOnABatchWithoutOneIsCaught() {
    assertThatThrownBy(contract(LatestPositionStore::new)::aPositionIsStoredWithItsBatch)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("position after a batch without one");
  }

  /** Writes a batch's tombstones first, in a transaction of their own, then the rest. */
  static final class TombstonesFirstStore extends DelegatingStore {
    @Override
    public synchronized void write(StoreBatch batch) {
      if (batch.replaceAll()) {
        store.write(batch);
        return;
      }
      store.write(new StoreBatch(List.of(), List.of(), batch.tombstones(), Optional.empty(), false));
      store.write(new StoreBatch(batch.writes(), batch.erasures(), List.of(), batch.position(), false));
    }
  }

  @Test
  void aStoreThatKeepsTheTombstonesOfARefusedBatchIsCaught() {
    assertThatThrownBy(contract(TombstonesFirstStore::new)::aRefusedBatchStoresNoneOfIt)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the tombstones of a refused batch");
  }

  /** Numbers the history of a replacing batch itself, from 0, instead of checking it. */
  static final class RenumberingImportStore extends DelegatingStore {
    @Override
    public synchronized void write(StoreBatch batch) {
      if (!batch.replaceAll()) {
        store.write(batch);
        return;
      }
      List<StoreBatch.Write> writes = new ArrayList<>();
      for (StoreBatch.Write w : batch.writes()) {
        List<HistoryEntry> history = new ArrayList<>();
        for (HistoryEntry h : w.history()) {
          history.add(new HistoryEntry(history.size(), h.change()));
        }
        writes.add(new StoreBatch.Write(w.record(), w.seen(), history));
      }
      store.write(new StoreBatch(writes, batch.erasures(), batch.tombstones(), batch.position(), true));
    }
  }

  @Test
  void aStoreThatDoesNotCheckTheHistoryOfAReplacingBatchIsCaught() {
    assertThatThrownBy(contract(RenumberingImportStore::new)::aSkippedHistorySequenceIsRefused)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("what writing a replacing batch whose customer's history starts at 1 throws");
  }

  /** Writes a replacing batch as any other: what it does not carry stays. */
  static final class AppendingImportStore extends DelegatingStore {
    @Override
    public synchronized void write(StoreBatch batch) {
      store.write(new StoreBatch(batch.writes(), batch.erasures(), batch.tombstones(), batch.position(), false));
    }
  }

  @Test
  void aStoreThatKeepsWhatAReplacingBatchDoesNotCarryIsCaught() {
    assertThatThrownBy(contract(AppendingImportStore::new)::replaceAllReplacesEverything).isInstanceOf(AssertionError.class);
  }

  private static StoreBatch.Write write(String id, long... sequences) {
    List<HistoryEntry> history = new ArrayList<>();
    for (long s : sequences) {
      history.add(new HistoryEntry(s, ("h" + s).getBytes(StandardCharsets.UTF_8)));
    }
    return new StoreBatch.Write(new CustomerRecord(CustomerId.of(id), 1, new byte[] {1}), List.of(), history);
  }

  @Test
  void theReferenceStoreSaysWhetherAnEntryIsHeldOrLeavesAGapAndCountsItsBatches() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    store.write(StoreBatch.of(List.of(write("C-1", 0, 1), write("C-2"))));
    Throwable held = catchThrowable(() -> store.write(StoreBatch.of(List.of(write("C-1", 1)))));
    assertThat(held).isInstanceOf(CustomerStoreException.class)
        .hasMessageContaining("history entry 1 of customer #")
        .hasMessageEndingWith(" is held already: the next is 2")
        .hasMessageNotContaining("C-1");
    assertThat(((CustomerStoreException) held).kind()).isEqualTo(StoreFailure.REFUSED);
    assertThat(catchThrowable(() -> store.write(StoreBatch.of(List.of(write("C-1", 3))))))
        .isInstanceOf(CustomerStoreException.class)
        .hasMessageEndingWith(" leaves a gap: the next is 2");
    // the refused batches are not counted
    assertThat(store.batches()).isEqualTo(1);
    assertThat(store.size()).isEqualTo(2);
    store.write(StoreBatch.of(List.of(write("C-1", 2), write("C-3", 0))));
    assertThat(store.batches()).isEqualTo(2);
    assertThat(store.size()).isEqualTo(3);
    assertThat(store.toString()).isEqualTo("MemoryCustomerStore[3 customers, 0 tombstones]");
  }
}
