package io.clm.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 6: the feed position moves from {@code clm_position.stream_position}, text of at
 * most 4096 characters, to {@code stream_position_utf16}, its UTF-16 code units as bytes (see
 * {@link FeedPosition}), and the old column is dropped. Written in Java because turning text into
 * those bytes has no SQL common to H2 and PostgreSQL. Flyway runs it in one transaction on
 * PostgreSQL; H2 commits each {@code ALTER TABLE} at once.
 */
final class PositionMigration extends JavaSchemaStep {
  PositionMigration() {
    super(6, "store the feed position as UTF-16 bytes");
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    Map<Integer, String> positions = new LinkedHashMap<>();
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE clm_position ADD COLUMN stream_position_utf16 BYTEA");
      try (ResultSet rs = s.executeQuery("SELECT id, stream_position FROM clm_position")) {
        while (rs.next()) {
          positions.put(rs.getInt(1), rs.getString(2));
        }
      }
    }
    try (PreparedStatement ps = c.prepareStatement("UPDATE clm_position SET stream_position_utf16 = ? WHERE id = ?")) {
      for (Map.Entry<Integer, String> p : positions.entrySet()) {
        ps.setBytes(1, FeedPosition.bytes(p.getValue()));
        ps.setInt(2, p.getKey());
        ps.executeUpdate();
      }
    }
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE clm_position ALTER COLUMN stream_position_utf16 SET NOT NULL");
      s.execute("ALTER TABLE clm_position DROP COLUMN stream_position");
    }
  }
}
