package io.clm.cli;

import io.clm.api.CustomerId;
import io.clm.retention.CustomerSummary;
import io.clm.retention.PurchaseHistory;
import io.clm.retention.TransactionModel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers behind {@code clm clv}'s report: the hold-out check by calibration frequency and the
 * cumulative tracking of repeat transactions per period, actual and predicted.
 */
final class ClvAnalysis {

  /** Frequencies 0 … BINS − 1 get their own row; BINS and above share the last. */
  static final int BINS = 7;

  private final List<CustomerSummary> summaries;
  private final double holdoutLength;
  private final int[] bin;
  private final int[] customersIn = new int[BINS + 1];
  private final double[] actualIn = new double[BINS + 1];
  private final Map<TransactionModel, double[]> predicted = new IdentityHashMap<>();
  /** Repeat transactions per period since the earliest first purchase, and the periods' count. */
  private final double[] actualPerPeriod;
  private final int calibrationPeriods;
  /** Customers by first-purchase offset from the earliest first purchase, in model units. */
  private final TreeMap<Double, Integer> cohorts = new TreeMap<>();

  ClvAnalysis(
      List<CustomerSummary> summaries,
      Map<CustomerId, TreeMap<LocalDate, BigDecimal>> days,
      LocalDate calibrationEnd,
      LocalDate holdoutEnd,
      int periodDays,
      double holdoutLength) {
    this.summaries = summaries;
    this.holdoutLength = holdoutLength;
    bin = new int[summaries.size()];
    for (int i = 0; i < summaries.size(); i++) {
      CustomerSummary s = summaries.get(i);
      bin[i] = Math.min(BINS, s.history().frequency());
      customersIn[bin[i]]++;
      actualIn[bin[i]] += s.holdoutTransactions();
    }
    LocalDate start = LocalDate.MAX;
    for (CustomerSummary s : summaries) {
      LocalDate first = days.get(s.customer()).firstKey();
      start = first.isBefore(start) ? first : start;
    }
    int periods = (int) Math.ceil(ChronoUnit.DAYS.between(start, holdoutEnd) / (double) periodDays);
    calibrationPeriods = (int) Math.ceil(ChronoUnit.DAYS.between(start, calibrationEnd) / (double) periodDays);
    actualPerPeriod = new double[Math.max(1, periods)];
    for (CustomerSummary s : summaries) {
      TreeMap<LocalDate, BigDecimal> byDay = days.get(s.customer());
      LocalDate first = byDay.firstKey();
      cohorts.merge(ChronoUnit.DAYS.between(start, first) / (double) periodDays, 1, Integer::sum);
      for (LocalDate day : byDay.keySet()) {
        if (day.isAfter(first) && !day.isAfter(holdoutEnd)) {
          int period = (int) Math.min(actualPerPeriod.length - 1, ChronoUnit.DAYS.between(start, day) / periodDays);
          actualPerPeriod[period]++;
        }
      }
    }
  }

  int customers() {
    return summaries.size();
  }

  double holdoutLength() {
    return holdoutLength;
  }

  int customersIn(int b) {
    return customersIn[b];
  }

  double actualMean(int b) {
    return customersIn[b] == 0 ? 0 : actualIn[b] / customersIn[b];
  }

  long actualTotal() {
    long total = 0;
    for (CustomerSummary s : summaries) {
      total += s.holdoutTransactions();
    }
    return total;
  }

  private double[] predictions(TransactionModel model) {
    return predicted.computeIfAbsent(model, m -> {
      double[] p = new double[summaries.size()];
      for (int i = 0; i < p.length; i++) {
        PurchaseHistory h = summaries.get(i).history();
        p[i] = m.expectedTransactions(h, holdoutLength);
      }
      return p;
    });
  }

  double predictedMean(TransactionModel model, int b) {
    double[] p = predictions(model);
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      if (bin[i] == b) {
        sum += p[i];
      }
    }
    return customersIn[b] == 0 ? 0 : sum / customersIn[b];
  }

  double predictedTotal(TransactionModel model) {
    double sum = 0;
    for (double v : predictions(model)) {
      sum += v;
    }
    return sum;
  }

  int periods() {
    return actualPerPeriod.length;
  }

  int calibrationPeriods() {
    return calibrationPeriods;
  }

  /** Cumulative actual repeat transactions at the end of each period. */
  double[] actualCumulative() {
    double[] out = new double[actualPerPeriod.length];
    double sum = 0;
    for (int i = 0; i < out.length; i++) {
      sum += actualPerPeriod[i];
      out[i] = sum;
    }
    return out;
  }

  /** Cumulative expected repeat transactions at the end of each period: Σ over cohorts of E[X(t − s)]. */
  double[] predictedCumulative(TransactionModel model) {
    double[] out = new double[actualPerPeriod.length];
    for (int i = 0; i < out.length; i++) {
      double t = i + 1;
      double sum = 0;
      for (Map.Entry<Double, Integer> cohort : cohorts.entrySet()) {
        double age = t - cohort.getKey();
        if (age > 0) {
          sum += cohort.getValue() * model.expectedTransactionsOfNewCustomer(age);
        }
      }
      out[i] = sum;
    }
    return out;
  }

  /** P(alive) of every customer under the model. */
  double[] probabilitiesAlive(TransactionModel model) {
    double[] out = new double[summaries.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = model.probabilityAlive(summaries.get(i).history());
    }
    return out;
  }
}
