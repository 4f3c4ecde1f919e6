/**
 * Durable clm state on a relational database over JDBC.
 *
 * <p>{@link io.clm.store.jdbc.JdbcStore} is a {@link io.clm.api.spi.CustomerStore} that keeps
 * customer records, the events each customer has seen, stage history, tombstones of erased
 * customers and the position of the ingested feed in H2 (a file next to the application, the
 * default) or PostgreSQL 14 or newer. The schema ships in the jar as Flyway migrations and is
 * migrated when the store opens; a database whose schema is newer than the code is refused. Every
 * failure of the database is reported as a {@link io.clm.store.jdbc.JdbcStoreException} that
 * names the store and the operation.
 */
package io.clm.store.jdbc;
