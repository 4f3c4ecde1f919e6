package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.snapshot;
import static io.clm.core.engine.Fixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.CustomerIdMask;
import io.clm.api.ErasureKeyException;
import io.clm.api.LifecycleEngine;
import io.clm.api.SnapshotException;
import io.clm.api.UnknownCustomerException;
import io.clm.api.spi.Tombstone;
import io.clm.tck.MemoryCustomerStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Erased customers are remembered by a fingerprint keyed with the engine's id mask: nothing in a
 * snapshot or a store lets anyone without the key test a guessed id, an engine with another key
 * refuses them, and snapshots and stores of the earlier salted form still load.
 */
class KeyedErasureTest {
  private static final Pattern HEX16 = Pattern.compile("\"([0-9a-f]{16})\"");
  /** The other key of these tests: bytes 1 to 32. */
  private static final CustomerIdMask OTHER = CustomerIdMask.withKey(Fixtures.key(1));

  private static Instant day(int n) {
    return START.plus(Duration.ofDays(n));
  }

  /** An engine of the fixtures' key over a store, with customers 0 to 3 and customer 1 erased. */
  private static LifecycleEngine erasedOne(MemoryCustomerStore store) {
    LifecycleEngine engine = Fixtures.builder().store(store).build();
    for (int i = 0; i < 4; i++) {
      engine.ingest(tx("e" + i, i, day(i), "10.00"));
    }
    engine.erase(customer(1));
    return engine;
  }

  /** FNV-1a 64 over bytes, written out here rather than taken from the code under test. */
  private static long fnv(long h, byte[] bytes) {
    for (byte b : bytes) {
      h = (h ^ (b & 0xff)) * 0x100000001b3L;
    }
    return h;
  }

  /** The unkeyed hashes an attacker would try for an id, given every 64-bit value as a salt. */
  private static List<String> unkeyedHashes(String id, List<Long> candidateSalts) throws NoSuchAlgorithmException {
    byte[] bytes = id.getBytes(StandardCharsets.UTF_8);
    HexFormat hex = HexFormat.of();
    List<String> hashes = new ArrayList<>();
    hashes.add(Snapshots.hex(fnv(0xcbf29ce484222325L, bytes)));
    hashes.add(hex.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 16));
    for (long salt : candidateSalts) {
      byte[] saltBytes = ByteBuffer.allocate(8).putLong(salt).array();
      hashes.add(Snapshots.hex(fnv(fnv(0xcbf29ce484222325L, saltBytes), bytes)));
    }
    return hashes;
  }

  private static List<Long> hexValues(String text) {
    List<Long> values = new ArrayList<>();
    Matcher m = HEX16.matcher(text);
    while (m.find()) {
      values.add(Long.parseUnsignedLong(m.group(1), 16));
    }
    return values;
  }

  @Test
  void theFingerprintIsTheKeyedHmacAndNothingStoredIsComputableFromTheIdAlone() throws Exception {
    MemoryCustomerStore store = new MemoryCustomerStore();
    LifecycleEngine engine = erasedOne(store);
    // Expected values computed independently: Python's hmac, key bytes 0..31, first eight bytes of
    // HMAC-SHA256 over "clm-erased\0cust-1" and over "clm-key-check\0".
    Tombstone tombstone = new Tombstone(Tombstone.Scheme.KEYED, 0x4f263db1bd4963afL, 0x7a325f697b0688fdL, "active");
    assertThat(store.tombstones()).containsExactly(tombstone);
    String exported = snapshot(engine);
    assertThat(exported).contains("\"keyCheck\" : \"4f263db1bd4963af\"", "\"fingerprint\" : \"7a325f697b0688fd\"");

    List<Long> inSnapshot = hexValues(exported);
    List<Long> inStore = List.of(tombstone.check(), tombstone.fingerprint());
    List<Long> everything = new ArrayList<>(inSnapshot);
    everything.addAll(inStore);
    assertThat(exported).doesNotContain("\"cust-1\"");
    for (String unkeyed : unkeyedHashes("cust-1", everything)) {
      assertThat(exported).doesNotContain(unkeyed);
      assertThat(inStore).doesNotContain(Long.parseUnsignedLong(unkeyed, 16));
    }
  }

  @Test
  void enginesWithDifferentKeysTakeDifferentFingerprints() {
    MemoryCustomerStore mine = new MemoryCustomerStore();
    MemoryCustomerStore theirs = new MemoryCustomerStore();
    erasedOne(mine);
    LifecycleEngine otherKey = withMask(OTHER).store(theirs).build();
    otherKey.ingest(tx("x", 1, day(0), "10.00"));
    otherKey.erase(customer(1));
    // Python's hmac, key bytes 1..32, as above.
    assertThat(theirs.tombstones())
        .containsExactly(new Tombstone(Tombstone.Scheme.KEYED, 0xc6c9c669fddf556aL, 0xba6fdb811f1f5461L, "active"));
    assertThat(theirs.tombstones().get(0).fingerprint()).isNotEqualTo(mine.tombstones().get(0).fingerprint());
  }

  @Test
  void erasureReceiptsShowTheIdMaskedUnderTheEnginesIdMaskSoThatTheyMatchAcrossEngines() {
    String first = erasedReceipt(Fixtures.builder().build());
    String second = erasedReceipt(Fixtures.builder().build());
    assertThat(first).isEqualTo(Fixtures.MASK.mask(customer(1))).isEqualTo(second);
    assertThat(first).isNotEqualTo(customer(1).masked());
    assertThat(erasedReceipt(Fixtures.builder().build()))
        .isNotEqualTo(erasedReceipt(Clm.builder().model(Fixtures.model()).currency("EUR").idMask(OTHER).build()));
  }

  @Test
  void withoutAnIdMaskReceiptsAreMaskedUnderAKeyOfTheEngineThatAnotherEngineDoesNotShare() {
    String first = erasedReceipt(Clm.builder().model(Fixtures.model()).currency("EUR").build());
    String second = erasedReceipt(Clm.builder().model(Fixtures.model()).currency("EUR").build());
    assertThat(first).matches("#[0-9a-f]{32}").isNotEqualTo(second);
  }

  /** The masked id of the receipt for erasing customer 1, ingested first. */
  private static String erasedReceipt(LifecycleEngine engine) {
    engine.ingest(tx("e1", 1, day(0), "10.00"));
    return engine.erase(customer(1)).maskedId();
  }

  @Test
  void aRestartWithTheSameKeyKeepsTheErasureAndAnotherKeyIsRefused() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    erasedOne(store);
    LifecycleEngine restarted = Fixtures.builder().store(store).build();
    assertThatThrownBy(() -> restarted.ingest(tx("e9", 1, day(9), "1.00")))
        .isInstanceOf(UnknownCustomerException.class).hasMessage("customer " + customer(1).masked() + " was erased");
    assertThat(restarted.stageCounts().get("active")).isEqualTo(4);

    String refusal =
        "the customer store holds erased customers' fingerprints taken under another key (key check value"
            + " 4f263db1bd4963af, the engine's id mask has c6c9c669fddf556a); build the engine with the id mask"
            + " they were written with";
    assertThatThrownBy(() -> withMask(OTHER).store(store).build())
        .isExactlyInstanceOf(ErasureKeyException.class).hasMessage(refusal);
    assertThatThrownBy(() -> withDefaultMask().store(store).build())
        .isExactlyInstanceOf(ErasureKeyException.class)
        .hasMessageContaining("the customer store holds erased customers' fingerprints taken under another key");
    assertThat(store.tombstones()).hasSize(1);
  }

  @Test
  void aSnapshotWithErasuresIsRefusedByAnEngineWithAnotherKeyAndNothingChanges() {
    String exported = snapshot(erasedOne(new MemoryCustomerStore()));
    LifecycleEngine other = withMask(OTHER).build();
    other.ingest(tx("o1", 7, day(0), "10.00"));
    String before = snapshot(other);
    assertThatThrownBy(() -> other.importSnapshot(new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8))))
        .isExactlyInstanceOf(ErasureKeyException.class)
        .hasMessage(
            "the snapshot holds erased customers' fingerprints taken under another key (key check value"
                + " 4f263db1bd4963af, the engine's id mask has c6c9c669fddf556a); build the engine with the id"
                + " mask they were written with");
    assertThat(snapshot(other)).isEqualTo(before);
  }

  @Test
  void aSaltedSnapshotOfFormatTwoStillLoadsUnderAnyKeyAndItsErasureHolds() throws IOException {
    String old;
    try (InputStream in = KeyedErasureTest.class.getResourceAsStream("/snapshots/format-2-salted.json")) {
      old = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // The file's salted fingerprint e7714d3c7f1e7622 is FNV-1a 64 of its salt 176794cb10bca39e
    // (eight big-endian bytes) and "cust-1", checked independently with Python.
    MemoryCustomerStore store = new MemoryCustomerStore();
    LifecycleEngine engine = withMask(OTHER).store(store).build();
    engine.importSnapshot(new ByteArrayInputStream(old.getBytes(StandardCharsets.UTF_8)));
    String erased = "customer " + customer(1).masked() + " was erased";
    assertThatThrownBy(() -> engine.ingest(tx("n1", 1, day(400), "1.00")))
        .isInstanceOf(UnknownCustomerException.class).hasMessage(erased);
    assertThat(store.tombstones())
        .containsExactly(new Tombstone(Tombstone.Scheme.SALTED, 0x176794cb10bca39eL, 0xe7714d3c7f1e7622L, "dormant"));
    String exported = snapshot(engine);
    assertThat(exported)
        .contains("\"formatVersion\" : 3", "\"erased\" : [ ]")
        .contains("\"saltedErased\" : [ {\n    \"salt\" : \"176794cb10bca39e\",\n    \"fingerprint\" : \"e7714d3c7f1e7622\"");

    // Salted tombstones need no key; a keyed one added on top does.
    engine.erase(customer(0));
    LifecycleEngine restarted = withMask(OTHER).store(store).build();
    assertThatThrownBy(() -> restarted.ingest(tx("n2", 1, day(401), "1.00")))
        .isInstanceOf(UnknownCustomerException.class).hasMessage(erased);
    assertThatThrownBy(() -> restarted.ingest(tx("n3", 0, day(401), "1.00")))
        .isInstanceOf(UnknownCustomerException.class).hasMessage("customer " + customer(0).masked() + " was erased");
    assertThat(store.tombstones()).extracting(Tombstone::scheme)
        .containsExactly(Tombstone.Scheme.SALTED, Tombstone.Scheme.KEYED);
    assertThatThrownBy(() -> Fixtures.builder().store(store).build()).isExactlyInstanceOf(ErasureKeyException.class);
  }

  /**
   * A store may list its tombstones in any order: a keyed tombstone listed before the salted ones
   * of an earlier version does not give its key check value for their salt.
   */
  @Test
  void saltedTombstonesListedAfterAKeyedOneKeepTheirOwnSalt() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    LifecycleEngine engine = Fixtures.builder().store(store).build();
    engine.ingest(tx("e1", 1, START, "1.00"));
    engine.erase(customer(1));
    long salt = 0x176794cb10bca39eL;
    store.write(new io.clm.api.spi.StoreBatch(List.of(), List.of(),
        List.of(new Tombstone(Tombstone.Scheme.SALTED, salt, Fingerprints.salted(salt, customer(2).value()), "loyal")),
        java.util.Optional.empty(), false));
    assertThat(store.tombstones()).extracting(Tombstone::scheme)
        .containsExactly(Tombstone.Scheme.KEYED, Tombstone.Scheme.SALTED);

    LifecycleEngine restarted = Fixtures.builder().store(store).build();
    for (int c = 1; c <= 2; c++) {
      int erased = c;
      assertThatThrownBy(() -> restarted.ingest(tx("n" + erased, erased, START, "1.00")))
          .isInstanceOf(UnknownCustomerException.class)
          .hasMessage("customer " + customer(erased).masked() + " was erased");
    }
    assertThat(restarted.stageCounts()).containsEntry("active", 1L).containsEntry("loyal", 1L);
  }

  @Test
  void saltedFingerprintsOfOneSnapshotShareOneSalt() throws IOException {
    String old;
    try (InputStream in = KeyedErasureTest.class.getResourceAsStream("/snapshots/format-2-salted.json")) {
      old = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    LifecycleEngine engine = Fixtures.engine();
    engine.importSnapshot(new ByteArrayInputStream(old.getBytes(StandardCharsets.UTF_8)));
    String exported = snapshot(engine);
    String entry = "{\n    \"salt\" : \"176794cb10bca39e\",\n    \"fingerprint\" : \"e7714d3c7f1e7622\",\n    \"stage\" : \"dormant\"\n  }";
    assertThat(exported).contains(entry);
    String twoSalts = exported.replace(entry, entry + ", " + entry.replace("176794cb10bca39e", "176794cb10bca39f")
        .replace("e7714d3c7f1e7622", "e7714d3c7f1e7623"));
    assertThatThrownBy(() -> engine.importSnapshot(new ByteArrayInputStream(twoSalts.getBytes(StandardCharsets.UTF_8))))
        .isExactlyInstanceOf(SnapshotException.class)
        .hasMessage("snapshot field 'saltedErased.salt' differs between entries");
    assertThat(snapshot(engine)).isEqualTo(exported);
  }

  /** {@code json} with its part from field {@code from} to field {@code to} taken from {@code other}. */
  private static String withPart(String json, String other, String from, String to) {
    int start = json.indexOf("\"" + from + "\" : ");
    int end = json.indexOf("\"" + to + "\" : ");
    String part = other.substring(other.indexOf("\"" + from + "\" : "), other.indexOf("\"" + to + "\" : "));
    return json.substring(0, start) + part + json.substring(end);
  }

  @Test
  void aSnapshotListingAKeyedErasedCustomerAsLiveIsRefusedAndNothingChanges() {
    LifecycleEngine writer = Fixtures.engine();
    for (int i = 0; i < 3; i++) {
      writer.ingest(tx("e" + i, i, day(i), "10.00"));
    }
    String live = snapshot(writer);
    writer.erase(customer(1));
    String both = withPart(live, snapshot(writer), "erased", "saltedErased");
    assertThat(both).isNotEqualTo(live).contains("\"id\" : \"cust-1\"");
    LifecycleEngine engine = Fixtures.engine();
    engine.ingest(tx("x", 9, day(0), "1.00"));
    String before = snapshot(engine);
    assertThatThrownBy(() -> engine.importSnapshot(new ByteArrayInputStream(both.getBytes(StandardCharsets.UTF_8))))
        .isExactlyInstanceOf(SnapshotException.class)
        .hasMessage("snapshot lists erased customer " + customer(1).masked() + " as live");
    assertThat(snapshot(engine)).isEqualTo(before);
    assertThat(engine.stageCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(1);
  }

  @Test
  void aSnapshotListingASaltedErasedCustomerAsLiveIsRefused() throws IOException {
    String old;
    try (InputStream in = KeyedErasureTest.class.getResourceAsStream("/snapshots/format-2-salted.json")) {
      old = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    LifecycleEngine salted = withMask(OTHER).build();
    salted.importSnapshot(new ByteArrayInputStream(old.getBytes(StandardCharsets.UTF_8)));
    LifecycleEngine writer = withMask(OTHER).build();
    writer.ingest(tx("e1", 1, day(0), "10.00"));
    String live = snapshot(writer);
    String both = withPart(live, snapshot(salted), "saltedErased", "customers");
    assertThat(both).isNotEqualTo(live).contains("e7714d3c7f1e7622", "\"id\" : \"cust-1\"");
    LifecycleEngine engine = withMask(OTHER).build();
    assertThatThrownBy(() -> engine.importSnapshot(new ByteArrayInputStream(both.getBytes(StandardCharsets.UTF_8))))
        .isExactlyInstanceOf(SnapshotException.class)
        .hasMessage("snapshot lists erased customer " + customer(1).masked() + " as live");
    assertThat(engine.customerCount()).isZero();
  }

  private static Clm.Builder withMask(CustomerIdMask mask) {
    return withDefaultMask().idMask(mask);
  }

  private static Clm.Builder withDefaultMask() {
    return Clm.builder()
        .model(Fixtures.model())
        .currency("EUR")
        .clock(Fixtures.CLOCK)
        .trendWindow(Duration.ofDays(30));
  }
}
