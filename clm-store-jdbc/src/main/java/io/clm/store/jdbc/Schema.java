package io.clm.store.jdbc;

import io.clm.api.StoreFailure;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;

/**
 * The store's schema: Flyway migrations shipped in this jar, with their own history table so that
 * an application's own Flyway migrations in the same schema are not disturbed.
 */
final class Schema {
  /** Where the migrations are in the jar. */
  static final String LOCATION = "classpath:META-INF/clm-store-jdbc/migration";
  /** Flyway's history table for the store's migrations. */
  static final String HISTORY_TABLE = "clm_schema_history";

  private Schema() {}

  /**
   * Brings the schema to the latest version this code knows, or refuses a database whose schema
   * is newer or has a failed migration.
   */
  static void migrate(String store, DataSource dataSource, List<String> extraLocations) {
    List<String> locations = new ArrayList<>();
    locations.add(LOCATION);
    locations.addAll(extraLocations);
    Flyway flyway = Flyway.configure(Schema.class.getClassLoader())
        .dataSource(dataSource)
        .locations(locations.toArray(String[]::new))
        .table(HISTORY_TABLE)
        .javaMigrations(new SeenEventsMigration(), new PositionMigration())
        // A schema that already holds the application's own tables (and its own Flyway history)
        // gets the store's history table, marked at version 0, and then every migration.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .failOnMissingLocations(true)
        .load();
    try {
      refuseNewer(store, flyway.info().all());
      flyway.migrate();
    } catch (FlywayException e) {
      throw new JdbcStoreException(
          store, "migrate its schema", StoreFailure.SCHEMA,
          "migration failed, the schema was left at its last complete version: " + summary(e), e);
    }
  }

  /**
   * Flyway's first line (which script or step failed) and the SQLState of the database's exception,
   * if any. The rest of Flyway's message repeats the database's, which may quote stored values (a
   * customer key), and stays in the cause.
   */
  private static String summary(FlywayException e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf('\n');
    StringBuilder s = new StringBuilder(end < 0 ? message : message.substring(0, end));
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        s.append(" (SQLState ").append(sql.getSQLState()).append(", ").append(sql.getClass().getSimpleName()).append(')');
        break;
      }
    }
    return s.toString();
  }

  private static void refuseNewer(String store, MigrationInfo[] migrations) {
    String known = null;
    for (MigrationInfo m : migrations) {
      if (m.getState().isResolved() && m.getVersion() != null) {
        known = m.getVersion().getVersion();
      }
    }
    for (MigrationInfo m : migrations) {
      if (m.getState().isApplied() && m.getState().isFailed()) {
        throw new JdbcStoreException(
            store, "open its schema", StoreFailure.SCHEMA,
            "migration " + m.getVersion() + " (" + m.getDescription() + ") failed half-way on this database;"
                + " restore a backup, or undo what it created and delete its row from " + HISTORY_TABLE
                + ", before opening it",
            null);
      }
    }
    MigrationInfo newest = null;
    for (MigrationInfo m : migrations) {
      if (m.getState() == MigrationState.FUTURE_SUCCESS || m.getState() == MigrationState.FUTURE_FAILED) {
        newest = m;
      }
    }
    if (newest != null) {
      MigrationInfo m = newest;
      {
        throw new JdbcStoreException(
            store, "open its schema", StoreFailure.SCHEMA,
            "the database's schema is at version " + m.getVersion() + ", newer than version " + known
                + " that this clm-store-jdbc knows; open it with the clm version that wrote it or a later one",
            null);
      }
    }
  }
}
