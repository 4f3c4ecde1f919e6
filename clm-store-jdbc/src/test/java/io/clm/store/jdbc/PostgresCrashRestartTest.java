package io.clm.store.jdbc;

/** The crash test on PostgreSQL. */
class PostgresCrashRestartTest extends CrashRestartContract {
  @Override
  int batch() {
    return 3_000;
  }

  @Override
  long events() {
    return 60_000;
  }

  @Override
  String newDatabaseUrl() {
    return Databases.postgresDatabase();
  }
}
