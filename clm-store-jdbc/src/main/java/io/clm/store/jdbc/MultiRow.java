package io.clm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Writes many rows with one statement per {@value #CHUNK} rows ({@code VALUES (...), (...), ...})
 * instead of one statement per row: both databases pay per statement (H2 starts and checks each
 * one; PostgreSQL parses, plans and answers each one), and a caller's own data source may not
 * rewrite batches itself.
 */
final class MultiRow {
  /** Rows per statement. */
  static final int CHUNK = 128;

  private MultiRow() {}

  /** Sets the parameters of one row, the first of them at a given index. */
  @FunctionalInterface
  interface Binder<T> {
    void bind(PreparedStatement ps, int first, T row) throws SQLException;
  }

  /**
   * Writes the rows: {@code head} ends with {@code VALUES}, {@code tuple} is one row's
   * parameters such as {@code (?, ?, ?)}, {@code tail} follows the rows (an upsert clause, or
   * nothing).
   */
  static <T> void write(Connection c, String head, String tuple, String tail, List<T> rows, Binder<T> binder)
      throws SQLException {
    int params = (int) tuple.chars().filter(ch -> ch == '?').count();
    int full = rows.size() / CHUNK;
    if (full > 0) {
      try (PreparedStatement ps = c.prepareStatement(sql(head, tuple, tail, CHUNK))) {
        for (int k = 0; k < full; k++) {
          bind(ps, params, rows.subList(k * CHUNK, (k + 1) * CHUNK), binder);
          ps.executeUpdate();
        }
      }
    }
    List<T> rest = rows.subList(full * CHUNK, rows.size());
    if (!rest.isEmpty()) {
      try (PreparedStatement ps = c.prepareStatement(sql(head, tuple, tail, rest.size()))) {
        bind(ps, params, rest, binder);
        ps.executeUpdate();
      }
    }
  }

  private static <T> void bind(PreparedStatement ps, int params, List<T> rows, Binder<T> binder) throws SQLException {
    for (int i = 0; i < rows.size(); i++) {
      binder.bind(ps, i * params + 1, rows.get(i));
    }
  }

  private static String sql(String head, String tuple, String tail, int rows) {
    StringBuilder s = new StringBuilder(head.length() + rows * (tuple.length() + 2) + tail.length()).append(head);
    for (int i = 0; i < rows; i++) {
      s.append(i == 0 ? "" : ", ").append(tuple);
    }
    return s.append(tail).toString();
  }
}
