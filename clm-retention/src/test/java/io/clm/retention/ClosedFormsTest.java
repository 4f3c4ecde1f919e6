package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The MBG/NBD's and the Pareto/NBD's predictions against their closed forms, with the published
 * CDNOW estimates: the hypergeometric terms in 60-digit decimal arithmetic ({@link HighPrecision}).
 */
class ClosedFormsTest {

  /** The MBG/NBD estimates on CDNOW in BTYDplus (Platzer's implementation of Batislam et al. 2007). */
  private static final double R = 0.525;
  private static final double ALPHA = 6.183;
  private static final double A = 0.891;
  private static final double B = 1.614;

  /** P(alive) of the MBG/NBD: 1 / (1 + a/(b + x) · ((α + T)/(α + t_x))^(r + x)), also for x = 0. */
  private static double alive(int x, double recency, double age) {
    return 1 / (1 + A / (B + x) * Math.pow((ALPHA + age) / (ALPHA + recency), R + x));
  }

  @Test
  void mbgNbdExpectsTheClosedFormOfBatislamEtAl() {
    // (a + b + x)/(a − 1) · [1 − ((α + T)/(α + T + t))^(r + x) 2F1(r + x, b + x + 1; a + b + x; z)]
    // · P(alive), z = t/(α + T + t).
    MbgNbd m = new MbgNbd(R, ALPHA, A, B);
    double[][] histories = {{2, 30.43, 38.86}, {0, 0, 38.86}, {7, 35, 39}};
    for (double[] h : histories) {
      int x = (int) h[0];
      for (double t : new double[] {1, 39, 78}) {
        double expected = HighPrecision.aliveExpectation(R + x, B + x + 1, A, ALPHA + h[2], t) * alive(x, h[1], h[2]);
        assertThat(m.expectedTransactions(new PurchaseHistory(x, h[1], h[2]), t))
            .as("x = %s, t = %s", x, t)
            .isCloseTo(expected, within(1e-10 * expected));
      }
    }
  }

  @Test
  void aNewMbgNbdCustomerExpectsTheClosedForm() {
    // b/(a − 1) · [1 − (α/(α + t))^r 2F1(r, b + 1; a + b; t/(α + t))]: the alive expectation with
    // c = a + b, times b/(a + b).
    MbgNbd m = new MbgNbd(R, ALPHA, A, B);
    for (double t : new double[] {1, 39, 78}) {
      double expected = B / (A + B) * HighPrecision.aliveExpectation(R, B + 1, A, ALPHA, t);
      assertThat(m.expectedTransactionsOfNewCustomer(t)).as("t = %s", t).isCloseTo(expected, within(1e-10 * expected));
    }
  }

  @Test
  void aNewParetoNbdCustomerExpectsTheClosedFormOfTheNote() {
    // r β / (α (s − 1)) · [1 − (β / (β + t))^(s − 1)] (Fader and Hardie, "A Note on Deriving the
    // Pareto/NBD Model and Related Expressions", 2005, equation 17) with the CDNOW estimates of
    // Fader, Hardie and Lee (2005): r = 0.553, α = 10.578, s = 0.606, β = 11.669.
    ParetoNbd m = new ParetoNbd(0.553, 10.578, 0.606, 11.669);
    for (double t : new double[] {1, 39, 78}) {
      double expected = 0.553 * 11.669 / (10.578 * (0.606 - 1)) * (1 - Math.pow(11.669 / (11.669 + t), 0.606 - 1));
      assertThat(m.expectedTransactionsOfNewCustomer(t)).as("t = %s", t).isCloseTo(expected, within(1e-12 * expected));
    }
  }
}
