package io.clm.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases the store runs on, and the one statement that differs between them. */
enum Dialect {
  H2("MERGE INTO clm_customer (customer_key, due_at, record) KEY (customer_key) VALUES (?, ?, ?)",
      "MERGE INTO clm_position (id, stream_position) KEY (id) VALUES (1, ?)"),
  POSTGRESQL(
      "INSERT INTO clm_customer (customer_key, due_at, record) VALUES (?, ?, ?)"
          + " ON CONFLICT (customer_key) DO UPDATE SET due_at = EXCLUDED.due_at, record = EXCLUDED.record",
      "INSERT INTO clm_position (id, stream_position) VALUES (1, ?)"
          + " ON CONFLICT (id) DO UPDATE SET stream_position = EXCLUDED.stream_position");

  final String upsertCustomer;
  final String upsertPosition;

  Dialect(String upsertCustomer, String upsertPosition) {
    this.upsertCustomer = upsertCustomer;
    this.upsertPosition = upsertPosition;
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
