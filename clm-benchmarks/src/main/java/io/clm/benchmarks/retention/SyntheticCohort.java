package io.clm.benchmarks.retention;

import io.clm.api.CustomerId;
import io.clm.retention.BgNbd;
import io.clm.retention.CustomerSummary;
import io.clm.retention.GammaGamma;
import io.clm.retention.PurchaseHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A CDNOW-like cohort simulated from the BG/NBD and Gamma-Gamma models themselves: customers
 * acquired uniformly over the first 12 weeks, observed to the end of week 39, purchase days rounded
 * to whole days, times in weeks. Deterministic for a seed.
 */
final class SyntheticCohort {

  private SyntheticCohort() {}

  static List<CustomerSummary> generate(int customers, long seed, BgNbd bg, GammaGamma gg) {
    SplittableRandom random = new SplittableRandom(seed);
    List<CustomerSummary> out = new ArrayList<>(customers);
    int calibrationDays = 272;
    for (int i = 0; i < customers; i++) {
      int firstDay = random.nextInt(84);
      double lambda = gamma(random, bg.r()) / bg.alpha();
      double g1 = gamma(random, bg.a());
      double p = g1 / (g1 + gamma(random, bg.b()));
      double t = 0;
      int x = 0;
      int lastDay = firstDay;
      int horizon = calibrationDays - firstDay;
      while (true) {
        t += -Math.log(1 - random.nextDouble()) / lambda;
        int day = (int) Math.floor(t * 7);
        if (day > horizon) {
          break;
        }
        if (day + firstDay > lastDay) {
          x++;
          lastDay = day + firstDay;
        }
        if (random.nextDouble() < p) {
          break;
        }
      }
      double meanSpend = 0;
      if (x > 0) {
        double nu = gamma(random, gg.q()) / gg.gamma();
        meanSpend = Math.max(0.01, gamma(random, gg.p() * x) / (nu * x));
      }
      PurchaseHistory h =
          new PurchaseHistory(x, x == 0 ? 0 : (lastDay - firstDay) / 7.0, (calibrationDays - firstDay) / 7.0);
      out.add(new CustomerSummary(CustomerId.of("s" + i), h, meanSpend, 0));
    }
    return out;
  }

  /** Gamma(shape, 1) by Marsaglia and Tsang, boosted for shape below 1. */
  static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      return gamma(random, shape + 1) * Math.pow(random.nextDouble(), 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = normal(random);
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double normal(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
