package io.clm.store.jdbc;

/** The crash test on PostgreSQL. */
class PostgresCrashRestartTest extends CrashRestartContract {
  @Override
  int batch() {
    return 5_000;
  }

  @Override
  String newDatabaseUrl() {
    return Databases.postgresDatabase();
  }
}
