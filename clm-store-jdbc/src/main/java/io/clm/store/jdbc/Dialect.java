package io.clm.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the store runs on, and the one statement that differs between them. */
enum Dialect {
  H2("MERGE INTO clm_customer (customer_key, due_at, record) KEY (customer_key) VALUES ", "",
      "MERGE INTO clm_position (id, stream_position_utf16) KEY (id) VALUES (1, ?)"),
  POSTGRESQL(
      "INSERT INTO clm_customer (customer_key, due_at, record) VALUES ",
      " ON CONFLICT (customer_key) DO UPDATE SET due_at = EXCLUDED.due_at, record = EXCLUDED.record",
      "INSERT INTO clm_position (id, stream_position_utf16) VALUES (1, ?)"
          + " ON CONFLICT (id) DO UPDATE SET stream_position_utf16 = EXCLUDED.stream_position_utf16");

  /** The customer upsert up to its {@code VALUES}, for {@link MultiRow}. */
  final String upsertCustomerHead;
  /** What follows the rows of the customer upsert. */
  final String upsertCustomerTail;
  final String upsertPosition;

  Dialect(String upsertCustomerHead, String upsertCustomerTail, String upsertPosition) {
    this.upsertCustomerHead = upsertCustomerHead;
    this.upsertCustomerTail = upsertCustomerTail;
    this.upsertPosition = upsertPosition;
  }

  /**
   * Makes a commit durable when it returns. H2 writes committed transactions to its file up to
   * half a second later by default, so a process killed in that window would lose writes the
   * store had acknowledged; {@code WRITE_DELAY 0} writes them at commit. PostgreSQL is durable at
   * commit unless its administrator turned that off.
   */
  void makeCommitsDurable(String store, javax.sql.DataSource source) {
    if (this != H2) {
      return;
    }
    try (Connection c = source.getConnection(); java.sql.Statement s = c.createStatement()) {
      s.execute("SET WRITE_DELAY 0");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw Failures.of(store, "make commits durable (SET WRITE_DELAY 0)", e);
    }
  }

  /** The dialect of a connection's database, or null if the store does not support it. */
  static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
    if (product.equals("h2")) {
      return H2;
    }
    if (product.equals("postgresql")) {
      return POSTGRESQL;
    }
    return null;
  }
}
