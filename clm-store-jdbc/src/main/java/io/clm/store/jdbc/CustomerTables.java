package io.clm.store.jdbc;

import io.clm.api.CorruptRecordException;
import io.clm.api.CustomerId;
import io.clm.api.StoreFailure;
import io.clm.api.TextRules;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The customer store's SQL: one method per operation, each on one connection in one transaction. */
final class CustomerTables {
  /** Rows per round trip when streaming, and customers per page of a scan. */
  static final int PAGE = 1_000;

  private static final String SELECT_SEEN =
      "SELECT customer_key, event_count, events FROM clm_seen_batch";
  private static final String SELECT_HISTORY = "SELECT customer_key, sequence_no, change FROM clm_history";

  private final Transactions tx;
  private final Dialect dialect;

  CustomerTables(Transactions tx, Dialect dialect) {
    this.tx = tx;
    this.dialect = dialect;
  }

  Optional<StoredCustomer> load(CustomerId customer) {
    return read("load a customer", List.of(customer)).stream().findFirst();
  }

  /** Loads several customers, {@link #PAGE} at a time: three queries per page, its keys in an {@code IN} list. */
  List<StoredCustomer> loadAll(Collection<CustomerId> customers) {
    List<CustomerId> all = List.copyOf(customers);
    return read("load " + all.size() + " customers", all);
  }

  private List<StoredCustomer> read(String operation, List<CustomerId> all) {
    return tx.run(operation, c -> {
      List<StoredCustomer> found = new ArrayList<>(all.size());
      for (int from = 0; from < all.size(); from += PAGE) {
        List<CustomerId> page = all.subList(from, Math.min(all.size(), from + PAGE));
        String where = " WHERE customer_key IN (" + String.join(",", Collections.nCopies(page.size(), "?")) + ")";
        Keys keys = ps -> {
          for (int i = 0; i < page.size(); i++) {
            ps.setString(i + 1, page.get(i).value());
          }
        };
        List<CustomerRecord> records = new ArrayList<>(page.size());
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_key, due_at, record FROM clm_customer" + where)) {
          keys.bind(ps);
          readRecords(ps, records);
        }
        if (!records.isEmpty()) {
          found.addAll(withAppended(c, records, where, keys));
        }
      }
      return found;
    });
  }

  /**
   * Visits every customer a page at a time: a page of records in key order, then the seen events
   * and history of exactly that key range. Memory holds one page, never the population; the
   * database's own ordering of keys is used throughout, so no collation is assumed.
   */
  void scan(Consumer<StoredCustomer> action) {
    tx.run("scan the customers", c -> {
      String after = null;
      while (true) {
        List<CustomerRecord> page = new ArrayList<>(PAGE);
        String sql = "SELECT customer_key, due_at, record FROM clm_customer"
            + (after == null ? "" : " WHERE customer_key > ?") + " ORDER BY customer_key LIMIT " + PAGE;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          if (after != null) {
            ps.setString(1, after);
          }
          readRecords(ps, page);
        }
        if (page.isEmpty()) {
          return null;
        }
        String first = page.get(0).customer().value();
        String last = page.get(page.size() - 1).customer().value();
        withAppended(c, page, " WHERE customer_key >= ? AND customer_key <= ?", ps -> {
          ps.setString(1, first);
          ps.setString(2, last);
        }).forEach(action);
        if (page.size() < PAGE) {
          return null;
        }
        after = last;
      }
    });
  }

  /** Binds the keys of a {@code WHERE} clause. */
  @FunctionalInterface
  private interface Keys {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static void readRecords(PreparedStatement ps, List<CustomerRecord> into) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        into.add(new CustomerRecord(CustomerId.of(rs.getString(1)), rs.getLong(2), rs.getBytes(3)));
      }
    }
  }

  /**
   * The records with their seen events and history, read from both tables with the same {@code
   * where} clause, which must select at least the records' keys.
   */
  private static List<StoredCustomer> withAppended(Connection c, List<CustomerRecord> records, String where, Keys keys)
      throws SQLException {
    Map<String, List<SeenEvent>> seen = new HashMap<>();
    Map<String, List<HistoryEntry>> history = new HashMap<>();
    try (PreparedStatement ps = c.prepareStatement(SELECT_SEEN + where + " ORDER BY customer_key, seq")) {
      keys.bind(ps);
      readSeen(ps, seen);
    }
    try (PreparedStatement ps = c.prepareStatement(SELECT_HISTORY + where + " ORDER BY customer_key, sequence_no")) {
      keys.bind(ps);
      readHistory(ps, history);
    }
    List<StoredCustomer> stored = new ArrayList<>(records.size());
    for (CustomerRecord r : records) {
      String key = r.customer().value();
      stored.add(new StoredCustomer(r, seen.getOrDefault(key, List.of()), history.getOrDefault(key, List.of())));
    }
    return stored;
  }

  private static void readSeen(PreparedStatement ps, Map<String, List<SeenEvent>> into) throws SQLException {
    ps.setFetchSize(PAGE);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        SeenEvents.unpack(rs.getInt(2), rs.getBytes(3), into.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()));
      }
    }
  }

  private static void readHistory(PreparedStatement ps, Map<String, List<HistoryEntry>> into) throws SQLException {
    ps.setFetchSize(PAGE);
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        into.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new HistoryEntry(rs.getLong(2), rs.getBytes(3)));
      }
    }
  }

  void scanDue(long epochMillis, Consumer<CustomerId> action) {
    tx.run("find the due customers", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT customer_key FROM clm_customer WHERE due_at <= ?")) {
        ps.setFetchSize(PAGE);
        ps.setLong(1, epochMillis);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            action.accept(CustomerId.of(rs.getString(1)));
          }
        }
      }
      return null;
    });
  }

  List<Tombstone> tombstones() {
    return tx.run("read the tombstones", c -> {
      List<Tombstone> all = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT scheme, salt, fingerprint, stage FROM clm_tombstone ORDER BY ordinal")) {
        ps.setFetchSize(PAGE);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            all.add(new Tombstone(scheme(rs.getString(1)), rs.getLong(2), rs.getLong(3), rs.getString(4)));
          }
        }
      }
      return List.copyOf(all);
    });
  }

  Optional<String> position() {
    return tx.run("read the position", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT stream_position_utf16 FROM clm_position WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(FeedPosition.text(rs.getBytes(1))) : Optional.empty();
      }
    });
  }

  long count() {
    return tx.run("count the customers", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM clm_customer");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  void write(StoreBatch batch) {
    String operation = operation(batch);
    String problem = batch.position().map(FeedPosition::problem).orElse(null);
    if (problem != null) {
      throw new JdbcStoreException(tx.store(), operation, StoreFailure.REFUSED,
          problem + "; nothing of the batch was written", null);
    }
    tx.run(operation, c -> {
      if (batch.replaceAll()) {
        try (Statement s = c.createStatement()) {
          for (String table : List.of("clm_seen_batch", "clm_history", "clm_customer", "clm_tombstone")) {
            s.executeUpdate("DELETE FROM " + table);
          }
        }
      }
      List<StoreBatch.Write> writes = new ArrayList<>(batch.writes());
      writes.sort(Comparator.comparing(w -> w.record().customer().value()));
      List<CustomerId> erasures = new ArrayList<>(batch.erasures());
      erasures.sort(Comparator.comparing(CustomerId::value));
      lockInKeyOrder(c, writes, erasures);
      requireSequences(c, operation, writes, batch.replaceAll());
      append(c, writes);
      eraseAppended(c, erasures);
      if (!batch.tombstones().isEmpty()) {
        bury(c, batch.tombstones());
      }
      if (batch.position().isPresent()) {
        try (PreparedStatement ps = c.prepareStatement(dialect.upsertPosition)) {
          ps.setBytes(1, FeedPosition.bytes(batch.position().get()));
          ps.executeUpdate();
        }
      }
      return null;
    });
  }

  private static String operation(StoreBatch batch) {
    StringBuilder s = new StringBuilder("write a batch of ").append(batch.writes().size()).append(" customers");
    if (!batch.erasures().isEmpty()) {
      s.append(" and ").append(batch.erasures().size()).append(" erasures");
    }
    if (!batch.tombstones().isEmpty()) {
      s.append(" and ").append(batch.tombstones().size()).append(" tombstones");
    }
    if (batch.replaceAll()) {
      s.append(" replacing all");
    }
    return s.toString();
  }

  /**
   * Upserts the written customers' rows and deletes the erased ones', all in key order, so that
   * the batch takes its customer row locks in that order. Two transactions writing overlapping
   * customers then wait for each other at their first shared customer, never each for a row the
   * other holds: no deadlock, whatever order the batches gave their customers in. Every other row
   * of a customer (seen events, history) is touched only after its customer row is locked.
   */
  private void lockInKeyOrder(Connection c, List<StoreBatch.Write> writes, List<CustomerId> erasures)
      throws SQLException {
    int w = 0;
    int e = 0;
    while (w < writes.size() || e < erasures.size()) {
      int writesEnd = w;
      while (writesEnd < writes.size()
          && (e == erasures.size() || key(writes.get(writesEnd)).compareTo(erasures.get(e).value()) < 0)) {
        writesEnd++;
      }
      upsert(c, writes.subList(w, writesEnd));
      w = writesEnd;
      int erasuresEnd = e;
      while (erasuresEnd < erasures.size()
          && (w == writes.size() || erasures.get(erasuresEnd).value().compareTo(key(writes.get(w))) < 0)) {
        erasuresEnd++;
      }
      delete(c, "clm_customer", erasures.subList(e, erasuresEnd));
      e = erasuresEnd;
    }
  }

  private static String key(StoreBatch.Write w) {
    return w.record().customer().value();
  }

  private void upsert(Connection c, List<StoreBatch.Write> writes) throws SQLException {
    MultiRow.write(c, dialect.upsertCustomerHead, "(?, ?, ?)", dialect.upsertCustomerTail, writes, (ps, i, w) -> {
      ps.setString(i, key(w));
      ps.setLong(i + 1, w.record().dueAt());
      ps.setBytes(i + 2, w.record().state());
    });
  }

  /**
   * Refuses the batch unless each write's history entries continue its customer's stored sequence
   * (from 0 for a customer with none, or in a replacing batch): an entry that repeats a sequence or
   * skips one. A write whose entries start at 0 needs no reading: the primary key refuses it if the
   * customer holds entry 0. For the others the highest stored sequence is read, under the customers'
   * row locks, so no other write moves it meanwhile, and before anything is appended; the
   * transaction's rollback undoes the rows already locked.
   */
  private void requireSequences(Connection c, String operation, List<StoreBatch.Write> writes, boolean replaceAll)
      throws SQLException {
    List<String> continuing = new ArrayList<>();
    for (StoreBatch.Write w : writes) {
      if (!replaceAll && !w.history().isEmpty() && w.history().get(0).sequence() > 0) {
        continuing.add(key(w));
      }
    }
    Map<String, Long> next = nextSequences(c, continuing);
    for (StoreBatch.Write w : writes) {
      if (w.history().isEmpty()) {
        continue;
      }
      long n = w.history().get(0).sequence() > 0 ? next.getOrDefault(key(w), 0L) : 0;
      for (HistoryEntry h : w.history()) {
        if (h.sequence() != n) {
          throw new JdbcStoreException(tx.store(), operation, StoreFailure.REFUSED,
              "history entry " + h.sequence() + " of customer " + w.record().customer().masked()
                  + (h.sequence() < n ? " is held already" : " leaves a gap") + ": the next is " + n
                  + "; nothing of the batch was written",
              null);
        }
        n++;
      }
    }
  }

  /**
   * The next history sequence of each of these customers that holds history, {@value
   * MultiRow#CHUNK} keys per query, one statement for every full chunk.
   */
  private static Map<String, Long> nextSequences(Connection c, List<String> keys) throws SQLException {
    Map<String, Long> next = new HashMap<>();
    int full = keys.size() / MultiRow.CHUNK;
    if (full > 0) {
      try (PreparedStatement ps = c.prepareStatement(highestSequences(MultiRow.CHUNK))) {
        for (int k = 0; k < full; k++) {
          readNext(ps, keys.subList(k * MultiRow.CHUNK, (k + 1) * MultiRow.CHUNK), next);
        }
      }
    }
    List<String> rest = keys.subList(full * MultiRow.CHUNK, keys.size());
    if (!rest.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(highestSequences(rest.size()))) {
        readNext(ps, rest, next);
      }
    }
    return next;
  }

  private static String highestSequences(int keys) {
    return "SELECT customer_key, MAX(sequence_no) FROM clm_history WHERE customer_key IN ("
        + String.join(",", Collections.nCopies(keys, "?")) + ") GROUP BY customer_key";
  }

  private static void readNext(PreparedStatement ps, List<String> keys, Map<String, Long> into) throws SQLException {
    for (int i = 0; i < keys.size(); i++) {
      ps.setString(i + 1, keys.get(i));
    }
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        into.put(rs.getString(1), rs.getLong(2) + 1);
      }
    }
  }

  /** Appends the written customers' seen events and history entries, whose customer rows the transaction holds. */
  private static void append(Connection c, List<StoreBatch.Write> writes) throws SQLException {
    // One row for all of a write's seen events: appended, never rewritten.
    List<StoreBatch.Write> seen = new ArrayList<>(writes.size());
    List<HistoryRow> history = new ArrayList<>();
    for (StoreBatch.Write w : writes) {
      if (!w.seen().isEmpty()) {
        seen.add(w);
      }
      for (HistoryEntry h : w.history()) {
        history.add(new HistoryRow(key(w), h));
      }
    }
    MultiRow.write(c, "INSERT INTO clm_seen_batch (customer_key, event_count, events) VALUES ", "(?, ?, ?)", "", seen,
        (ps, i, w) -> {
          ps.setString(i, key(w));
          ps.setInt(i + 1, w.seen().size());
          ps.setBytes(i + 2, SeenEvents.pack(w.seen()));
        });
    MultiRow.write(c, "INSERT INTO clm_history (customer_key, sequence_no, change) VALUES ", "(?, ?, ?)", "", history,
        (ps, i, h) -> {
          ps.setString(i, h.customerKey());
          ps.setLong(i + 1, h.entry().sequence());
          ps.setBytes(i + 2, h.entry().change());
        });
  }

  /** A history entry with the customer it belongs to. */
  private record HistoryRow(String customerKey, HistoryEntry entry) {}

  /** Deletes the erased customers' seen events and history, whose customer rows the transaction has deleted. */
  private static void eraseAppended(Connection c, List<CustomerId> erasures) throws SQLException {
    delete(c, "clm_seen_batch", erasures);
    delete(c, "clm_history", erasures);
  }

  private static void delete(Connection c, String table, List<CustomerId> customers) throws SQLException {
    if (customers.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE customer_key = ?")) {
      for (CustomerId customer : customers) {
        ps.setString(1, customer.value());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void bury(Connection c, List<Tombstone> tombstones) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO clm_tombstone (scheme, salt, fingerprint, stage) VALUES (?, ?, ?, ?)")) {
      for (Tombstone t : tombstones) {
        ps.setString(1, t.scheme().name());
        ps.setLong(2, t.check());
        ps.setLong(3, t.fingerprint());
        ps.setString(4, t.stage());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static Tombstone.Scheme scheme(String name) {
    for (Tombstone.Scheme scheme : Tombstone.Scheme.values()) {
      if (scheme.name().equals(name)) {
        return scheme;
      }
    }
    throw new CorruptRecordException("clm_tombstone.scheme " + TextRules.excerpt(name) + " is not SALTED or KEYED");
  }
}
