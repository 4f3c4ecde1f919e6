package io.clm.store.jdbc;

import static io.clm.store.jdbc.StoreContract.entry;
import static io.clm.store.jdbc.StoreContract.id;
import static io.clm.store.jdbc.StoreContract.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batches and reads of as many customers as fit one statement or one page, one more and one
 * fewer: the store writes {@value MultiRow#CHUNK} rows per statement and reads {@value
 * CustomerTables#PAGE} customers per page, and no row is lost or repeated at either boundary.
 */
class BatchBoundariesTest {
  private static final int[] SIZES = {1, MultiRow.CHUNK - 1, MultiRow.CHUNK, MultiRow.CHUNK + 1, 2 * MultiRow.CHUNK,
      2 * MultiRow.CHUNK + 1};

  @TempDir Path dir;

  private static String key(int size, int i) {
    return String.format("C-%03d-%03d", size, i);
  }

  @Test
  void everyCustomerOfABatchAroundTheRowsOfOneStatementIsStoredWithItsEventsAndHistory() {
    try (JdbcStore store = JdbcStore.builder().url(Databases.h2(dir)).maximumPoolSize(2).build()) {
      long stored = 0;
      for (int size : SIZES) {
        List<StoreBatch.Write> first = new ArrayList<>();
        List<StoreBatch.Write> second = new ArrayList<>();
        List<CustomerId> keys = new ArrayList<>();
        for (int i = 0; i < size; i++) {
          first.add(write(key(size, i), i, "a" + i, List.of(new SeenEvent(i + 1, size, 1)), entry(0, "h0-" + i)));
          // The second batch continues every customer's history: the store reads where each one stands.
          second.add(write(key(size, i), i + 1, "b" + i, List.of(new SeenEvent(i + 1, size, 2), new SeenEvent(i + 1, size, 3)),
              entry(1, "h1-" + i), entry(2, "h2-" + i)));
          keys.add(id(key(size, i)));
        }
        store.write(StoreBatch.of(first));
        store.write(StoreBatch.of(second));
        stored += size;

        List<StoredCustomer> loaded = store.loadAll(keys);
        assertThat(loaded).as("%s customers", size).hasSize(size);
        for (StoredCustomer c : loaded) {
          int i = Integer.parseInt(c.record().customer().value().substring(6));
          assertThat(c.record().dueAt()).isEqualTo(i + 1);
          assertThat(c.record().state()).isEqualTo(("b" + i).getBytes(StandardCharsets.UTF_8));
          assertThat(c.seen()).containsExactly(new SeenEvent(i + 1, size, 1), new SeenEvent(i + 1, size, 2), new SeenEvent(i + 1, size, 3));
          assertThat(c.history()).containsExactly(entry(0, "h0-" + i), entry(1, "h1-" + i), entry(2, "h2-" + i));
        }
        assertThat(store.count()).isEqualTo(stored);
      }
    }
  }

  @Test
  void aRepeatedEntryOfTheLastCustomerOfABatchLongerThanOneStatementIsRefused() {
    try (JdbcStore store = JdbcStore.builder().url(Databases.h2(dir)).maximumPoolSize(2).build()) {
      int size = 2 * MultiRow.CHUNK + 1;
      List<StoreBatch.Write> first = new ArrayList<>();
      List<StoreBatch.Write> second = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        first.add(write(key(size, i), 1, "a", List.of(), entry(0, "h0"), entry(1, "h1")));
        second.add(write(key(size, i), 2, "b", List.of(), i == size - 1 ? entry(1, "again") : entry(2, "h2")));
      }
      store.write(StoreBatch.of(first));

      assertThatThrownBy(() -> store.write(StoreBatch.of(second)))
          .isInstanceOf(JdbcStoreException.class)
          .hasMessage("store " + store.id() + " could not write a batch of " + size + " customers: history entry 1 of"
              + " customer " + id(key(size, size - 1)).masked() + " is held already: the next is 2; nothing of the"
              + " batch was written");
      assertThat(store.load(id(key(size, 0))).orElseThrow().history()).hasSize(2);
    }
  }

  @Test
  void loadingMoreCustomersThanOnePageFindsEachStoredOneOnce() {
    try (JdbcStore store = JdbcStore.builder().url(Databases.h2(dir)).maximumPoolSize(2).build()) {
      int page = CustomerTables.PAGE;
      List<StoreBatch.Write> writes = new ArrayList<>();
      List<CustomerId> asked = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      // every other key of two pages and one more is stored; the last key of each page is stored
      for (int i = 0; i < 2 * page + 1; i++) {
        String key = String.format("C-%05d", i);
        asked.add(id(key));
        if (i % 2 == 1 || i == page - 1 || i == 2 * page - 1 || i == 2 * page) {
          writes.add(write(key, i, "s", List.of(new SeenEvent(i + 1, 0, 0)), entry(0, "h" + i)));
          expected.add(key);
        }
      }
      store.write(StoreBatch.of(writes));

      List<StoredCustomer> loaded = store.loadAll(asked);
      assertThat(loaded).extracting(c -> c.record().customer().value()).containsExactlyInAnyOrderElementsOf(expected);
      for (StoredCustomer c : loaded) {
        int i = Integer.parseInt(c.record().customer().value().substring(2));
        assertThat(c.seen()).containsExactly(new SeenEvent(i + 1, 0, 0));
        assertThat(c.history()).containsExactly(entry(0, "h" + i));
      }
      assertThat(store.loadAll(List.of())).isEmpty();
    }
  }

  @Test
  void aScanOfExactlyOnePageOfCustomersVisitsEachOnce() {
    try (JdbcStore store = JdbcStore.builder().url(Databases.h2(dir)).maximumPoolSize(2).build()) {
      List<String> keys = new ArrayList<>();
      List<StoreBatch.Write> writes = new ArrayList<>();
      for (int i = 0; i < CustomerTables.PAGE; i++) {
        keys.add(String.format("C-%05d", i));
        writes.add(write(keys.get(i), i, "s", List.of()));
      }
      store.write(StoreBatch.of(writes));

      List<String> visited = new ArrayList<>();
      store.scan(c -> visited.add(c.record().customer().value()));
      assertThat(visited).containsExactlyElementsOf(keys);
    }
  }

  @Test
  void writesAndErasuresInterleavedInKeyOrderEachTakeEffect() {
    try (JdbcStore store = JdbcStore.builder().url(Databases.h2(dir)).maximumPoolSize(2).build()) {
      List<StoreBatch.Write> all = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        all.add(write("C-" + i, 1, "a", List.of(new SeenEvent(i + 1, 0, 0)), entry(0, "h")));
      }
      store.write(StoreBatch.of(all));

      // erase C-0, C-3, C-4, C-8 and C-9; rewrite C-1, C-2, C-5 and C-7, given out of order
      List<StoreBatch.Write> rewrites = List.of(write("C-7", 2, "b", List.of()), write("C-1", 2, "b", List.of()),
          write("C-5", 2, "b", List.of()), write("C-2", 2, "b", List.of()));
      List<CustomerId> erased = List.of(id("C-9"), id("C-3"), id("C-0"), id("C-8"), id("C-4"));
      store.write(new StoreBatch(rewrites, erased, List.of(), Optional.of("p"), false));

      List<String> left = new ArrayList<>();
      store.scan(c -> left.add(c.record().customer().value() + "=" + c.record().dueAt() + "/" + c.seen().size()));
      assertThat(left).containsExactly("C-1=2/1", "C-2=2/1", "C-5=2/1", "C-6=1/1", "C-7=2/1");
    }
  }
}
