package io.clm.cli;

import io.clm.api.Clm;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.ValidationException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

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
          Arguments.Option.flag("help", "show this help"));

  final String model;
  final Currency currency;
  final boolean json;
  final Optional<Path> html;
  final int top;
  final String workflow;

  private RunOptions(String model, Currency currency, boolean json, Optional<Path> html, int top, String workflow) {
    this.workflow = workflow;
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
    if (currency.getDefaultFractionDigits() < 0) {
      throw new UsageException("--currency: " + currency.getCurrencyCode() + " has no fraction digits");
    }
    return new RunOptions(a.text("model", DEFAULT_MODEL), currency, a.has("json"), a.path("html"), a.integer("top", 10, 0, 1000),
        a.text("complaint-workflow", Sections.DEFAULT_WORKFLOW));
  }

  LifecycleEngine engine(Clock clock, Optional<Duration> deduplicationWindow) {
    Clm.Builder builder = Clm.builder().model(model).currency(currency.getCurrencyCode()).clock(clock);
    deduplicationWindow.ifPresent(builder::deduplicationWindow);
    return builder.build();
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
