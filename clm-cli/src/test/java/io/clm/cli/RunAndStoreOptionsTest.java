package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.StoreFailure;
import io.clm.store.jdbc.JdbcStoreException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options every report shares, and those of {@code analyze --store}, checked before any
 * database is reached: defaults, the mask key file, and the refusals with their messages.
 */
class RunAndStoreOptionsTest {
  private static final List<Arguments.Option> ALL = all();

  @TempDir Path dir;

  private static List<Arguments.Option> all() {
    List<Arguments.Option> all = new ArrayList<>(RunOptions.OPTIONS);
    all.addAll(StoreOptions.OPTIONS);
    return all;
  }

  private static Arguments args(String... args) {
    return Arguments.parse("analyze", ALL, args);
  }

  private Path key(byte[] bytes) throws IOException {
    Path file = dir.resolve("mask.key");
    Files.write(file, bytes);
    return file;
  }

  private Path key() throws IOException {
    return key("a secret of thirty-two bytes or more, for the tests".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theDefaultsAreTheSixStageModelEurTextTenCustomersAndTheStandardWorkflow() {
    RunOptions o = RunOptions.of(args());
    assertThat(o.model).isEqualTo("banking-six-stage");
    assertThat(o.currency.getCurrencyCode()).isEqualTo("EUR");
    assertThat(o.json).isFalse();
    assertThat(o.html).isEmpty();
    assertThat(o.top).isEqualTo(10);
    assertThat(o.workflow).isEqualTo("standard");
    RunOptions given = RunOptions.of(args("--model", "four-stage", "--currency", "CHF", "--json", "--html", "r.html", "--top", "0",
        "--complaint-workflow", "uk-fca-disp"));
    assertThat(given.model).isEqualTo("four-stage");
    assertThat(given.currency.getCurrencyCode()).isEqualTo("CHF");
    assertThat(given.json).isTrue();
    assertThat(given.html).contains(Path.of("r.html"));
    assertThat(given.top).isZero();
    assertThat(given.workflow).isEqualTo("uk-fca-disp");
  }

  @Test
  void retentionCostsAreNamedDecimalsThatSomeStrategyHas() {
    assertThat(RunOptions.of(args()).retentionCosts).isEmpty();
    assertThat(RunOptions.of(args("--retention-costs", "contact-cost=800, offer-cost = 4000.50")).retentionCosts)
        .containsExactly(Map.entry("contact-cost", 800.0), Map.entry("offer-cost", 4000.5));
    assertThatThrownBy(() -> RunOptions.of(args("--retention-costs", "contact-cost")))
        .isInstanceOf(UsageException.class).hasMessage("--retention-costs: 'contact-cost' is not NAME=VALUE");
    assertThatThrownBy(() -> RunOptions.of(args("--retention-costs", "contact-cost=5,")))
        .isInstanceOf(UsageException.class).hasMessage("--retention-costs: '' is not NAME=VALUE");
    assertThatThrownBy(() -> RunOptions.of(args("--retention-costs", "contact-cost=1e3")))
        .isInstanceOf(UsageException.class).hasMessageStartingWith("--retention-costs: ").hasMessageContaining("contact-cost")
        .hasMessageContaining("'1e3'");
    assertThatThrownBy(() -> RunOptions.of(args("--retention-costs", "contact-cost=5,contact-cost=6")))
        .isInstanceOf(UsageException.class).hasMessage("--retention-costs: contact-cost is given twice");
    assertThatThrownBy(() -> RunOptions.of(args("--retention-costs", "contact-costs=5")))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--retention-costs: no retention strategy has a parameter 'contact-costs'; they have [")
        .hasMessageContaining("contact-cost, ");
    assertThatThrownBy(() -> RunOptions.of(args("--retention-costs", "contact-cost=-5")))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--retention-costs: strategy '")
        .hasMessageEndingWith("': parameter 'contact-cost' is -5.0, out of range 0..1000000000000");
    assertThatThrownBy(() -> RunOptions.of(args("--retention-costs", "min-compensation=600")))
        .isInstanceOf(UsageException.class)
        .hasMessageEndingWith("': parameter 'min-compensation' is 600.0, above 'max-compensation' 500.0");
  }

  @Test
  void aCurrencyWithoutFractionDigitsIsAUsageErrorNamingTheOption() {
    assertThatThrownBy(() -> RunOptions.of(args("--currency", "XAU"))).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--currency: ");
  }

  @Test
  void theMaskKeyFileKeysTheMasksTheSameOnEveryRun() throws IOException {
    Path file = key();
    CustomerId id = CustomerId.of("C-1001");
    String first = RunOptions.of(args("--mask-key-file", file.toString())).mask.mask(id);
    String second = RunOptions.of(args("--mask-key-file", file.toString())).mask.mask(id);
    assertThat(first).isEqualTo(second).matches("#[0-9a-f]{32}");
    // Without a key file the masks are random per run.
    assertThat(RunOptions.of(args()).mask.mask(id)).isNotEqualTo(RunOptions.of(args()).mask.mask(id));
  }

  @Test
  void aMaskKeyFileMustExistHoldAKeyAndNotBeLong() throws IOException {
    Path missing = dir.resolve("none.key");
    assertThatThrownBy(() -> RunOptions.of(args("--mask-key-file", missing.toString())))
        .isInstanceOf(UncheckedIOException.class).cause().isInstanceOf(NoSuchFileException.class)
        .hasMessage("--mask-key-file " + missing);
    Path exactly = key(new byte[4096]);
    // 4096 bytes are read: the key is refused for its content (all bytes equal), not its length.
    assertThatThrownBy(() -> RunOptions.of(args("--mask-key-file", exactly.toString())))
        .isInstanceOf(UsageException.class).hasMessageStartingWith("--mask-key-file: ");
    Path tooLong = key(new byte[4097]);
    assertThatThrownBy(() -> RunOptions.of(args("--mask-key-file", tooLong.toString())))
        .isInstanceOf(UsageException.class)
        .hasMessage("--mask-key-file " + tooLong + " is longer than 4096 bytes; it should hold a secret key");
    Path shortKey = key(new byte[] {1, 2, 3});
    assertThatThrownBy(() -> RunOptions.of(args("--mask-key-file", shortKey.toString())))
        .isInstanceOf(UsageException.class).hasMessageStartingWith("--mask-key-file: ");
  }

  @Test
  void theHtmlPageIsWrittenIntoADirectoryMadeForItAndSaidSo() throws IOException {
    Path page = dir.resolve("reports").resolve("2025").resolve("report.html");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    RunOptions.of(args("--json", "--html", page.toString())).write(JsonReportTest.full(),
        new java.io.PrintStream(out, true, StandardCharsets.UTF_8), new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(Files.readString(page)).startsWith("<!DOCTYPE html>");
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("clm: wrote the HTML report to " + page + "\n");
    assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{");
  }

  @Test
  void withoutStoreThereAreNoStoreOptions() {
    assertThat(StoreOptions.of(args(), name -> "ignored")).isEmpty();
    assertThatThrownBy(() -> StoreOptions.of(args("--store-user", "clm"), name -> null))
        .isInstanceOf(UsageException.class).hasMessage("--store-user needs --store");
  }

  @Test
  void aStoreIsAnH2OrPostgresqlUrlAndNeedsTheMaskKey() throws IOException {
    String keyFile = key().toString();
    assertThat(StoreOptions.of(args("--store", "jdbc:h2:./data/clm", "--mask-key-file", keyFile), name -> null)).isPresent();
    assertThat(StoreOptions.of(args("--store", "jdbc:postgresql://db/clm", "--mask-key-file", keyFile), name -> null)).isPresent();
    assertThatThrownBy(() -> StoreOptions.of(args("--store", "jdbc:mysql://u:secret@db/clm", "--mask-key-file", keyFile), n -> null))
        .isInstanceOf(UsageException.class)
        .hasMessage("--store 'jdbc:mysql:...' is not a database clm supports: give jdbc:h2:FILE (such as jdbc:h2:./clm-data/clm) "
            + "or jdbc:postgresql://HOST/DATABASE");
    assertThatThrownBy(() -> StoreOptions.of(args("--store", "postgres://u:secret@db/clm", "--mask-key-file", keyFile), n -> null))
        .isInstanceOf(UsageException.class).hasMessageStartingWith("--store 'postgres:...' is not a database");
    assertThatThrownBy(() -> StoreOptions.of(args("--store", "clm.db", "--mask-key-file", keyFile), n -> null))
        .isInstanceOf(UsageException.class).hasMessageStartingWith("--store '...' is not a database");
    assertThatThrownBy(() -> StoreOptions.of(args("--store", "jdbc:h2:./data/clm"), n -> null))
        .isInstanceOf(UsageException.class).hasMessageStartingWith("--store needs --mask-key-file: ");
  }

  @Test
  void theUserAndPasswordComeFromTheEnvironmentUnlessTheUserIsGiven() throws IOException {
    String keyFile = key().toString();
    Map<String, String> env = Map.of("CLM_STORE_USER", "from-env", "CLM_STORE_PASSWORD", "pw");
    List<String> asked = new ArrayList<>();
    StoreOptions.of(args("--store", "jdbc:h2:./data/clm", "--mask-key-file", keyFile), name -> {
      asked.add(name);
      return env.get(name);
    });
    assertThat(asked).containsExactly("CLM_STORE_USER", "CLM_STORE_PASSWORD");
    asked.clear();
    StoreOptions.of(args("--store", "jdbc:h2:./data/clm", "--mask-key-file", keyFile, "--store-user", "given"), name -> {
      asked.add(name);
      return env.get(name);
    });
    assertThat(asked).containsExactly("CLM_STORE_PASSWORD");
  }

  @Test
  void aStoreFailureExitsWithTheCodeOfItsKind() {
    JdbcStoreException schema = new JdbcStoreException("jdbc:h2:x", "open", StoreFailure.SCHEMA, "newer schema", null);
    JdbcStoreException down = new JdbcStoreException("jdbc:h2:x", "open", StoreFailure.UNAVAILABLE, "no route", null);
    assertThat(StoreOptions.failure(schema).exitCode()).isEqualTo(ExitCode.CONFIGURATION);
    assertThat(StoreOptions.failure(down).exitCode()).isEqualTo(ExitCode.IO_ERROR);
    assertThat(StoreOptions.failure(down)).hasMessage("store jdbc:h2:x could not open: no route").hasCause(down);
    ClmException wrapped = new ClmException("engine refused", new IllegalStateException("x", down));
    assertThat(StoreOptions.causeOf(wrapped)).map(StoreException::getCause).contains(down);
    assertThat(StoreOptions.causeOf(new ClmException("no store here"))).isEqualTo(Optional.empty());
  }
}
