package io.clm.store.jdbc;

import static io.clm.store.jdbc.StoreContract.batch;
import static io.clm.store.jdbc.StoreContract.id;
import static io.clm.store.jdbc.StoreContract.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CorruptRecordException;
import io.clm.api.spi.SeenEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows changed behind the store's back into something it never writes are reported as corrupt,
 * naming the column and what is wrong, instead of being read as some other value.
 */
class CorruptRowsTest {
  @TempDir Path dir;
  private JdbcStore store;

  @BeforeEach
  void open() {
    store = JdbcStore.builder().url(Databases.h2(dir)).maximumPoolSize(2).build();
  }

  @AfterEach
  void close() {
    store.close();
  }

  private void sql(String... statements) throws SQLException {
    try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
      for (String statement : statements) {
        s.execute(statement);
      }
      c.commit();
    }
  }

  @Test
  void aPositionOfAnOddNumberOfBytesIsCorrupt() throws SQLException {
    store.write(batch(Optional.of("p1"), write("C-1", 1, "a", List.of())));
    sql("UPDATE clm_position SET stream_position_utf16 = X'007000' WHERE id = 1");

    assertThatThrownBy(store::position)
        .isInstanceOf(CorruptRecordException.class)
        .hasMessage("clm_position.stream_position_utf16 has an odd number of bytes, 3");
  }

  @Test
  void anEmptyStoredPositionIsTheEmptyPosition() throws SQLException {
    store.write(batch(Optional.of(""), write("C-1", 1, "a", List.of())));
    assertThat(store.position()).contains("");
    sql("UPDATE clm_position SET stream_position_utf16 = X'0070D83DDE00' WHERE id = 1");
    assertThat(store.position()).contains("p\uD83D\uDE00");
  }

  @Test
  void seenEventsWhoseBytesDoNotMatchTheirCountAreCorrupt() throws SQLException {
    store.write(batch(Optional.empty(), write("C-1", 1, "a", List.of(new SeenEvent(1, 2, 3), new SeenEvent(4, 5, 6)))));
    sql("ALTER TABLE clm_seen_batch DROP CONSTRAINT clm_seen_batch_size");

    for (String counted : List.of("event_count = 1", "event_count = 3", "event_count = 0", "event_count = -2",
        "events = X'00'", "event_count = 0, events = X''")) {
      sql("UPDATE clm_seen_batch SET event_count = 2, events = X'"
          + "000000000000000100000000000000020000000000000003"
          + "000000000000000400000000000000050000000000000006'",
          "UPDATE clm_seen_batch SET " + counted);
      assertThatThrownBy(() -> store.load(id("C-1")))
          .as(counted)
          .isInstanceOf(CorruptRecordException.class)
          .hasMessageStartingWith("clm_seen_batch row of a customer holds ")
          .hasMessageEndingWith(" seen events; expected 24 bytes per event");
    }
    sql("UPDATE clm_seen_batch SET event_count = 1, events = X'000000000000000700000000000000080000000000000009'");
    assertThat(store.load(id("C-1")).orElseThrow().seen()).containsExactly(new SeenEvent(7, 8, 9));
    sql("UPDATE clm_seen_batch SET event_count = 3");
    assertThatThrownBy(() -> store.load(id("C-1")))
        .isInstanceOf(CorruptRecordException.class)
        .hasMessage("clm_seen_batch row of a customer holds 24 bytes for 3 seen events; expected 24 bytes per event");
  }

  @Test
  void aTombstoneOfAnUnknownSchemeIsCorrupt() throws SQLException {
    sql("INSERT INTO clm_tombstone (scheme, salt, fingerprint, stage) VALUES ('KEYED', 1, 2, 'growth')",
        "INSERT INTO clm_tombstone (scheme, salt, fingerprint, stage) VALUES ('keyed', 3, 4, 'growth')");

    assertThatThrownBy(store::tombstones)
        .isInstanceOf(CorruptRecordException.class)
        .hasMessage("clm_tombstone.scheme 'keyed' is not SALTED or KEYED");
  }
}
