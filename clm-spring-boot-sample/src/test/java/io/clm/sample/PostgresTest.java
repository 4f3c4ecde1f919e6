package io.clm.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.LifecycleEngine;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service on a real PostgreSQL server (the binaries the store module's tests use, started by
 * the test), as the postgres profile configures it: the store migrates its schema there and keeps
 * the customers.
 */
class PostgresTest {

  @Test
  void thePostgresProfileKeepsTheStateInPostgres() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        ConfigurableApplicationContext service = new SpringApplicationBuilder(SampleApplication.class)
            .web(WebApplicationType.NONE)
            .run(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--clm.scheduling.enabled=false")) {
      LifecycleEngine engine = service.getBean(LifecycleEngine.class);
      assertThat(engine.ingest(SampleEvents.firstTransaction()).changes()).hasSize(1);
      var health = service.getBean("clmStoreHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getDetails()).containsEntry("database", "PostgreSQL");
      try (var c = postgres.getPostgresDatabase().getConnection();
          var s = c.createStatement();
          var rows = s.executeQuery("SELECT COUNT(*) FROM clm_customer")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(1);
      }
    }
  }
}
