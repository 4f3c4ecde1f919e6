package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports and messages are the same whatever the machine's default locale: no decimal comma, no
 * other grouping separator, no digits of another script.
 */
class LocaleIndependenceTest {
  /** Locales whose numbers differ from {@link Locale#ROOT}'s: separators, or digits of another script. */
  private static final List<Locale> LOCALES = List.of(
      Locale.GERMANY,
      Locale.forLanguageTag("fr-CH"),
      Locale.forLanguageTag("ar-SA-u-nu-arab"),
      Locale.forLanguageTag("hi-IN-u-nu-deva"),
      Locale.forLanguageTag("th-TH-u-nu-thai"));
  /** The one figure of a report that changes from run to run: how long the run took. */
  private static final Pattern SECONDS = Pattern.compile("in [0-9]+\\.[0-9] s");
  /** A call that formats with a locale, up to its first argument. */
  private static final Pattern FORMAT_CALL = Pattern.compile("(String\\.format|\\.printf|\\.format|\\.formatted)\\(\\s*([^,)]+)");

  @TempDir Path dir;
  private Locale saved;
  private Locale savedFormat;
  private Locale savedDisplay;

  @BeforeEach
  void save() {
    saved = Locale.getDefault();
    savedFormat = Locale.getDefault(Locale.Category.FORMAT);
    savedDisplay = Locale.getDefault(Locale.Category.DISPLAY);
  }

  @AfterEach
  void restore() {
    Locale.setDefault(saved);
    Locale.setDefault(Locale.Category.FORMAT, savedFormat);
    Locale.setDefault(Locale.Category.DISPLAY, savedDisplay);
  }

  private record Output(int code, String out, String err, String html) {}

  private Output run(Locale locale, String... args) throws IOException {
    Locale.setDefault(locale);
    try {
      Path html = dir.resolve("report.html");
      Files.deleteIfExists(html);
      List<String> all = new ArrayList<>(List.of(args));
      all.add("--html");
      all.add(html.toString());
      MainTest.Run r = MainTest.run(all.toArray(String[]::new));
      String page = Files.exists(html) ? Files.readString(html, StandardCharsets.UTF_8) : "";
      return new Output(r.code(), untimed(r.out()), untimed(r.err()), untimed(page));
    } finally {
      restore();
    }
  }

  private static String untimed(String text) {
    return SECONDS.matcher(text).replaceAll("in N s");
  }

  private Path maskKey() throws IOException {
    Path key = dir.resolve("mask.key");
    if (!Files.exists(key)) {
      Files.writeString(key, "a secret of thirty-two bytes or more for the masks");
    }
    return key;
  }

  @Test
  void theDemoReportIsTheSameInEveryLocale() throws IOException {
    String[] args = {"demo", "--customers", "1500", "--months", "3", "--seed", "5", "--mask-key-file", maskKey().toString()};
    Output root = run(Locale.ROOT, args);
    assertThat(root.code()).isZero();
    assertThat(root.out())
        .contains("synthetic retail-bank portfolio: 1,500 customers, 3 months from 2024-01-01, seed 5")
        .contains("  all" + " ".repeat(29) + "1,500\n");
    for (Locale locale : LOCALES) {
      Output other = run(locale, args);
      assertThat(other.out()).as("text report in %s", locale).isEqualTo(root.out());
      assertThat(other.html()).as("HTML report in %s", locale).isEqualTo(root.html());
      assertThat(other.err()).as("messages in %s", locale).isEqualTo(root.err());
    }
  }

  @Test
  void theAnalyzeReportIsTheSameInEveryLocale() throws IOException {
    String[] args = {
      "analyze", "--transactions", MainTest.SAMPLES.resolve("transactions.csv").toString(),
      "--complaints", MainTest.SAMPLES.resolve("complaints.csv").toString(),
      "--attributes", MainTest.SAMPLES.resolve("attributes.csv").toString(),
      "--mask-key-file", maskKey().toString()};
    Output root = run(Locale.ROOT, args);
    assertThat(root.code()).isZero();
    assertThat(root.out()).contains("SLA compliance: ").contains("all figures reconcile.");
    for (Locale locale : LOCALES) {
      Output other = run(locale, args);
      assertThat(other.out()).as("text report in %s", locale).isEqualTo(root.out());
      assertThat(other.html()).as("HTML report in %s", locale).isEqualTo(root.html());
    }
    List<String> json = new ArrayList<>(List.of(args));
    json.add("--json");
    Output rootJson = run(Locale.ROOT, json.toArray(String[]::new));
    for (Locale locale : LOCALES) {
      assertThat(run(locale, json.toArray(String[]::new)).out()).as("JSON report in %s", locale).isEqualTo(rootJson.out());
    }
  }

  @Test
  void badRowMessagesAreTheSameInEveryLocale() throws IOException {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, "id,customer_id,timestamp,direction,amount,currency,product,channel\n"
        + "T1,C-1001,2025-01-03T12:59:00Z,debit,35.50,EUR,current-account,branch\n"
        + "T2,C-1001,2025-01-04T12:59:00Z,debit,ten,EUR,current-account,branch\n");
    String[] args = {"analyze", "--transactions", tx.toString(), "--skip-bad-rows", "--mask-key-file", maskKey().toString()};
    Output root = run(Locale.ROOT, args);
    assertThat(root.err()).contains("tx.csv line 3, field 'amount'");
    for (Locale locale : LOCALES) {
      Output other = run(locale, args);
      assertThat(other.err()).as("messages in %s", locale).isEqualTo(root.err());
      assertThat(other.out()).as("text report in %s", locale).isEqualTo(root.out());
    }
  }

  /** Month names and AM/PM in a --timestamp-format pattern are English whatever the machine's locale. */
  @Test
  void timestampPatternsReadEnglishNamesInEveryLocale() throws IOException {
    Path tx = dir.resolve("export.csv");
    Files.writeString(tx, "id,customer_id,timestamp,direction,amount,product,channel\n"
        + "t1,C-1,02 Mar 2025 10:00 AM,debit,5.00,card,pos\n"
        + "t2,C-1,17 Dec 2025 03:30 PM,debit,5.00,card,pos\n");
    for (Locale locale : List.of(Locale.ROOT, Locale.GERMANY, Locale.forLanguageTag("fr-FR"), Locale.forLanguageTag("th-TH-u-nu-thai"))) {
      Output r = run(locale, "analyze", "--transactions", tx.toString(), "--skip-bad-rows", "--json",
          "--timestamp-format", "dd MMM yyyy hh:mm a");
      assertThat(r.err()).as("messages in %s", locale).doesNotContain("skipped");
      assertThat(r.out()).as("report in %s", locale)
          .contains("\"accepted\" : 2,").contains("\"periodStart\" : \"2025-03-02T10:00:00Z\"");
    }
  }

  /**
   * Every call that formats text in the command line's sources, main and test, names {@link
   * Locale#ROOT}: a test whose expected text or input data followed the machine's locale would
   * check another report on another machine.
   */
  @Test
  void everyFormattingCallNamesTheRootLocale() throws IOException {
    List<String> defaults = new ArrayList<>();
    int calls = 0;
    try (Stream<Path> files = Files.walk(Path.of("src"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        String text = Files.readString(file);
        Matcher m = FORMAT_CALL.matcher(text);
        while (m.find()) {
          calls++;
          if (m.group(1).equals(".formatted") || !m.group(2).strip().equals("Locale.ROOT")) {
            int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            defaults.add(file.getFileName() + ":" + line + " " + m.group());
          }
        }
      }
    }
    assertThat(calls).as("formatting calls found").isGreaterThan(50);
    assertThat(defaults).as("formatting calls in the default locale").isEmpty();
  }
}
