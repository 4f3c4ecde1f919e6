package io.clm.benchmarks.segmentation;

import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.segmentation.Population;
import java.time.Instant;
import java.util.SplittableRandom;

/**
 * A synthetic bank portfolio in columns, for the segmentation benchmarks: recency, frequency,
 * volume, profit (heavy-tailed, some customers without it), credit score and the loyalty
 * indicators, about 10 % prospects without transactions.
 */
final class Portfolio {
  static final Instant AS_OF = Instant.parse("2026-01-01T00:00:00Z");

  private Portfolio() {}

  static Population of(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    CustomerId[] ids = new CustomerId[n];
    double[] recency = new double[n];
    double[] count = new double[n];
    double[] volume = new double[n];
    double[] profit = new double[n];
    double[] credit = new double[n];
    double[] held = new double[n];
    double[] closed = new double[n];
    double[] competitor = new double[n];
    double[] price = new double[n];
    double[] decision = new double[n];
    double[] tolerance = new double[n];
    for (int i = 0; i < n; i++) {
      ids[i] = CustomerId.of("customer-" + i);
      boolean prospect = r.nextInt(10) == 0;
      recency[i] = prospect ? Double.NaN : Math.floor(r.nextDouble() * r.nextDouble() * 730);
      count[i] = prospect ? 0 : 1 + r.nextInt(1 + r.nextInt(200));
      volume[i] = prospect ? 0 : Math.round(count[i] * Math.exp(r.nextDouble() * 8)) / 100.0;
      profit[i] = r.nextInt(20) == 0 ? Double.NaN : Math.round(Math.exp(r.nextDouble() * 12) - 2_000);
      credit[i] = r.nextInt(25) == 0 ? Double.NaN : r.nextInt(1001);
      held[i] = prospect ? 0 : 1 + r.nextInt(5);
      closed[i] = prospect ? 0 : r.nextInt(2);
      competitor[i] = r.nextInt(11) / 10.0;
      price[i] = r.nextInt(11) / 10.0;
      decision[i] = r.nextInt(60);
      tolerance[i] = r.nextInt(11) / 10.0;
    }
    return Population.builder(AS_OF, ids)
        .metric(Metric.DAYS_SINCE_LAST_TRANSACTION, recency)
        .metric(Metric.TRANSACTION_COUNT, count)
        .metric(Metric.TRANSACTION_VOLUME, volume)
        .metric(Metric.PROFIT, profit)
        .metric(Metric.CREDIT_SCORE, credit)
        .metric(Metric.PRODUCTS_HELD, held)
        .metric(Metric.PRODUCTS_CLOSED, closed)
        .metric(Metric.COMPETITOR_ATTENTION, competitor)
        .metric(Metric.PRICE_SENSITIVITY, price)
        .metric(Metric.DECISION_TIME_DAYS, decision)
        .metric(Metric.INCIDENT_TOLERANCE, tolerance)
        .build();
  }
}
