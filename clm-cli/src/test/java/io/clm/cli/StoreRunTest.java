package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.ClmException;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.CustomerIdMask;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import io.clm.api.spi.StoreBatch;
import io.clm.store.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store run on its own, over a small H2 store: the label it keeps in the store's position, what
 * it refuses to continue, the erasures it reads, and the copy of an engine the report's last
 * advance runs on.
 */
class StoreRunTest {
  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final byte[] KEY = "a secret of thirty-two bytes or more, for the tests".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;
  private Path key;

  @BeforeEach
  void key() throws IOException {
    key = dir.resolve("mask.key");
    Files.write(key, KEY);
  }

  private String url() {
    return "jdbc:h2:" + dir.resolve("clm").toAbsolutePath();
  }

  private StoreOptions storeOptions() {
    List<Arguments.Option> all = new ArrayList<>(RunOptions.OPTIONS);
    all.addAll(StoreOptions.OPTIONS);
    return StoreOptions.of(Arguments.parse("analyze", all, new String[] {"--store", url(), "--mask-key-file", key.toString()}), name -> null)
        .orElseThrow();
  }

  private RunOptions options(String... more) {
    List<String> args = new ArrayList<>(List.of("--mask-key-file", key.toString()));
    args.addAll(List.of(more));
    return TestSupport.options(args.toArray(String[]::new));
  }

  private static Clock clock() {
    return Clock.fixed(START, ZoneOffset.UTC);
  }

  private String position() {
    try (JdbcStore store = JdbcStore.builder().url(url()).build()) {
      return store.position().orElse(null);
    }
  }

  private void setPosition(String position) {
    try (JdbcStore store = JdbcStore.builder().url(url()).build()) {
      store.write(new StoreBatch(List.of(), List.of(), List.of(), Optional.of(position), false));
    }
  }

  private static Transaction credit(String id, String customer, Instant at) {
    return new Transaction(id, CustomerId.of(customer), at, Direction.CREDIT, Money.of("10.00", "EUR"),
        ProductType.CURRENT_ACCOUNT, Channel.MOBILE);
  }

  @Test
  void aLabelIsWrittenAndReadBack() {
    StoreRun.Label fresh = new StoreRun.Label("banking-six-stage", "EUR", null);
    StoreRun.Label advanced = new StoreRun.Label("three-stage", "USD", Instant.parse("2024-05-01T00:00:00Z"));

    assertThat(fresh.text()).isEqualTo("clm analyze; model=banking-six-stage; currency=EUR; advanced-to=-");
    assertThat(advanced.text()).isEqualTo("clm analyze; model=three-stage; currency=USD; advanced-to=2024-05-01T00:00:00Z");
    assertThat(StoreRun.Label.parse(fresh.text())).contains(fresh);
    assertThat(StoreRun.Label.parse(advanced.text())).contains(advanced);
    assertThat(StoreRun.Label.parse("clm analyze;model=m;currency=EUR;advanced-to=-"))
        .contains(new StoreRun.Label("m", "EUR", null));
  }

  @Test
  void aPositionThatClmAnalyzeDidNotWriteHasNoLabel() {
    for (String position : List.of(
        "",
        "kafka offsets 12,13",
        "clm analyze",
        "clm analyze; model=m; currency=EUR",
        "clm analyze; model=m; currency=EUR; advanced-to=-; more=1",
        "clm analyze; currency=EUR; model=m; advanced-to=-",
        "clm analyze; model=m; currency=EUR; advanced=-",
        "clm analyze; mode=m; currency=EUR; advanced-to=-",
        "clm analyze; model=m; currency EUR; advanced-to=-",
        "clm analyze; model=m; currency=EUR; advanced-to=2024-05-01",
        " clm analyze; model=m; currency=EUR; advanced-to=-")) {
      assertThat(StoreRun.Label.parse(position)).as(position).isEmpty();
    }
  }

  @Test
  void aNewStoreIsLabelledOnceItsEngineIsBuiltAndRecordsOnlyLaterAdvances() {
    Instant first = Instant.parse("2024-03-01T00:00:00Z");
    try (StoreRun run = StoreRun.open(storeOptions(), options())) {
      assertThat(run.id()).isEqualTo(url());
      assertThat(run.advancedTo()).isEmpty();
      assertThat(run.erasedByStage()).isEmpty();
      assertThat(position()).isNull();

      run.engine(options(), clock(), Optional.empty());
      assertThat(position()).isEqualTo("clm analyze; model=banking-six-stage; currency=EUR; advanced-to=-");
      assertThat(run.advancedTo()).isEmpty();

      run.advancedTo(first);
      assertThat(run.advancedTo()).contains(first);
      run.advancedTo(first.minusSeconds(1));
      run.advancedTo(first);
      assertThat(run.advancedTo()).contains(first);
      assertThat(position()).isEqualTo("clm analyze; model=banking-six-stage; currency=EUR; advanced-to=2024-03-01T00:00:00Z");
      run.advancedTo(first.plusMillis(1));
      assertThat(position()).isEqualTo("clm analyze; model=banking-six-stage; currency=EUR; advanced-to=2024-03-01T00:00:00.001Z");
    }
    try (StoreRun again = StoreRun.open(storeOptions(), options())) {
      assertThat(again.advancedTo()).contains(first.plusMillis(1));
      again.engine(options(), clock(), Optional.empty());
      // a labelled store is not labelled again
      assertThat(position()).isEqualTo("clm analyze; model=banking-six-stage; currency=EUR; advanced-to=2024-03-01T00:00:00.001Z");
    }
  }

  @Test
  void aStoreOfAnotherModelCurrencyOrApplicationIsRefusedAndLeftAsItWas() {
    String label = "clm analyze; model=banking-six-stage; currency=EUR; advanced-to=2024-03-01T00:00:00Z";
    setPosition(label);

    assertThatThrownBy(() -> StoreRun.open(storeOptions(), options("--model", "three-stage")))
        .isInstanceOf(UsageException.class)
        .hasMessage("--model three-stage does not match the store " + url() + ", which holds state of model banking-six-stage: "
            + "give --model banking-six-stage, or another --store");
    assertThatThrownBy(() -> StoreRun.open(storeOptions(), options("--currency", "USD")))
        .isInstanceOf(UsageException.class)
        .hasMessage("--currency USD does not match the store " + url() + ", which holds amounts in EUR: "
            + "give --currency EUR, or another --store");
    assertThat(position()).isEqualTo(label);

    setPosition("kafka offsets 12,13");
    assertThatThrownBy(() -> StoreRun.open(storeOptions(), options()))
        .isInstanceOf(UsageException.class)
        .hasMessage("--store " + url() + " holds the feed position of another application; "
            + "clm analyze --store continues only a store it wrote");
    assertThat(position()).isEqualTo("kafka offsets 12,13");
  }

  @Test
  void customersWithoutALabelAreRefused() {
    try (JdbcStore store = JdbcStore.builder().url(url()).build()) {
      LifecycleEngine engine = Clm.builder().model("banking-six-stage").currency("EUR").store(store).build();
      engine.register(CustomerId.of("C-1"), START);
      engine.register(CustomerId.of("C-2"), START);
    }

    assertThatThrownBy(() -> StoreRun.open(storeOptions(), options()))
        .isInstanceOf(UsageException.class)
        .hasMessage("--store " + url() + " holds 2 customers that clm analyze did not write; "
            + "clm analyze --store continues only a store it wrote");
    assertThat(position()).isNull();
  }

  @Test
  void theErasuresAreCountedByTheStageTheCustomerWasIn() {
    setPosition(new StoreRun.Label("banking-six-stage", "EUR", START).text());
    try (JdbcStore store = JdbcStore.builder().url(url()).build()) {
      LifecycleEngine engine = Clm.builder().model("banking-six-stage").currency("EUR").clock(clock())
          .idMask(CustomerIdMask.withKey(KEY)).store(store).build();
      for (int c = 1; c <= 3; c++) {
        engine.register(CustomerId.of("C-" + c), START);
      }
      engine.ingest(credit("t-1", "C-3", START.plusSeconds(60)));
      engine.erase(CustomerId.of("C-1"));
      engine.erase(CustomerId.of("C-2"));
      engine.erase(CustomerId.of("C-3"));
      List<String> stages = new ArrayList<>();
      store.tombstones().forEach(t -> stages.add(t.stage()));
      assertThat(stages).hasSize(3);
    }

    try (StoreRun run = StoreRun.open(storeOptions(), options())) {
      Map<String, Long> erased = run.erasedByStage();
      assertThat(erased.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(3);
      assertThat(erased).hasSizeGreaterThan(0);
      try (JdbcStore store = JdbcStore.builder().url(url()).build()) {
        Map<String, Long> expected = new HashMap<>();
        store.tombstones().forEach(t -> expected.merge(t.stage(), 1L, Long::sum));
        assertThat(erased).isEqualTo(expected);
      }
    }
  }

  @Test
  void anEngineCopyHoldsTheSameCustomersInTheSameStagesAndTheOriginalIsUntouched() {
    LifecycleEngine from = Clm.builder().model("banking-six-stage").currency("EUR").clock(clock()).build();
    for (int c = 0; c < 300; c++) {
      from.ingest(credit("t-" + c, "C-" + c, START.plusSeconds(c)));
    }
    LifecycleEngine to = Clm.builder().model("banking-six-stage").currency("EUR").clock(clock()).build();

    assertThat(StoreRun.copy(from, to)).isSameAs(to);

    assertThat(to.customerCount()).isEqualTo(300);
    assertThat(stages(to)).isEqualTo(stages(from));
    assertThat(to.stageCounts()).isEqualTo(from.stageCounts());
    // the copy remembers the events the original saw
    assertThat(to.ingest(credit("t-7", "C-7", START.plusSeconds(7))).duplicate()).isTrue();
  }

  @Test
  void aCopyIntoAnEngineOfAnotherModelFailsWithTheImportsError() {
    LifecycleEngine from = Clm.builder().model("banking-six-stage").currency("EUR").clock(clock()).build();
    for (int c = 0; c < 300; c++) {
      from.ingest(credit("t-" + c, "C-" + c, START.plusSeconds(c)));
    }
    LifecycleEngine to = Clm.builder().model("three-stage").currency("EUR").clock(clock()).build();

    assertThatThrownBy(() -> StoreRun.copy(from, to)).isInstanceOf(ClmException.class);
    assertThat(to.customerCount()).isZero();
  }

  private static Map<String, String> stages(LifecycleEngine engine) {
    Map<String, String> stages = new TreeMap<>();
    engine.forEachCustomer((Customer c) -> stages.put(c.id().value(), c.stage()));
    return stages;
  }
}
