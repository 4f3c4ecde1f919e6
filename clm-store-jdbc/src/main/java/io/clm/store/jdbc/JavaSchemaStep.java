package io.clm.store.jdbc;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema version written in Java, for a change that has no SQL common to H2 and PostgreSQL: its
 * version number, which is also its checksum (the step's code never changes once released), and
 * its description. Flyway runs it in one transaction where the database allows.
 */
abstract class JavaSchemaStep implements JavaMigration {
  private final int version;
  private final String description;

  JavaSchemaStep(int version, String description) {
    this.version = version;
    this.description = description;
  }

  @Override
  public final MigrationVersion getVersion() {
    return MigrationVersion.fromVersion(Integer.toString(version));
  }

  @Override
  public final String getDescription() {
    return description;
  }

  @Override
  public final Integer getChecksum() {
    return version;
  }

  @Override
  public final boolean canExecuteInTransaction() {
    return true;
  }
}
