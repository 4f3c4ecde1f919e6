package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.CorruptRecordException;
import io.clm.api.Customer;
import io.clm.api.StageChange;
import io.clm.api.event.Event;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class CustomerCodecTest {

  private static CoreLifecycleEngine engineWith(List<Event> log) {
    CoreLifecycleEngine engine = Fixtures.engine();
    log.forEach(engine::ingest);
    return engine;
  }

  @Test
  void decodeOfEncodeIsTheSameStateForEveryGeneratedState() {
    qt().withExamples(60)
        .forAll(longs().all(), integers().between(1, 200))
        .check(
            (seed, n) -> {
              CoreLifecycleEngine engine = engineWith(events(seed, n, 3));
              for (CustomerState s : engine.liveSorted()) {
                byte[] bytes = engine.codec.encodeState(s);
                CustomerState back = engine.codec.decodeState(s.id(), bytes);
                if (!Arrays.equals(engine.codec.encodeState(back), bytes)
                    || !back.toCustomer(engine.stageIds).equals(s.toCustomer(engine.stageIds))
                    || back.time != s.time
                    || !sameComplaintTimes(back, s)) {
                  return false;
                }
                for (StageChange change : s.historyList()) {
                  if (!engine.codec.decodeChange(s.id(), engine.codec.encodeChange(change)).equals(change)) {
                    return false;
                  }
                }
              }
              return true;
            });
  }

  private static boolean sameComplaintTimes(CustomerState a, CustomerState b) {
    var x = a.complaintTimes();
    var y = b.complaintTimes();
    if (!x.keySet().equals(y.keySet())) {
      return false;
    }
    return x.keySet().stream().allMatch(k -> Arrays.equals(x.get(k), y.get(k)));
  }

  /** One customer with every kind of fact, from a fixed seed: the state the golden file holds. */
  private static CustomerState goldenState(CoreLifecycleEngine engine) {
    return engine.customers.get(customer(0));
  }

  private static byte[] golden(String name) throws IOException {
    try (InputStream in = CustomerCodecTest.class.getResourceAsStream("/records/" + name)) {
      assertThat(in).as(name).isNotNull();
      return HexFormat.of().parseHex(new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip());
    }
  }

  @Test
  void theGoldenRecordOfFormatVersionOneDecodes() throws IOException {
    CoreLifecycleEngine engine = engineWith(events(42L, 80, 1));
    CustomerState expected = goldenState(engine);
    byte[] bytes = golden("customer-v1.hex");
    assertThat(bytes[0]).isEqualTo((byte) 1);
    CustomerState decoded = engine.codec.decodeState(customer(0), bytes);
    Customer c = decoded.toCustomer(engine.stageIds);
    assertThat(c).isEqualTo(expected.toCustomer(engine.stageIds));
    // values read off the golden file independently of the engine
    assertThat(c.metrics().products()).isNotEmpty();
    assertThat(c.metrics().complaints()).isNotEmpty();
    assertThat(c.metrics().attributes()).isNotEmpty();
    assertThat(c.metrics().surveys()).isPositive();
    assertThat(engine.codec.encodeState(decoded)).isEqualTo(bytes);
  }

  @Test
  void theGoldenHistoryEntryOfFormatVersionOneDecodes() throws IOException {
    CoreLifecycleEngine engine = engineWith(events(42L, 80, 1));
    StageChange first = goldenState(engine).historyList().get(0);
    assertThat(engine.codec.decodeChange(customer(0), golden("change-v1.hex"))).isEqualTo(first);
    assertThat(first.from()).isEqualTo("prospect");
    assertThat(first.to()).isEqualTo("active");
  }

  @Test
  void anUnknownFormatVersionIsRefusedNamingTheCustomerAndTheVersion() throws IOException {
    CoreLifecycleEngine engine = Fixtures.engine();
    byte[] bytes = golden("customer-v1.hex");
    bytes[0] = 7;
    assertThatThrownBy(() -> engine.codec.decodeState(customer(0), bytes))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessage("record of customer " + customer(0).masked() + " has format version 7; this library reads 1");
    assertThatThrownBy(() -> engine.codec.decodeState(customer(0), new byte[] {0}))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessage("record of customer " + customer(0).masked() + " has format version 0; this library reads 1");
  }

  @Test
  void corruptRecordsAreRefusedNamingTheCustomerAndTheVersion() throws IOException {
    CoreLifecycleEngine engine = Fixtures.engine();
    byte[] bytes = golden("customer-v1.hex");
    String prefix = "record of customer " + customer(0).masked() + ", format version 1, is corrupt: ";
    assertThatThrownBy(() -> engine.codec.decodeState(customer(0), Arrays.copyOf(bytes, bytes.length - 1)))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessageStartingWith(prefix + "it ends early");
    assertThatThrownBy(() -> engine.codec.decodeState(customer(0), Arrays.copyOf(bytes, bytes.length + 2)))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessage(prefix + "2 bytes follow the last field");
    byte[] usd = bytes.clone();
    usd[2] = 'U';
    usd[3] = 'S';
    usd[4] = 'D';
    assertThatThrownBy(() -> engine.codec.decodeState(customer(0), usd))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessage(prefix + "has currency 'USD', not EUR");
  }

  /**
   * Every prefix of a record is corrupt, and refused as such: a length or a count that claims more
   * than the bytes that remain is never read past the end, whatever field it cuts.
   */
  @Test
  void everyTruncatedRecordIsRefusedAsCorrupt() throws IOException {
    CoreLifecycleEngine engine = Fixtures.engine();
    byte[] bytes = golden("customer-v1.hex");
    for (int n = 0; n < bytes.length; n++) {
      byte[] cut = Arrays.copyOf(bytes, n);
      assertThatThrownBy(() -> engine.codec.decodeState(customer(0), cut))
          .as("the first %d of %d bytes", n, bytes.length)
          .isExactlyInstanceOf(CorruptRecordException.class)
          .hasMessageContaining("record of customer " + customer(0).masked());
    }
  }

  /** A number is at most ten bytes long; an eleventh is refused, not read as a shift past the word. */
  @Test
  void aNumberLongerThanTenBytesIsRefused() {
    CoreLifecycleEngine engine = Fixtures.engine();
    byte[] eleven = {(byte) 0x81, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80,
        (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x00};
    assertThatThrownBy(() -> engine.codec.decodeState(customer(0), eleven))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessage("record of customer " + customer(0).masked() + " is corrupt: a number at byte 10 is longer than ten bytes");
  }

  @Test
  void aRecordWithAnInstantOutsideTheRangeOfTimestampsIsRefusedNamingTheFieldAndTheValue() {
    CoreLifecycleEngine engine = engineWith(events(42L, 80, 1));
    CustomerState s = goldenState(engine).copy();
    s.time = Long.MAX_VALUE - 1;
    byte[] bytes = engine.codec.encodeState(s);
    assertThatThrownBy(() -> engine.codec.decodeState(customer(0), bytes))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessage("record of customer " + customer(0).masked() + ", format version 1, is corrupt: field 'time' is "
            + (Long.MAX_VALUE - 1) + ", outside -62135596800000..253402300799999");
    s.time = CustomerState.NONE;
    s.lastTransaction = CoreLifecycleEngine.MIN_TIME.toEpochMilli() - 1;
    byte[] early = engine.codec.encodeState(s);
    assertThatThrownBy(() -> engine.codec.decodeState(customer(0), early))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessageEndingWith("is corrupt: field 'lastTransaction' is -62135596800001, outside -62135596800000..253402300799999");
  }

  @Test
  void corruptHistoryEntriesAreRefusedNamingTheCustomerAndTheVersion() throws IOException {
    CoreLifecycleEngine engine = Fixtures.engine();
    byte[] bytes = golden("change-v1.hex");
    String masked = customer(0).masked();
    String prefix = "history entry of customer " + masked + ", format version 1, is corrupt: ";
    assertThatThrownBy(() -> engine.codec.decodeChange(customer(0), Arrays.copyOf(bytes, bytes.length + 2)))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessage(prefix + "2 bytes follow the last field");
    assertThatThrownBy(() -> engine.codec.decodeChange(customer(0), Arrays.copyOf(bytes, bytes.length - 1)))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessageStartingWith(prefix);
    byte[] later = bytes.clone();
    later[0] = 2;
    assertThatThrownBy(() -> engine.codec.decodeChange(customer(0), later))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessage("history entry of customer " + masked + " has format version 2; this library reads 1");
    assertThatThrownBy(() -> engine.codec.decodeChange(customer(0), new byte[0]))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessage("history entry of customer " + masked + " is corrupt: it ends early, at byte 0");
    assertThatThrownBy(() -> engine.codec.decodeState(customer(0), new byte[0]))
        .isExactlyInstanceOf(CorruptRecordException.class)
        .hasMessage("record of customer " + masked + " is corrupt: it ends early, at byte 0");
  }

  /** Prints the golden files' contents when they must be written anew (a new format version). */
  static void main(String[] args) {
    CoreLifecycleEngine engine = engineWith(events(42L, 80, 1));
    CustomerState s = goldenState(engine);
    System.out.println(HexFormat.of().formatHex(engine.codec.encodeState(s)));
    System.out.println(HexFormat.of().formatHex(engine.codec.encodeChange(s.historyList().get(0))));
  }
}
