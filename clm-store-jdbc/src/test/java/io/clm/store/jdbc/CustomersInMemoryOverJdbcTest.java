package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Clm;
import io.clm.api.CustomerIdMask;
import io.clm.api.LifecycleEngine;
import io.clm.api.StageChange;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine that keeps 64 of 300 customers in memory, over H2 and PostgreSQL, restarted from the
 * database every other batch: its stage changes, counts and final snapshot equal those of an engine
 * in memory fed the same batches and the same {@code advanceTo} calls without a restart.
 */
class CustomersInMemoryOverJdbcTest {
  private static final CustomerIdMask MASK = CustomerIdMask.withKey(key());

  private static byte[] key() {
    byte[] key = new byte[CustomerIdMask.MIN_KEY_BYTES];
    for (int i = 0; i < key.length; i++) {
      key[i] = (byte) (i + 1);
    }
    return key;
  }

  @TempDir Path dir;

  private static Clm.Builder builder() {
    return Clm.builder().model("banking-six-stage").currency("EUR").idMask(MASK);
  }

  @Test
  void onH2() {
    run(Databases.h2(dir));
  }

  @Test
  void onPostgresql() {
    run(Databases.postgresDatabase());
  }

  private static void run(String url) {
    FeedLog feed = new FeedLog(300);
    LifecycleEngine reference = builder().build();
    JdbcStore store = JdbcStore.builder().url(url).build();
    try {
      LifecycleEngine subject = builder().store(store).customersInMemory(64).build();
      int batch = 500;
      int timeMoves = 0;
      for (int b = 0; b < 12; b++) {
        List<io.clm.api.event.Event> events = feed.events((long) b * batch, (long) (b + 1) * batch);
        assertThat(subject.ingestAll(events)).isEqualTo(reference.ingestAll(events));
        if (b % 3 == 2) {
          // the feed is one event per second: 40 days after the batch's last event
          Instant to = Instant.ofEpochMilli(FeedLog.T0_MILLIS + (b + 1L) * batch * 1_000L).plus(Duration.ofDays(40 * (b + 1)));
          List<StageChange> expected = reference.advanceTo(to);
          assertThat(subject.advanceTo(to)).isEqualTo(expected);
          timeMoves += expected.size();
        }
        if (b % 2 == 1) {
          store.close();
          store = JdbcStore.builder().url(url).build();
          subject = builder().store(store).customersInMemory(64).build();
        }
        assertThat(subject.customerCount()).isEqualTo(reference.customerCount());
        assertThat(subject.stageCounts()).isEqualTo(reference.stageCounts());
      }
      assertThat(snapshot(subject)).isEqualTo(snapshot(reference));
      assertThat(timeMoves).isPositive();
    } finally {
      store.close();
    }
  }

  private static String snapshot(LifecycleEngine engine) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    engine.exportSnapshot(out);
    return out.toString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
