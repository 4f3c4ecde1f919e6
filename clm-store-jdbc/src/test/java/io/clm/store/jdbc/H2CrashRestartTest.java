package io.clm.store.jdbc;

/** The crash test on H2 in a file. */
class H2CrashRestartTest extends CrashRestartContract {
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
    return Databases.h2(dir);
  }
}
