package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.CustomerIdMask;
import io.clm.api.LifecycleEngine;
import io.clm.store.jdbc.JdbcStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze --store} on an H2 file: daily loads add up to one run over all the files, a
 * re-run counts nothing twice, and a store of another model or currency is refused untouched.
 */
class AnalyzeStoreTest {
  /** The day the synthetic portfolio is split at: yesterday's files end before it, today's start at it. */
  static final Instant CUT = Instant.parse("2024-05-01T00:00:00Z");
  static final List<String> KINDS = List.of("transactions", "interactions", "complaints", "attributes", "products",
      "relationships", "consents");

  @TempDir static Path data;
  @TempDir Path dir;

  static Path key;

  record Run(int code, String out, String err) {
    JsonNode json() throws IOException {
      assertThat(code).as(err).isZero();
      return new ObjectMapper().readTree(out);
    }
  }

  static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    UnaryOperator<String> variables = env::get;
    int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false,
        variables).run(args);
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  static Run run(String... args) {
    return run(Map.of(), args);
  }

  /** A synthetic portfolio of six months split into yesterday's files (before {@link #CUT}), today's, and both. */
  @BeforeAll
  static void portfolio() throws IOException {
    Path all = data.resolve("all");
    Run demo = run("demo", "--customers", "400", "--months", "6", "--seed", "7", "--export", all.toString());
    assertThat(demo.code()).as(demo.err()).isZero();
    for (String kind : KINDS) {
      List<String> lines = Files.readAllLines(all.resolve(kind + ".csv"));
      int at = Arrays.asList(lines.get(0).split(",")).indexOf("timestamp");
      List<String> before = new ArrayList<>(List.of(lines.get(0)));
      List<String> after = new ArrayList<>(List.of(lines.get(0)));
      for (String line : lines.subList(1, lines.size())) {
        (Instant.parse(line.split(",")[at]).isBefore(CUT) ? before : after).add(line);
      }
      if (kind.equals("transactions") || kind.equals("complaints")) {
        assertThat(before.size()).as(kind).isGreaterThan(1);
        assertThat(after.size()).as(kind).isGreaterThan(1);
      }
      List<String> both = new ArrayList<>(before);
      both.addAll(after.subList(1, after.size()));
      write(data.resolve("yesterday"), kind, before);
      write(data.resolve("today"), kind, after);
      write(data.resolve("both"), kind, both);
    }
    key = data.resolve("mask.key");
    Files.write(key, "a secret of thirty-two bytes or more, for the tests".getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Path folder, String kind, List<String> lines) throws IOException {
    Files.createDirectories(folder);
    Files.write(folder.resolve(kind + ".csv"), lines);
  }

  /** The arguments that analyze every file of a folder, then the given ones. */
  static String[] analyze(String folder, String... more) {
    List<String> args = new ArrayList<>(List.of("analyze"));
    for (String kind : KINDS) {
      args.add("--" + kind);
      args.add(data.resolve(folder).resolve(kind + ".csv").toString());
    }
    args.addAll(List.of("--mask-key-file", key.toString(), "--json"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  String store() {
    return "jdbc:h2:" + dir.resolve("clm").toAbsolutePath();
  }

  /** The figures about the whole population: what a report over the stored state must share with one run over all files. */
  static void assertSamePopulation(JsonNode actual, JsonNode expected) {
    for (String field : List.of("model", "currency", "asOf", "customers", "stages", "segments", "risk")) {
      assertThat(actual.get(field)).as(field).isEqualTo(expected.get(field));
    }
    assertThat(actual.get("reconciles").asBoolean()).as("reconciles").isTrue();
  }

  static long sum(JsonNode input, String field) {
    long n = 0;
    for (JsonNode i : input) {
      n += i.get(field).asLong();
    }
    return n;
  }

  @Test
  void dailyLoadsOverAStoreReportWhatOneRunOverAllTheFilesReports() throws IOException {
    JsonNode oneRun = run(analyze("both")).json();
    JsonNode yesterdayAlone = run(analyze("yesterday")).json();

    JsonNode yesterday = run(analyze("yesterday", "--store", store())).json();
    assertSamePopulation(yesterday, yesterdayAlone);
    assertThat(yesterday.get("transitions")).isEqualTo(yesterdayAlone.get("transitions"));

    JsonNode today = run(analyze("today", "--store", store())).json();
    assertSamePopulation(today, oneRun);
    assertThat(sum(today.get("input"), "duplicates")).isZero();
    assertThat(sum(today.get("input"), "accepted") + sum(yesterday.get("input"), "accepted"))
        .isEqualTo(sum(oneRun.get("input"), "accepted"));
    // Today's flow starts from the state stored yesterday: nobody stored is new.
    assertThat(today.get("flowStart").isNull()).isFalse();
    try (JdbcStore store = JdbcStore.builder().url(store()).build()) {
      assertThat(store.count()).isEqualTo(oneRun.get("customers").asLong());
    }
  }

  /**
   * Dormancy (365 days without a transaction, no product held) falls due for customers D2 to D5 on
   * the evening of yesterday's last day, and each of them transacts again this morning. One run
   * over both files advances time a day behind the rows, so the morning's transaction arrives
   * before the rule looks: the customers stay in development, and the one with a fifth transaction
   * moves on to growth. Daily runs must give the same stages, so the stored state must not have
   * been advanced to yesterday's report date.
   */
  @Test
  void aTimeRuleDueOnYesterdaysLastEveningWaitsForTodaysRowsAsInOneRun() throws IOException {
    String header = "id,customer_id,timestamp,direction,amount,product,channel";
    List<String> yesterday = new ArrayList<>(List.of(header));
    for (int n = 2; n <= 5; n++) {
      for (int k = n; k >= 1; k--) {
        yesterday.add(String.format(Locale.ROOT, "d%d-%d,D%d,2023-01-%02dT12:00:00Z,credit,100.00,current_account,branch", n, k, n, 11 - k));
      }
    }
    yesterday.add("b-1,B,2024-01-10T23:00:00Z,credit,100.00,current_account,branch");
    List<String> today = new ArrayList<>(List.of(header, "b-2,B,2024-01-11T08:00:00Z,credit,100.00,current_account,branch"));
    for (int n = 2; n <= 5; n++) {
      today.add("d" + n + "-0,D" + n + ",2024-01-11T09:00:00Z,credit,100.00,current_account,branch");
    }
    List<String> both = new ArrayList<>(yesterday);
    both.addAll(today.subList(1, today.size()));
    Files.write(dir.resolve("yesterday.csv"), yesterday);
    Files.write(dir.resolve("today.csv"), today);
    Files.write(dir.resolve("both.csv"), both);

    JsonNode oneRun = run(transactions(dir.resolve("both.csv"))).json();
    run(transactions(dir.resolve("yesterday.csv"), "--store", store())).json();
    JsonNode daily = run(transactions(dir.resolve("today.csv"), "--store", store())).json();

    assertSamePopulation(daily, oneRun);
    assertThat(stage(oneRun, "termination")).isZero();
    assertThat(stage(oneRun, "growth")).isPositive();
  }

  private static String[] transactions(Path file, String... more) {
    List<String> args = new ArrayList<>(List.of("analyze", "--transactions", file.toString(), "--mask-key-file", key.toString(), "--json"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static long stage(JsonNode report, String id) {
    for (JsonNode s : report.get("stages")) {
      if (s.get("id").asText().equals(id)) {
        return s.get("customers").asLong();
      }
    }
    throw new AssertionError("no stage " + id);
  }

  @Test
  void dailyLoadsOnPostgreSqlWithTheCredentialsFromTheEnvironment() throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
        s.execute("CREATE DATABASE daily");
      }
      String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/daily";
      Map<String, String> env = Map.of(StoreOptions.USER_VARIABLE, "postgres", StoreOptions.PASSWORD_VARIABLE, "postgres");

      run(env, analyze("yesterday", "--store", url)).json();
      Run today = run(env, analyze("today", "--store", url));

      assertSamePopulation(today.json(), run(analyze("both")).json());
      assertThat(today.err()).doesNotContain("postgres@");
      assertThat(today.json().get("source").toString()).contains("store: " + url + ",");
    }
  }

  @Test
  void runningTodaysFilesAgainCountsNothingTwice() throws IOException {
    // Today's files span two months: every id is remembered (a daily file lies within the default window).
    run(analyze("yesterday", "--store", store(), "--dedup-window", "0")).json();
    JsonNode today = run(analyze("today", "--store", store(), "--dedup-window", "0")).json();

    JsonNode again = run(analyze("today", "--store", store(), "--dedup-window", "0")).json();

    assertSamePopulation(again, today);
    assertSamePopulation(again, run(analyze("both", "--dedup-window", "0")).json());
    assertThat(sum(again.get("input"), "accepted")).isZero();
    assertThat(sum(again.get("input"), "duplicates")).isEqualTo(sum(today.get("input"), "read")).isPositive();
  }

  @Test
  void aStoreOfAnotherCurrencyOrModelIsRefusedAndLeftAsItWas() throws IOException {
    JsonNode yesterday = run(analyze("yesterday", "--store", store())).json();
    String position;
    try (JdbcStore store = JdbcStore.builder().url(store()).build()) {
      position = store.position().orElseThrow();
    }

    Run currency = run(analyze("today", "--store", store(), "--currency", "USD"));
    assertThat(currency.code()).isEqualTo(2);
    assertThat(currency.err()).startsWith("clm: --currency USD does not match the store " + store()
        + ", which holds amounts in EUR: give --currency EUR, or another --store\n");
    Run model = run(analyze("today", "--store", store(), "--model", "three-stage"));
    assertThat(model.code()).isEqualTo(2);
    assertThat(model.err()).startsWith("clm: --model three-stage does not match the store " + store()
        + ", which holds state of model banking-six-stage: give --model banking-six-stage, or another --store\n");

    try (JdbcStore store = JdbcStore.builder().url(store()).build()) {
      assertThat(store.position()).contains(position);
      assertThat(store.count()).isEqualTo(yesterday.get("customers").asLong());
    }
    JsonNode today = run(analyze("today", "--store", store())).json();
    assertSamePopulation(today, run(analyze("both")).json());
  }

  @Test
  void erasuresInTheStoreNeedTheKeyTheyWereWrittenWith() throws IOException {
    long stored = run(analyze("yesterday", "--store", store())).json().get("customers").asLong();
    try (JdbcStore store = JdbcStore.builder().url(store()).build()) {
      LifecycleEngine engine = Clm.builder().model("banking-six-stage").currency("EUR")
          .idMask(CustomerIdMask.withKey(Files.readAllBytes(key))).store(store).build();
      List<CustomerId> ids = new ArrayList<>();
      engine.forEachCustomer(c -> ids.add(c.id()));
      engine.erase(ids.get(0));
    }
    Path otherKey = dir.resolve("other.key");
    Files.write(otherKey, "another secret of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8));
    List<String> withOtherKey = new ArrayList<>(List.of(analyze("today", "--store", store())));
    withOtherKey.set(withOtherKey.indexOf(key.toString()), otherKey.toString());

    Run refused = run(withOtherKey.toArray(String[]::new));
    assertThat(refused.code()).isEqualTo(2);
    assertThat(refused.err()).startsWith("clm: --mask-key-file: ");

    // Today's rows for the erased customer are refused, as the engine refuses every event for an erased id.
    JsonNode today = run(analyze("today", "--store", store(), "--skip-bad-rows")).json();
    assertThat(today.get("customers").asLong()).isEqualTo(run(analyze("both")).json().get("customers").asLong() - 1);
    assertThat(today.get("source").toString()).contains(String.format(Locale.ROOT, "%,d customers before this run", stored - 1));
  }

  @Test
  void aStoreNeedsTheMaskKeyAndASupportedUrl() {
    Run noKey = run("analyze", "--transactions", data.resolve("today/transactions.csv").toString(), "--store", store());
    assertThat(noKey.code()).isEqualTo(2);
    assertThat(noKey.err()).startsWith("clm: --store needs --mask-key-file");

    Run mysql = run(analyze("today", "--store", "jdbc:mysql://db/clm?password=hunter2-secret"));
    assertThat(mysql.code()).isEqualTo(2);
    assertThat(mysql.err()).startsWith("clm: --store 'jdbc:mysql:...' is not a database clm supports").doesNotContain("hunter2");

    Run user = run(analyze("today", "--store-user", "clm"));
    assertThat(user.code()).isEqualTo(2);
    assertThat(user.err()).startsWith("clm: --store-user needs --store");
    assertThat(Files.exists(dir.resolve("clm.mv.db"))).isFalse();
  }

  @Test
  void anUnreachableDatabaseIsAFileErrorThatNamesTheStoreAndNeverThePassword() {
    Run r = run(Map.of(StoreOptions.PASSWORD_VARIABLE, "hunter2-secret", StoreOptions.USER_VARIABLE, "clm"),
        analyze("today", "--store", "jdbc:postgresql://127.0.0.1:1/clm?password=other-secret"));

    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err()).startsWith("clm: store jdbc:postgresql://127.0.0.1:1/clm?password=*** could not open a connection: ")
        .doesNotContain("hunter2").doesNotContain("other-secret");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aSchemaNewerThanThisClmIsAConfigurationErrorAndNothingIsWritten() throws Exception {
    run(analyze("yesterday", "--store", store())).json();
    long customers;
    try (JdbcStore store = JdbcStore.builder().url(store()).build();
        Connection c = store.dataSource().getConnection();
        Statement s = c.createStatement()) {
      customers = store.count();
      s.executeUpdate("INSERT INTO \"clm_schema_history\" (\"installed_rank\", \"version\", \"description\", \"type\", \"script\","
          + " \"checksum\", \"installed_by\", \"execution_time\", \"success\") VALUES (900, '900', 'later', 'SQL',"
          + " 'V900__later.sql', 0, 'clm', 1, TRUE)");
      c.commit();
    }

    Run r = run(analyze("today", "--store", store()));

    assertThat(r.code()).isEqualTo(4);
    assertThat(r.err()).startsWith("clm: store " + store() + " could not open its schema: the database's schema is at version 900,");
    try (Connection c = DriverManager.getConnection(store()); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT COUNT(*) FROM clm_customer")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getLong(1)).isEqualTo(customers);
    }
  }

  @Test
  void aStoreThatAnotherApplicationWroteIsRefused() {
    try (JdbcStore store = JdbcStore.builder().url(store()).build()) {
      LifecycleEngine engine = Clm.builder().model("banking-six-stage").currency("EUR").store(store).build();
      engine.register(CustomerId.of("C-1"), Instant.parse("2024-01-01T00:00:00Z"));
    }

    Run r = run(analyze("today", "--store", store()));

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("clm: --store " + store() + " holds 1 customers that clm analyze did not write");
  }
}
