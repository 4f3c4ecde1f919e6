/**
 * Durable clm state on a relational database over JDBC: H2 in a file by default, PostgreSQL in
 * production. Start at {@link io.clm.store.jdbc.JdbcStore#builder()}.
 */
module io.clm.store.jdbc {
  requires transitive io.clm.api;
  requires transitive java.sql;
  requires flyway.core;
  requires com.zaxxer.hikari;
  requires io.clm.jackson;
  requires com.fasterxml.jackson.databind;
  requires com.fasterxml.jackson.core;
  requires org.slf4j;

  exports io.clm.store.jdbc;
}
