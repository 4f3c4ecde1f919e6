package io.clm.cli;

import io.clm.api.Clm;
import io.clm.api.CustomerIdMask;
import io.clm.api.DecimalText;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.spi.CustomerStore;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The options every reporting command shares: the model, the currency and the report's form. */
final class RunOptions {
  static final String DEFAULT_MODEL = "banking-six-stage";

  static final List<Arguments.Option> OPTIONS =
      List.of(
          Arguments.Option.value("model", "ID", "lifecycle model (default " + DEFAULT_MODEL + "; see 'clm plugins')"),
          Arguments.Option.value("currency", "CODE", "ISO 4217 currency of all amounts (default EUR)"),
          Arguments.Option.flag("json", "print the report as JSON instead of text"),
          Arguments.Option.value("html", "FILE", "also write the report as a self-contained HTML page"),
          Arguments.Option.value("top", "N", "at-risk customers to list (default 10)"),
          Arguments.Option.value("complaint-workflow", "ID", "complaint SLA policies to check against (default standard; see 'clm plugins')"),
          Arguments.Option.value("retention-costs", "NAME=VALUE,...", "costs of the retention strategies' actions in major units "
              + "of --currency, such as contact-cost=800,offer-cost=4000 (see docs/retention.md)"),
          Arguments.Option.value("mask-key-file", "FILE", "secret (32 bytes or more) that keys the masked customer ids in the report; "
              + "without it the masks are random per run"),
          Arguments.Option.flag("help", "show this help"));

  final String model;
  final Currency currency;
  final boolean json;
  final Optional<Path> html;
  final int top;
  final String workflow;
  final CustomerIdMask mask;
  /** Parameters of the retention strategies, by name, each given to every strategy that has it. */
  final Map<String, Double> retentionCosts;

  private RunOptions(String model, Currency currency, boolean json, Optional<Path> html, int top, String workflow,
      Map<String, Double> retentionCosts, CustomerIdMask mask) {
    this.workflow = workflow;
    this.retentionCosts = retentionCosts;
    this.mask = mask;
    this.model = model;
    this.currency = currency;
    this.json = json;
    this.html = html;
    this.top = top;
  }

  static RunOptions of(Arguments a) {
    Currency currency;
    try {
      currency = Money.currency(a.text("currency", "EUR"));
    } catch (ValidationException e) {
      throw new UsageException("--currency: " + e.getMessage());
    }
    String workflow = a.text("complaint-workflow", Sections.DEFAULT_WORKFLOW);
    // Checked before any input is read, as the model is: not after a whole export.
    Sections.workflow(Clm.plugins(), workflow);
    Map<String, Double> costs = retentionCosts(a.text("retention-costs", ""));
    Sections.strategies(Clm.plugins(), costs);
    return new RunOptions(a.text("model", DEFAULT_MODEL), currency, a.has("json"), a.path("html"), a.integer("top", 10, 0, 1000),
        workflow, costs, mask(a.path("mask-key-file")));
  }

  /** {@code name=value} pairs separated by commas, each name once, each value a decimal number. */
  private static Map<String, Double> retentionCosts(String text) {
    Map<String, Double> costs = new TreeMap<>();
    if (text.isEmpty()) {
      return costs;
    }
    for (String pair : text.split(",", -1)) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair.strip() : pair.substring(0, eq).strip();
      if (eq < 0 || name.isEmpty()) {
        throw new UsageException("--retention-costs: " + TextRules.excerpt(pair) + " is not NAME=VALUE");
      }
      String value = pair.substring(eq + 1).strip();
      double number;
      try {
        number = DecimalText.parse(value, name).doubleValue();
      } catch (ValidationException e) {
        throw new UsageException("--retention-costs: " + e.getMessage());
      }
      if (costs.put(name, number) != null) {
        throw new UsageException("--retention-costs: " + name + " is given twice");
      }
    }
    return costs;
  }

  /** The mask keyed by the file's bytes, or a random one. The key is never printed. */
  private static CustomerIdMask mask(Optional<Path> keyFile) {
    if (keyFile.isEmpty()) {
      return CustomerIdMask.random();
    }
    byte[] key;
    try {
      if (Files.size(keyFile.get()) > 4096) {
        throw new UsageException("--mask-key-file " + keyFile.get() + " is longer than 4096 bytes; it should hold a secret key");
      }
      key = Files.readAllBytes(keyFile.get());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UncheckedIOException(new java.nio.file.NoSuchFileException("--mask-key-file " + keyFile.get()));
    } catch (IOException e) {
      throw new UncheckedIOException("--mask-key-file " + keyFile.get() + " cannot be read", e);
    }
    try {
      return CustomerIdMask.withKey(key);
    } catch (ValidationException e) {
      throw new UsageException("--mask-key-file: " + e.getMessage());
    } finally {
      java.util.Arrays.fill(key, (byte) 0);
    }
  }

  LifecycleEngine engine(Clock clock, Optional<Duration> deduplicationWindow) {
    return builder(clock, deduplicationWindow).build();
  }

  /**
   * An engine whose erasures are keyed with this run's mask, over a store if one is given; the
   * mask's key must be the one the store's erasures were written with.
   */
  LifecycleEngine engine(Clock clock, Optional<Duration> deduplicationWindow, Optional<CustomerStore> store) {
    Clm.Builder builder = builder(clock, deduplicationWindow).idMask(mask);
    store.ifPresent(builder::store);
    return builder.build();
  }

  private Clm.Builder builder(Clock clock, Optional<Duration> deduplicationWindow) {
    Clm.Builder builder = Clm.builder().model(model).currency(currency.getCurrencyCode()).clock(clock);
    deduplicationWindow.ifPresent(builder::deduplicationWindow);
    return builder;
  }

  /** Prints the report on stdout (text or JSON) and writes the HTML page if asked, saying so on stderr. */
  void write(Report report, PrintStream out, PrintStream err) throws IOException {
    if (json) {
      JsonReport.write(report, out);
    } else {
      TextReport.write(report, out);
    }
    out.flush();
    if (html.isPresent()) {
      Path file = html.get();
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        HtmlReport.write(report, w);
      }
      err.println("clm: wrote the HTML report to " + file);
    }
  }
}
