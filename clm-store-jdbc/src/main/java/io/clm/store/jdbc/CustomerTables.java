package io.clm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** The customer store's SQL: one method per operation, each one connection and one transaction. */
final class CustomerTables {
  private static final String INGEST_STREAM = "ingest";
  private static final int FETCH_SIZE = 1_000;

  private final String store;
  private final DataSource dataSource;
  private final Dialect dialect;

  CustomerTables(String store, DataSource dataSource, Dialect dialect) {
    this.store = store;
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /** A unit of work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs a read on its own connection. */
  <T> T read(String operation, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      if (auto) {
        // PostgreSQL streams a result set only inside a transaction.
        c.setAutoCommit(false);
      }
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        rollbackQuietly(c, e);
        throw e;
      } finally {
        if (auto) {
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw Failures.of(store, operation, e);
    }
  }

  /** Runs a write in one transaction: committed whole, or rolled back and reported. */
  <T> T write(String operation, Work<T> work) {
    return read(operation, work);
  }

  private static void rollbackQuietly(Connection c, Exception failure) {
    try {
      c.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  Optional<CustomerRecordStore.Stored> load(String customerKey) {
    Keys.check(customerKey);
    return read("load a customer", c -> {
      CustomerRecordStore.Row row = null;
      try (PreparedStatement ps = c.prepareStatement("SELECT record, due_at FROM clm_customer WHERE customer_key = ?")) {
        ps.setString(1, customerKey);
        try (ResultSet rs = ps.executeQuery()) {
          if (rs.next()) {
            row = new CustomerRecordStore.Row(customerKey, rs.getBytes(1), due(rs, 2));
          }
        }
      }
      if (row == null) {
        return Optional.empty();
      }
      long[] seen = new long[16];
      int n = 0;
      try (PreparedStatement ps = c.prepareStatement("SELECT fingerprint FROM clm_seen_event WHERE customer_key = ?")) {
        ps.setString(1, customerKey);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            if (n == seen.length) {
              seen = java.util.Arrays.copyOf(seen, n * 2);
            }
            seen[n++] = rs.getLong(1);
          }
        }
      }
      return Optional.of(new CustomerRecordStore.Stored(row, java.util.Arrays.copyOf(seen, n)));
    });
  }

  void scan(Consumer<CustomerRecordStore.Row> action) {
    rows("scan the customers", "SELECT customer_key, record, due_at FROM clm_customer ORDER BY customer_key", null, action);
  }

  void forEachDue(Instant until, Consumer<CustomerRecordStore.Row> action) {
    long micros = Times.toMicros(until);
    rows("find the due customers",
        "SELECT customer_key, record, due_at FROM clm_customer WHERE due_at <= ? ORDER BY due_at, customer_key",
        micros, action);
  }

  private void rows(String operation, String sql, Long parameter, Consumer<CustomerRecordStore.Row> action) {
    read(operation, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setFetchSize(FETCH_SIZE);
        if (parameter != null) {
          ps.setLong(1, parameter);
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            action.accept(new CustomerRecordStore.Row(rs.getString(1), rs.getBytes(2), due(rs, 3)));
          }
        }
      }
      return null;
    });
  }

  long count() {
    return read("count the customers", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM clm_customer");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  List<byte[]> history(String customerKey) {
    Keys.check(customerKey);
    return read("read a customer's history", c -> {
      List<byte[]> entries = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement("SELECT entry FROM clm_history WHERE customer_key = ? ORDER BY entry_id")) {
        ps.setString(1, customerKey);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            entries.add(rs.getBytes(1));
          }
        }
      }
      return entries;
    });
  }

  void save(CustomerRecordStore.Batch batch) {
    String operation = "save a batch of " + batch.writes().size() + " customers";
    write(operation, c -> {
      try (PreparedStatement customers = c.prepareStatement(dialect.upsertCustomer);
          PreparedStatement seen = c.prepareStatement("INSERT INTO clm_seen_event (customer_key, fingerprint) VALUES (?, ?)");
          PreparedStatement history = c.prepareStatement("INSERT INTO clm_history (customer_key, entry) VALUES (?, ?)")) {
        int seenRows = 0;
        int historyRows = 0;
        for (CustomerRecordStore.Write w : batch.writes()) {
          CustomerRecordStore.Row row = w.row();
          customers.setString(1, row.customerKey());
          customers.setBytes(2, row.record());
          if (row.due().isPresent()) {
            customers.setLong(3, Times.toMicros(row.due().get()));
          } else {
            customers.setNull(3, Types.BIGINT);
          }
          customers.addBatch();
          for (long fp : w.newSeen()) {
            seen.setString(1, row.customerKey());
            seen.setLong(2, fp);
            seen.addBatch();
            seenRows++;
          }
          for (byte[] entry : w.newHistory()) {
            history.setString(1, row.customerKey());
            history.setBytes(2, entry);
            history.addBatch();
            historyRows++;
          }
        }
        if (!batch.writes().isEmpty()) {
          customers.executeBatch();
        }
        if (seenRows > 0) {
          seen.executeBatch();
        }
        if (historyRows > 0) {
          history.executeBatch();
        }
      }
      if (batch.position().isPresent()) {
        try (PreparedStatement ps = c.prepareStatement(dialect.upsertPosition)) {
          ps.setString(1, INGEST_STREAM);
          ps.setLong(2, batch.position().getAsLong());
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  OptionalLong position() {
    return read("read the stream position", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT stream_position FROM clm_stream_position WHERE stream = ?")) {
        ps.setString(1, INGEST_STREAM);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        }
      }
    });
  }

  int erase(String customerKey, CustomerRecordStore.ErasureMark mark) {
    Keys.check(customerKey);
    return write("erase a customer", c -> {
      int removed;
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM clm_history WHERE customer_key = ?")) {
        ps.setString(1, customerKey);
        removed = ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM clm_seen_event WHERE customer_key = ?")) {
        ps.setString(1, customerKey);
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM clm_customer WHERE customer_key = ?")) {
        ps.setString(1, customerKey);
        ps.executeUpdate();
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO clm_erasure (subject, stage, erased_at) VALUES (?, ?, ?)")) {
        ps.setLong(1, mark.subject());
        ps.setString(2, mark.stage());
        ps.setLong(3, Times.toMicros(mark.at()));
        ps.executeUpdate();
      }
      return removed;
    });
  }

  boolean isErased(long subject) {
    return read("look up an erasure", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM clm_erasure WHERE subject = ?")) {
        ps.setLong(1, subject);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  Map<String, Long> erasedPerStage() {
    return read("count the erasures", c -> {
      Map<String, Long> counts = new HashMap<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT stage, COUNT(*) FROM clm_erasure GROUP BY stage");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counts.put(rs.getString(1), rs.getLong(2));
        }
      }
      return Map.copyOf(counts);
    });
  }

  private static Optional<Instant> due(ResultSet rs, int column) throws SQLException {
    long micros = rs.getLong(column);
    return rs.wasNull() ? Optional.empty() : Optional.of(Times.fromMicros(micros));
  }
}
