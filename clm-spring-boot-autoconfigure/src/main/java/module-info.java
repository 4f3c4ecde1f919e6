/**
 * Spring Boot auto-configuration for clm. Spring reads its classes by reflection, so the package is
 * open; the parts for the complaint desk, the JDBC store, Jackson and Actuator are switched on only
 * when the application has those modules.
 */
open module io.clm.spring.boot.autoconfigure {
  requires transitive io.clm.api;
  requires java.sql;
  requires spring.beans;
  requires spring.boot;
  requires spring.boot.autoconfigure;
  requires spring.context;
  requires spring.core;
  requires micrometer.core;
  requires micrometer.observation;
  requires static io.clm.complaints;
  requires static io.clm.jackson;
  requires static io.clm.store.jdbc;
  requires static spring.boot.actuator;

  exports io.clm.spring.boot.autoconfigure;
}
