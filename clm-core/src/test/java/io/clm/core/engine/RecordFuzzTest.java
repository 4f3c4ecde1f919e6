package io.clm.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clm.api.CorruptRecordException;
import io.clm.api.CustomerId;
import io.clm.api.SnapshotException;
import io.clm.api.StageChange;
import java.io.ByteArrayInputStream;
import java.util.regex.Pattern;

/**
 * Fuzz tests of what the engine reads back: stored binary customer records and history entries,
 * and JSON snapshots. In the ordinary test run each runs on its seeds and past findings (regression
 * mode); {@code docs/testing.md} says how to fuzz them.
 *
 * <p>The properties: any bytes either decode to a state that encodes and decodes again to the same
 * bytes, or are refused with the one typed error of their kind ({@link CorruptRecordException}
 * naming the masked customer, {@link SnapshotException} for a snapshot) whose message, and every
 * cause's, is short and one line; a refused snapshot leaves the engine exactly as it was.
 */
class RecordFuzzTest {
  private static final int MAX_MESSAGE = 400;
  private static final CustomerId ID = Fixtures.customer(7);
  private static final Pattern VERSION = Pattern.compile("(, format version \\d+, is corrupt: | has format version \\d+; ).*");

  private static CoreLifecycleEngine engine;
  private static String before;

  private static void checkMessages(Throwable t) {
    for (Throwable e = t; e != null; e = e.getCause()) {
      assertThat(String.valueOf(e.getMessage())).hasSizeLessThan(MAX_MESSAGE).doesNotContain("\n", "\r", "\u2028");
    }
  }

  @FuzzTest(maxDuration = "10s")
  void binaryRecord(FuzzedDataProvider data) {
    CoreLifecycleEngine e = engine();
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      CustomerState s = e.codec.decodeState(ID, bytes);
      byte[] again = e.codec.encodeState(s);
      assertThat(e.codec.encodeState(e.codec.decodeState(ID, again))).isEqualTo(again);
      assertThat(s.toCustomer(e.stageIds).id()).isEqualTo(ID);
    } catch (CorruptRecordException refused) {
      checkRecordMessage(refused, bytes, "record");
    }
    try {
      StageChange change = e.codec.decodeChange(ID, bytes);
      assertThat(e.codec.decodeChange(ID, e.codec.encodeChange(change))).isEqualTo(change);
    } catch (CorruptRecordException refused) {
      checkRecordMessage(refused, bytes, "history entry");
    }
  }

  private static void checkRecordMessage(CorruptRecordException refused, byte[] bytes, String what) {
    checkMessages(refused);
    String message = refused.getMessage();
    String prefix = what + " of customer " + ID.masked();
    assertThat(message).startsWith(prefix);
    if (bytes.length > 0 && bytes[0] >= 0) {
      assertThat(VERSION.matcher(message.substring(prefix.length())).matches()).as(message).isTrue();
    }
  }

  @FuzzTest(maxDuration = "10s")
  void snapshot(FuzzedDataProvider data) {
    CoreLifecycleEngine e = engine();
    byte[] bytes = data.consumeRemainingAsBytes();
    try {
      e.importSnapshot(new ByteArrayInputStream(bytes));
    } catch (SnapshotException refused) {
      checkMessages(refused);
      assertThat(Fixtures.snapshot(e)).isEqualTo(before);
      return;
    }
    String imported = Fixtures.snapshot(e);
    CoreLifecycleEngine copy = Fixtures.engine();
    copy.importSnapshot(new ByteArrayInputStream(imported.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertThat(Fixtures.snapshot(copy)).isEqualTo(imported);
    e.importSnapshot(new ByteArrayInputStream(before.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  /** One engine per fuzzing run, holding a few customers and an erased one. */
  private static synchronized CoreLifecycleEngine engine() {
    if (engine == null) {
      engine = Fixtures.engine();
      Fixtures.events(5L, 40, 3).forEach(engine::ingest);
      engine.erase(Fixtures.anyCustomer(2));
      before = Fixtures.snapshot(engine);
    }
    return engine;
  }
}
