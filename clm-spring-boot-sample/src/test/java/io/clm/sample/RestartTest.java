package io.clm.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.LifecycleEngine;
import io.clm.api.StageChange;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service stopped and started again over the same database: the application's own Flyway (which
 * Spring Boot runs because the store brings Flyway) and the store's migrations share the schema, and
 * the customers are still there.
 */
class RestartTest {
  private static final String DATABASE = "--spring.datasource.url=jdbc:h2:mem:clm-restart;DB_CLOSE_DELAY=-1";

  @Test
  void aSecondRunOverTheSameDatabaseFindsTheCustomers() {
    try (ConfigurableApplicationContext first = start()) {
      List<StageChange> changes = first.getBean(LifecycleEngine.class)
          .ingest(SampleEvents.firstTransaction())
          .changes();
      assertThat(changes).singleElement().extracting(StageChange::to).isEqualTo("development");
    }
    try (ConfigurableApplicationContext second = start()) {
      LifecycleEngine engine = second.getBean(LifecycleEngine.class);
      assertThat(engine.customer(SampleEvents.C_1001)).hasValueSatisfying(c -> assertThat(c.stage()).isEqualTo("development"));
      assertThat(engine.ingest(SampleEvents.firstTransaction()).duplicate()).isTrue();
    }
  }

  private static ConfigurableApplicationContext start() {
    return new SpringApplicationBuilder(SampleApplication.class)
        .web(WebApplicationType.NONE)
        .run(DATABASE, "--clm.scheduling.enabled=false");
  }
}
