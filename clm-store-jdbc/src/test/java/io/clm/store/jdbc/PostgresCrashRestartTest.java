package io.clm.store.jdbc;

/** The crash test on PostgreSQL. */
class PostgresCrashRestartTest extends CrashRestartContract {
  @Override
  int batch() {
    return 50_000;
  }

  @Override
  long events() {
    return 1_000_000;
  }

  @Override
  String newDatabaseUrl() {
    return Databases.postgresDatabase();
  }
}
