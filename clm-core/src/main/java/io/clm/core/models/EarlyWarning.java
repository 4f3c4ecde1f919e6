package io.clm.core.models;

import io.clm.api.Condition;
import io.clm.api.Metric;
import io.clm.api.model.LifecycleModel;
import io.clm.plugin.support.Thresholds;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The early-warning signals that move an established customer into decline (seed 000: falling
 * volume; seed 002: open urgent or repeated complaints; seed 003: warn before the customer leaves)
 * and the recovery conditions that bring them back. Recovery is built to exclude every warning
 * signal, so a customer never moves back and forth between decline and growth on the same facts:
 * recovery needs no open complaint, activity more recent than the inactivity threshold and a trend
 * that is not falling.
 */
final class EarlyWarning {
  static final String VOLUME_DROP = ".volume-drop";
  static final String INACTIVITY_DAYS = ".inactivity-days";
  static final String OPEN_URGENT_COMPLAINTS = ".open-urgent-complaints";
  static final String OPEN_COMPLAINTS = ".open-complaints";
  static final String RECOVERY_MIN_TREND = "recovery.min-trend";
  static final String RECOVERY_MAX_DAYS = "recovery.max-days-since-transaction";
  static final String RECOVERY_MIN_TRANSACTIONS = "recovery.min-transactions";

  private final double volumeDrop;
  private final double inactivityDays;
  private final double openUrgentComplaints;
  private final double openComplaints;
  private final double recoveryMinTrend;
  private final double recoveryMaxDays;
  private final double recoveryMinTransactions;

  private EarlyWarning(Thresholds t, String prefix) {
    this.volumeDrop = t.fraction(prefix + VOLUME_DROP);
    this.inactivityDays = t.positive(prefix + INACTIVITY_DAYS);
    this.openUrgentComplaints = t.count(prefix + OPEN_URGENT_COMPLAINTS, 1);
    this.openComplaints = t.count(prefix + OPEN_COMPLAINTS, 1);
    this.recoveryMinTrend = t.atLeast(RECOVERY_MIN_TREND, 0);
    this.recoveryMaxDays = t.positive(RECOVERY_MAX_DAYS);
    this.recoveryMinTransactions = t.count(RECOVERY_MIN_TRANSACTIONS, 1);
    t.requireBelow(RECOVERY_MAX_DAYS, prefix + INACTIVITY_DAYS);
  }

  /** Reads and checks the parameters named {@code prefix.*} and {@code recovery.*}. */
  static EarlyWarning read(Thresholds t, String prefix) {
    return new EarlyWarning(t, prefix);
  }

  /** The default parameters, in documentation order. */
  static Map<String, Double> defaults(String prefix) {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put(prefix + VOLUME_DROP, 0.3);
    d.put(prefix + INACTIVITY_DAYS, 90.0);
    d.put(prefix + OPEN_URGENT_COMPLAINTS, 1.0);
    d.put(prefix + OPEN_COMPLAINTS, 2.0);
    d.put(RECOVERY_MIN_TREND, 0.1);
    d.put(RECOVERY_MAX_DAYS, 30.0);
    d.put(RECOVERY_MIN_TRANSACTIONS, 1.0);
    return d;
  }

  /** Open urgent complaints, or several open complaints at once. */
  Condition complaints() {
    return Condition.any(
        Metric.OPEN_URGENT_COMPLAINTS.atLeast(openUrgentComplaints),
        Metric.OPEN_COMPLAINTS.atLeast(openComplaints));
  }

  /** No transaction for the inactivity period. */
  Condition inactivity() {
    return Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(inactivityDays);
  }

  /** Volume of the last trend window fell by the drop or more against the window before. */
  Condition fallingVolume() {
    return Metric.VOLUME_TREND.atMost(-volumeDrop);
  }

  /** Rising volume, recent activity, no open complaint. */
  Condition recovered() {
    return Condition.all(
        Metric.VOLUME_TREND.atLeast(recoveryMinTrend),
        Metric.DAYS_SINCE_LAST_TRANSACTION.atMost(recoveryMaxDays),
        Metric.OPEN_COMPLAINTS.atMost(0));
  }

  /**
   * An accepted complaint resolution, then business again in the decline stage: recent activity, no
   * open complaint, volume not falling (or no trend yet).
   */
  Condition recoveredAfterResolution() {
    return Condition.all(
        Metric.ACCEPTED_RESOLUTIONS.atLeast(1),
        Metric.TRANSACTIONS_IN_STAGE.atLeast(recoveryMinTransactions),
        Metric.DAYS_SINCE_LAST_TRANSACTION.atMost(recoveryMaxDays),
        Metric.OPEN_COMPLAINTS.atMost(0),
        Metric.VOLUME_TREND.above(-volumeDrop).orMissing());
  }

  /**
   * Adds the three warning rules out of {@code from}: {@code from-complaints} at {@code top},
   * {@code from-inactivity} at {@code top - 1}, {@code from-falling-volume} at {@code top - 2}.
   */
  LifecycleModel.Builder addWarnings(LifecycleModel.Builder b, String from, String to, int top) {
    return b.rule(from + "-complaints").from(from).to(to).priority(top).when(complaints())
        .rule(from + "-inactivity").from(from).to(to).priority(top - 1).when(inactivity())
        .rule(from + "-falling-volume").from(from).to(to).priority(top - 2).when(fallingVolume());
  }

  /** The relationship was closed with all debts settled, after the latest transaction. */
  static Condition closed() {
    return Metric.RELATIONSHIP_CLOSED.atLeast(1);
  }
}
