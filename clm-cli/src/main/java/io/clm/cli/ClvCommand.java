package io.clm.cli;

import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.DecimalText;
import io.clm.api.Money;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.retention.ConvergenceException;
import io.clm.retention.BgNbd;
import io.clm.retention.CustomerSummary;
import io.clm.retention.FittedModel;
import io.clm.retention.GammaGamma;
import io.clm.retention.LifetimeValue;
import io.clm.retention.MbgNbd;
import io.clm.retention.ParameterEstimate;
import io.clm.retention.ParetoNbd;
import io.clm.retention.PurchaseHistory;
import io.clm.retention.PurchaseLog;
import io.clm.retention.TransactionModel;
import io.clm.retention.ValueHorizon;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code clm clv}: fits the buy-till-you-die models (BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma) on a
 * transaction export with a calibration / hold-out split, compares them, checks their hold-out
 * forecasts and writes per-customer scores. See docs/cli.md and docs/clv.md.
 */
final class ClvCommand {

  static final List<Arguments.Option> OPTIONS =
      List.of(
          Arguments.Option.value("transactions", "FILE", "transactions: analyze's CSV/JSON Lines schema, or --format plain"),
          Arguments.Option.value("format", "FORMAT", "csv, jsonl or plain (customer,date,amount with that header); default from the extension"),
          Arguments.Option.value("calibration-end", "DATE", "last day of the calibration period (required)"),
          Arguments.Option.value("holdout-end", "DATE", "last day of the hold-out period (default: the last transaction's day)"),
          Arguments.Option.value("period-days", "DAYS", "the model's time unit in days (default 7: weeks)"),
          Arguments.Option.value("currency", "CODE", "the currency of the amounts (default EUR)"),
          Arguments.Option.value("clv-periods", "N", "lifetime value over this many periods (default 12)"),
          Arguments.Option.value("clv-period-days", "DAYS", "length of one lifetime-value period in days (default 30)"),
          Arguments.Option.value("discount-rate", "RATE", "discount rate per lifetime-value period (default 0.01)"),
          Arguments.Option.value("scores", "FILE", "write per-customer scores to this CSV file"),
          Arguments.Option.value("html", "FILE", "write an HTML report with inline SVG charts"),
          Arguments.Option.flag("help", "show this help"));

  static final String DESCRIPTION =
      "Fits BG/NBD, MBG/NBD, Pareto/NBD and Gamma-Gamma to your transactions, with standard errors,\n"
          + "compares them by log-likelihood and AIC, checks each model's forecast of the hold-out period\n"
          + "against what customers actually did, and scores every customer (P(alive), expected\n"
          + "transactions, expected spend, lifetime value) with the model of lowest AIC.";

  private final PrintStream out;

  ClvCommand(PrintStream out) {
    this.out = out;
  }

  ExitCode run(String[] args) throws IOException, BadDataException {
    Arguments a = Arguments.parse("clv", OPTIONS, args);
    if (a.has("help")) {
      out.print(Arguments.help("clm clv --transactions FILE --calibration-end DATE [options]", DESCRIPTION, OPTIONS));
      return ExitCode.OK;
    }
    Path file = a.path("transactions").orElseThrow(() -> new UsageException("clv: --transactions is required"));
    LocalDate calibrationEnd = a.date("calibration-end").orElseThrow(() -> new UsageException("clv: --calibration-end is required"));
    int periodDays = a.integer("period-days", 7, 1, 366);
    Currency currency;
    try {
      currency = Money.currency(a.text("currency", "EUR"));
    } catch (ClmException e) {
      throw new UsageException("clv: --currency: " + e.getMessage());
    }
    String format = a.text("format").orElse(file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "jsonl");
    Set<String> unread = new TreeSet<>();
    Map<CustomerId, TreeMap<LocalDate, BigDecimal>> days = switch (format) {
      case "plain" -> readPlain(file, currency);
      case "csv", "jsonl" -> readRows(file, RowReader.Format.parse(format), currency, unread);
      default -> throw new UsageException("clv: --format '" + format + "' is not csv, jsonl or plain");
    };
    if (days.isEmpty()) {
      throw new BadDataException(file.getFileName() + " has no transactions", null);
    }
    LocalDate last = days.values().stream().map(TreeMap::lastKey).max(LocalDate::compareTo).orElseThrow();
    LocalDate holdoutEnd = a.date("holdout-end").orElse(last);
    if (!holdoutEnd.isAfter(calibrationEnd)) {
      throw new UsageException("clv: --holdout-end " + holdoutEnd + " is not after --calibration-end " + calibrationEnd);
    }
    PurchaseLog log = new PurchaseLog(currency);
    days.forEach((customer, byDay) -> byDay.forEach((day, amount) -> log.add(customer, day, new Money(amount, currency))));
    boolean anyByCalibrationEnd = days.values().stream().anyMatch(byDay -> !byDay.firstKey().isAfter(calibrationEnd));
    if (!anyByCalibrationEnd) {
      throw new BadDataException("no customer made a first purchase by the calibration end " + calibrationEnd, null);
    }
    List<CustomerSummary> summaries = log.summarise(calibrationEnd, holdoutEnd, Duration.ofDays(periodDays));
    double holdoutLength = ChronoUnit.DAYS.between(calibrationEnd, holdoutEnd) / (double) periodDays;
    ValueHorizon horizon =
        new ValueHorizon(
            a.integer("clv-periods", 12, 1, 10_000),
            a.integer("clv-period-days", 30, 1, 3660) / (double) periodDays,
            discountRate(a));

    List<PurchaseHistory> histories = summaries.stream().map(CustomerSummary::history).collect(Collectors.toList());
    List<Fit> fits = new ArrayList<>();
    fits.add(fit("BG/NBD", () -> BgNbd.fit(histories)));
    fits.add(fit("MBG/NBD", () -> MbgNbd.fit(histories)));
    fits.add(fit("Pareto/NBD", () -> ParetoNbd.fit(histories)));
    List<GammaGamma.Spend> spends = summaries.stream().flatMap(s -> s.spend().stream()).collect(Collectors.toList());
    FittedModel<GammaGamma> spend = null;
    String spendFailure = null;
    try {
      spend = spends.isEmpty() ? null : GammaGamma.fit(spends);
    } catch (ConvergenceException | io.clm.api.ValidationException e) {
      spendFailure = e.getMessage();
    }
    Fit best = fits.stream().filter(f -> f.fitted != null).min((x, y) -> Double.compare(x.fitted.aic(), y.fitted.aic())).orElse(null);

    ClvAnalysis analysis = new ClvAnalysis(summaries, days, calibrationEnd, holdoutEnd, periodDays, holdoutLength);
    printReport(analysis, fits, spend, spendFailure, best, calibrationEnd, holdoutEnd, periodDays);
    if (!unread.isEmpty()) {
      out.println("Columns of " + file.getFileName() + " not read: " + RowReader.describeUnread(unread));
    }
    if (best == null) {
      throw new BadDataException("no purchase model could be fitted: " + fits.get(0).failure, null);
    }
    if (a.path("scores").isPresent()) {
      writeScores(a.path("scores").get(), summaries, best.fitted.model(), spend, horizon, holdoutLength);
      out.println("Scores of " + summaries.size() + " customers (" + best.name + ") written to " + a.path("scores").get());
    }
    if (a.path("html").isPresent()) {
      Files.writeString(a.path("html").get(), ClvHtml.render(analysis, fits, best, spend, calibrationEnd, holdoutEnd, periodDays), StandardCharsets.UTF_8);
      out.println("HTML report written to " + a.path("html").get());
    }
    return ExitCode.OK;
  }

  /** One purchase model's fit, or why it failed. */
  record Fit(String name, FittedModel<? extends TransactionModel> fitted, String failure) {}

  private interface FitCall {
    FittedModel<? extends TransactionModel> run();
  }

  private static Fit fit(String name, FitCall call) {
    try {
      return new Fit(name, call.run(), null);
    } catch (ConvergenceException | io.clm.api.ValidationException e) {
      return new Fit(name, null, e.getMessage());
    }
  }

  private static double discountRate(Arguments a) {
    String text = a.text("discount-rate", "0.01");
    double rate;
    try {
      rate = Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new UsageException("clv: --discount-rate '" + text + "' is not a number");
    }
    if (!(rate >= 0 && rate < 10)) {
      throw new UsageException("clv: --discount-rate " + text + " is outside 0..10");
    }
    return rate;
  }

  /**
   * Adds a purchase to its customer's day.
   *
   * @return what is wrong when the currency cannot hold the amount or the day's total; null when
   *     the purchase was added
   */
  private static String add(
      Map<CustomerId, TreeMap<LocalDate, BigDecimal>> days, CustomerId customer, LocalDate day, BigDecimal amount, Currency currency) {
    try {
      new Money(amount, currency);
    } catch (ValidationException e) {
      return e.getMessage();
    }
    TreeMap<LocalDate, BigDecimal> byDay = days.computeIfAbsent(customer, k -> new TreeMap<>());
    BigDecimal total = byDay.getOrDefault(day, BigDecimal.ZERO).add(amount);
    try {
      new Money(total, currency);
    } catch (ValidationException e) {
      return "amount " + amount.toPlainString() + " makes the customer's purchases on " + day + " too large to add up: " + e.getMessage();
    }
    byDay.put(day, total);
    return null;
  }

  /**
   * Transactions in analyze's schema: customer_id, timestamp (UTC day) and amount of every row; the
   * names of the columns not read go into {@code unread}.
   */
  private static Map<CustomerId, TreeMap<LocalDate, BigDecimal>> readRows(Path file, RowReader.Format format, Currency currency,
      Set<String> unread) throws IOException, BadDataException {
    Map<CustomerId, TreeMap<LocalDate, BigDecimal>> days = new TreeMap<>();
    try (RowReader reader = RowReader.open(file, format, RecordKind.TRANSACTIONS)) {
      Row row;
      while ((row = reader.next()) != null) {
        CustomerId customer = row.customer(1);
        LocalDate day = row.instant(2).atZone(ZoneOffset.UTC).toLocalDate();
        BigDecimal amount = row.decimal(4);
        if (amount.signum() < 0) {
          throw row.bad(4, amount.toPlainString() + " is negative");
        }
        if (row.present(5) && !row.text(5).equalsIgnoreCase(currency.getCurrencyCode())) {
          throw row.bad(5, TextRules.excerpt(row.text(5)) + " is not the run's currency " + currency.getCurrencyCode());
        }
        String problem = add(days, customer, day, amount, currency);
        if (problem != null) {
          throw row.bad(4, problem);
        }
      }
      unread.addAll(reader.unreadColumns());
    } catch (BadRowException e) {
      throw new BadDataException(e.getMessage(), null);
    }
    return days;
  }

  /** A plain export: a header {@code customer,date,amount}, then one purchase per line. */
  private static Map<CustomerId, TreeMap<LocalDate, BigDecimal>> readPlain(Path file, Currency currency) throws IOException, BadDataException {
    Map<CustomerId, TreeMap<LocalDate, BigDecimal>> days = new TreeMap<>();
    String name = file.getFileName().toString();
    try (LineSource in = new LineSource(Files.newInputStream(file), LineSource.DEFAULT_MAX_LINE_BYTES)) {
      String header;
      try {
        header = in.next();
      } catch (LineSource.BadLine e) {
        throw new BadDataException(name + " line 1: the header " + e.getMessage(), null);
      }
      if (header == null || !header.trim().equalsIgnoreCase("customer,date,amount")) {
        throw new BadDataException(name + " line 1: the header is not 'customer,date,amount'", null);
      }
      while (true) {
        String line;
        try {
          line = in.next();
        } catch (LineSource.BadLine e) {
          throw new BadDataException(name + " line " + e.number() + " " + e.getMessage(), null);
        }
        if (line == null) {
          break;
        }
        long number = in.lines();
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(",", -1);
        if (f.length != 3) {
          throw new BadDataException(name + " line " + number + ": " + f.length + " fields, expected customer,date,amount", null);
        }
        try {
          CustomerId customer = CustomerId.of(f[0].trim());
          String d = f[1].trim();
          LocalDate day = d.length() == 8 ? LocalDate.parse(d, java.time.format.DateTimeFormatter.BASIC_ISO_DATE) : LocalDate.parse(d);
          if (!Arguments.inRange(day)) {
            throw new BadDataException(name + " line " + number + ": date " + TextRules.excerpt(d) + " is outside " + Row.YEARS, null);
          }
          BigDecimal amount;
          try {
            amount = DecimalText.parse(f[2], "amount");
          } catch (ValidationException e) {
            throw new BadDataException(name + " line " + number + ": " + e.getMessage(), null);
          }
          if (amount.signum() < 0) {
            throw new BadDataException(name + " line " + number + ": amount " + amount.toPlainString() + " is negative", null);
          }
          String problem = add(days, customer, day, amount, currency);
          if (problem != null) {
            throw new BadDataException(name + " line " + number + ": " + problem, null);
          }
        } catch (DateTimeParseException e) {
          throw new BadDataException(name + " line " + number + ": date '" + f[1].trim() + "' is not YYYY-MM-DD or YYYYMMDD", null);
        } catch (ClmException e) {
          throw new BadDataException(name + " line " + number + ": customer: " + e.getMessage(), null);
        }
      }
    }
    return days;
  }

  private void printReport(
      ClvAnalysis analysis, List<Fit> fits, FittedModel<GammaGamma> spend, String spendFailure, Fit best,
      LocalDate calibrationEnd, LocalDate holdoutEnd, int periodDays) {
    out.printf(Locale.ROOT, "Customer-base analysis: %d customers, calibration to %s, hold-out to %s, time unit %d days\n\n",
        analysis.customers(), calibrationEnd, holdoutEnd, periodDays);
    out.println("Purchase models (parameter ± standard error):");
    for (Fit f : fits) {
      if (f.fitted == null) {
        out.printf(Locale.ROOT, "  %-11s not fitted: %s\n", f.name, f.failure);
        continue;
      }
      out.printf(Locale.ROOT, "  %-11s LL %.2f  AIC %.2f  %s%s\n", f.name, f.fitted.logLikelihood(), f.fitted.aic(),
          estimates(f.fitted.parameters()), f == best ? "  (lowest AIC)" : "");
    }
    if (spend != null) {
      out.printf(Locale.ROOT, "  %-11s LL %.2f  %s  (%d repeat buyers)\n", "Gamma-Gamma", spend.logLikelihood(), estimates(spend.parameters()), spend.observations());
    } else {
      out.printf(Locale.ROOT, "  %-11s not fitted: %s\n", "Gamma-Gamma", spendFailure == null ? "no repeat buyers" : spendFailure);
    }
    out.println();
    out.printf(Locale.ROOT, "Hold-out check: repeat transactions per customer in the %.1f-unit hold-out, by calibration frequency\n", analysis.holdoutLength());
    StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-6s %9s %9s", "x", "customers", "actual"));
    for (Fit f : fits) {
      if (f.fitted != null) {
        head.append(String.format(Locale.ROOT, " %11s", f.name));
      }
    }
    out.println(head);
    for (int bin = 0; bin <= ClvAnalysis.BINS; bin++) {
      if (analysis.customersIn(bin) == 0) {
        continue;
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-6s %9d %9.3f",
          bin == ClvAnalysis.BINS ? bin + "+" : String.valueOf(bin), analysis.customersIn(bin), analysis.actualMean(bin)));
      for (Fit f : fits) {
        if (f.fitted != null) {
          line.append(String.format(Locale.ROOT, " %11.3f", analysis.predictedMean(f.fitted.model(), bin)));
        }
      }
      out.println(line);
    }
    StringBuilder total = new StringBuilder(String.format(Locale.ROOT, "  %-6s %9d %9d", "total", analysis.customers(), analysis.actualTotal()));
    for (Fit f : fits) {
      if (f.fitted != null) {
        total.append(String.format(Locale.ROOT, " %11.1f", analysis.predictedTotal(f.fitted.model())));
      }
    }
    out.println(total);
    out.println();
  }

  private static String estimates(List<ParameterEstimate> estimates) {
    return estimates.stream()
        .map(e -> String.format(Locale.ROOT, "%s %.4g ± %.2g", e.name(), e.value(), e.standardError()))
        .collect(Collectors.joining(", "));
  }

  private static void writeScores(
      Path file, List<CustomerSummary> summaries, TransactionModel model, FittedModel<GammaGamma> spend, ValueHorizon horizon, double holdoutLength)
      throws IOException {
    LifetimeValue clv = spend == null ? null : new LifetimeValue(model, spend.model());
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("customer_id,x,t_x,T,mean_spend,holdout_transactions,p_alive,expected_holdout_transactions,expected_spend,clv\n");
      for (CustomerSummary s : summaries) {
        PurchaseHistory h = s.history();
        double expectedSpend = clv == null ? Double.NaN : spend.model().expectedSpend(h.frequency(), s.meanSpend());
        double value = clv == null ? Double.NaN : clv.of(h, s.meanSpend(), horizon);
        w.write(String.format(Locale.ROOT, "%s,%d,%.4f,%.4f,%.2f,%d,%.6f,%.6f,%.2f,%.2f\n",
            csv(s.customer().value()), h.frequency(), h.recency(), h.age(), s.meanSpend(), s.holdoutTransactions(),
            model.probabilityAlive(h), model.expectedTransactions(h, holdoutLength), expectedSpend, value));
      }
    }
  }

  private static String csv(String value) {
    return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
