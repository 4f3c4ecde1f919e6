package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.anyCustomer;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.events;
import static io.clm.core.engine.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.LifecycleEngine;
import io.clm.api.SnapshotException;
import io.clm.api.StageChange;
import io.clm.tck.MemoryCustomerStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SnapshotStrictnessTest {
  private LifecycleEngine source;
  private String exported;
  private LifecycleEngine target;
  private String targetBefore;

  @BeforeEach
  void setUp() {
    source = Fixtures.engine();
    events(5L, 60, 3).forEach(source::ingest);
    source.erase(anyCustomer(2));
    exported = snapshot(source);
    target = Fixtures.engine();
    target.ingest(Fixtures.tx("x1", 9, Fixtures.START, "1.00"));
    targetBefore = snapshot(target);
  }

  private void assertRefused(String json, String message) {
    assertThatThrownBy(() -> target.importSnapshot(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isExactlyInstanceOf(SnapshotException.class)
        .hasMessage(message);
    assertThat(snapshot(target)).isEqualTo(targetBefore);
  }

  @Test
  void aSnapshotIsAHeaderAndAStreamOfRecordsThatRoundTrips() {
    assertThat(exported)
        .contains("\"formatVersion\" : 3", "\"erased\" : [ {", "\"saltedErased\" : [ ]", "\"record\" : {", "\"seen\" : [", "\"history\" : [")
        .doesNotContain(anyCustomer(2).value());
    LifecycleEngine copy = Fixtures.engine();
    copy.importSnapshot(new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)));
    assertThat(snapshot(copy)).isEqualTo(exported);
    assertThat(copy.stageCounts()).isEqualTo(source.stageCounts());
    assertThat(copy.customerCount()).isEqualTo(source.customerCount());
  }

  @Test
  void duplicateKeysAreRefused() {
    assertRefused(
        exported.replaceFirst("\"model\" : \"test-model\",", "\"model\" : \"test-model\", \"model\" : \"test-model\","),
        "snapshot has a duplicate field at line 3, column 34");
  }

  @Test
  void contentAfterTheEndIsRefused() {
    assertRefused(exported + " {}", "snapshot has content after its end at line " + exported.lines().count() + ", column "
        + (exported.lines().reduce((a, b) -> b).orElseThrow().length() + 2));
  }

  @Test
  void unknownAndMissingFieldsAreRefused() {
    String first = "snapshot customer " + Fixtures.listedFirst(0, 1).masked() + " ";
    assertRefused(
        exported.replaceFirst("\"cycle\" : 0,", "\"cycle\" : 0, \"bonus\" : 1,"),
        first + "field 'time' is missing");
    assertRefused(
        exported.replaceFirst("\"history\" : \\[", "\"extra\" : 1, \"history\" : ["),
        first + "field 'history' is missing");
    assertRefused(exported.replaceFirst("\\}\\s*$", ", \"more\" : 1 }"), "snapshot field 'more' is unknown");
  }

  @Test
  void outOfRangeValuesAreRefused() {
    String first = "snapshot customer " + Fixtures.listedFirst(0, 1).masked() + " ";
    assertRefused(
        exported.replaceFirst("\"cycle\" : 0", "\"cycle\" : -1"),
        first + "field 'cycle' is -1, outside 0..2147483647");
    assertRefused(
        exported.replaceFirst("\"cycle\" : 0", "\"cycle\" : 99999999999999999999"),
        first + "field 'cycle' is out of range");
    assertRefused(
        exported.replaceFirst("\"cycle\" : 0", "\"cycle\" : 0.5"), first + "field 'cycle' is not a whole number");
    assertRefused(
        exported.replaceFirst("\"currency\" : \"EUR\",\n\\s*\"trendWindowMillis\"", "\"currency\" : \"USD\", \"trendWindowMillis\""),
        first + "has currency 'USD', not EUR");
  }

  @Test
  void instantsOutsideTheRangeOfTimestampsAreRefusedAndNoneOnlyWhereAnInstantMayBeAbsent() {
    String first = "snapshot customer " + Fixtures.listedFirst(0, 1).masked() + " ";
    String range = ", outside -62135596800000..253402300799999";
    for (String field : List.of("time", "firstSeen", "firstTransaction", "lastTransaction", "stageEnteredAt",
        "lastInteraction", "lastSurveyAt", "relationshipClosedAt", "openedAt", "resolvedAt", "at")) {
      assertRefused(
          exported.replaceFirst("\"" + field + "\" : -?[0-9]+", "\"" + field + "\" : 9223372036854775806"),
          first + "field '" + field + "' is 9223372036854775806" + range);
      assertRefused(
          exported.replaceFirst("\"" + field + "\" : -?[0-9]+", "\"" + field + "\" : -62135596800001"),
          first + "field '" + field + "' is -62135596800001" + range);
    }
    for (String field : List.of("firstSeen", "stageEnteredAt", "at")) {
      assertRefused(
          exported.replaceFirst("\"" + field + "\" : -?[0-9]+", "\"" + field + "\" : -9223372036854775808"),
          first + "field '" + field + "' is -9223372036854775808" + range);
    }
    String edge = exported.replaceFirst("\"time\" : -?[0-9]+", "\"time\" : 253402300799999");
    target.importSnapshot(new ByteArrayInputStream(edge.getBytes(StandardCharsets.UTF_8)));
    assertThat(snapshot(target)).isEqualTo(edge);
  }

  @Test
  void importIntoAnEngineWithAStoreReplacesTheStoreAndSurvivesARestart() {
    MemoryCustomerStore store = new MemoryCustomerStore();
    LifecycleEngine engine = Fixtures.builder().store(store).build();
    engine.ingest(Fixtures.tx("x1", 9, Fixtures.START, "1.00"));
    engine.importSnapshot(new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)));
    assertThat(store.load(customer(9))).isEmpty();
    assertThat(store.tombstones()).hasSize(1);
    LifecycleEngine restarted = Fixtures.builder().store(store).build();
    assertThat(restarted.stageCounts()).isEqualTo(source.stageCounts());
    assertThat(restarted.customerCount()).isEqualTo(source.customerCount());
    for (int i = 0; i < 3; i++) {
      assertThat(restarted.history(anyCustomer(i))).isEqualTo(source.history(anyCustomer(i)));
      assertThat(restarted.customer(anyCustomer(i))).isEqualTo(source.customer(anyCustomer(i)));
    }
    assertThat(snapshot(restarted)).isEqualTo(exported);
    assertThat(restarted.history(anyCustomer(0))).extracting(StageChange::from).isNotEmpty();
  }

  @Test
  void aSecondCustomerListIsADuplicateFieldNotAnEmptyEngine() {
    String second = exported.replaceFirst("\\]\\s*\\}\\s*$", "], \"customers\" : [ ] }");
    assertThat(second).endsWith("\"customers\" : [ ] }");
    assertThatThrownBy(() -> target.importSnapshot(new ByteArrayInputStream(second.getBytes(StandardCharsets.UTF_8))))
        .isExactlyInstanceOf(SnapshotException.class)
        .hasMessageStartingWith("snapshot has a duplicate field at line ");
    assertThat(snapshot(target)).isEqualTo(targetBefore);
  }

  @Test
  void aRefusedSnapshotCarriesNoCustomerIdInItsMessageOrCauses() {
    LifecycleEngine planted = Fixtures.engine();
    planted.ingest(new io.clm.api.event.Transaction("p1", io.clm.api.CustomerId.of("planted4711"), Fixtures.START,
        io.clm.api.event.Direction.DEBIT, Fixtures.eur("5.00"), io.clm.api.event.ProductType.CARD,
        io.clm.api.event.Channel.POS));
    String json = snapshot(planted);
    assertThat(json).contains("\"id\" : \"planted4711\"");
    for (String broken : new String[] {
        json.replace("\"id\" : \"planted4711\"", "\"id\" : planted4711"),
        json.replace("\"id\" : \"planted4711\"", "\"id\" : \"planted4711\", \"id\" : \"planted4711\""),
        json.replace("\"id\" : \"planted4711\"", "\"id\" : \"planted4711\u0001\"")}) {
      assertThat(broken).isNotEqualTo(json);
      Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
          () -> target.importSnapshot(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))));
      assertThat(thrown).isExactlyInstanceOf(SnapshotException.class);
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        assertThat(String.valueOf(t)).doesNotContain("planted4711");
      }
      assertThat(snapshot(target)).isEqualTo(targetBefore);
    }
  }

  @Test
  void aHugeValueIsQuotedAsAShortExcerpt() {
    String model = "m".repeat(100_000);
    assertRefused(
        exported.replace("\"model\" : \"test-model\"", "\"model\" : \"" + model + "\""),
        "snapshot model 'mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm'... (100000 characters) is not the engine's model 'test-model'");
  }
}
