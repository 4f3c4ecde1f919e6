package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.ClmException;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine writing through the JDBC store, on H2: what the database refuses, memory does not keep. */
class EngineOverJdbcStoreTest {
  @TempDir Path dir;

  static Transaction credit(String id, CustomerId customer, String at) {
    return new Transaction(id, customer, Instant.parse(at), Direction.CREDIT, Money.of("2500.00", "EUR"),
        ProductType.CURRENT_ACCOUNT, Channel.MOBILE);
  }

  @Test
  void aWriteTheDatabaseRefusesFailsTheEventAndLeavesTheEngineAsItWas() throws SQLException {
    try (JdbcStore store = JdbcStore.builder().url(Databases.h2(dir)).build()) {
      LifecycleEngine engine = Clm.builder().model("banking-six-stage").currency("EUR").store(store).build();
      CustomerId customer = CustomerId.of("C-1001");
      engine.ingest(credit("posting-1", customer, "2026-01-05T10:00:00Z"));
      Customer before = engine.customer(customer).orElseThrow();
      assertThat(store.load(customer)).isPresent();

      try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
        // The database now refuses any further seen events (NOCHECK: the stored row stays).
        s.execute("ALTER TABLE clm_seen_batch ADD CONSTRAINT clm_no_more CHECK (event_count < 0) NOCHECK");
        c.commit();
      }

      assertThatThrownBy(() -> engine.ingest(credit("posting-2", customer, "2026-01-06T10:00:00Z")))
          .isInstanceOf(ClmException.class)
          .hasRootCauseInstanceOf(SQLException.class)
          .satisfies(e -> {
            Throwable failure = e;
            while (failure != null && !(failure instanceof JdbcStoreException)) {
              failure = failure.getCause();
            }
            assertThat(failure).isInstanceOf(JdbcStoreException.class)
                .hasMessageContaining("could not write a batch of 1 customers: the database refused it");
          });

      assertThat(engine.customer(customer)).contains(before);
      assertThat(store.load(customer).orElseThrow().seen()).hasSize(1);
    }
  }
}
