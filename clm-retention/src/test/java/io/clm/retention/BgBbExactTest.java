package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * The BG/BB's predictions against exact rational arithmetic, at whole-number parameters where every
 * beta function is a ratio of factorials, B(a, b) = (a − 1)! (b − 1)! / (a + b − 1)!. The expected
 * count is written here without the paper's gamma-function difference: given p and θ, the customer
 * alive at n buys at n + t with probability p (1 − θ)^t, so E = B(α+x+1, β+n−x)/B(α,β) · Σ_{t=1}^{n*}
 * B(γ, δ+n+t)/B(γ,δ) / L, with L the likelihood of the history (equation 5 of the paper).
 */
class BgBbExactTest {

  private static final MathContext MC = new MathContext(60, RoundingMode.HALF_EVEN);

  private static BigInteger factorial(int n) {
    BigInteger f = BigInteger.ONE;
    for (int i = 2; i <= n; i++) {
      f = f.multiply(BigInteger.valueOf(i));
    }
    return f;
  }

  private static BigDecimal beta(int a, int b) {
    return new BigDecimal(factorial(a - 1).multiply(factorial(b - 1))).divide(new BigDecimal(factorial(a + b - 1)), MC);
  }

  private static BigDecimal likelihood(int alpha, int beta, int gamma, int delta, int x, int tx, int n) {
    BigDecimal bab = beta(alpha, beta);
    BigDecimal bgd = beta(gamma, delta);
    BigDecimal l = beta(alpha + x, beta + n - x).divide(bab, MC).multiply(beta(gamma, delta + n).divide(bgd, MC), MC);
    for (int i = 0; i <= n - tx - 1; i++) {
      l = l.add(beta(alpha + x, beta + tx - x + i).divide(bab, MC).multiply(beta(gamma + 1, delta + tx + i).divide(bgd, MC), MC), MC);
    }
    return l;
  }

  private static double expected(int alpha, int beta, int gamma, int delta, int x, int tx, int n, int ahead) {
    BigDecimal alive = BigDecimal.ZERO;
    for (int t = 1; t <= ahead; t++) {
      alive = alive.add(beta(gamma, delta + n + t).divide(beta(gamma, delta), MC), MC);
    }
    return beta(alpha + x + 1, beta + n - x).divide(beta(alpha, beta), MC)
        .multiply(alive, MC)
        .divide(likelihood(alpha, beta, gamma, delta, x, tx, n), MC)
        .doubleValue();
  }

  @Test
  void theExpectedCountIsTheExactOneAlsoWhereTheChurnDistributionIsFarFromItsMean() {
    int[][] models = {
      {2, 3, 1, 4}, // moderate: the paper's form and this one agree
      {1, 1, 2, 5},
      {12, 1, 241, 11}, // γ = 241: Γ(γ + δ)/Γ(1 + δ) overflows a double, each of its terms underflows
      {3, 2, 400, 2},
    };
    int[][] histories = {{0, 0, 6}, {3, 4, 6}, {6, 6, 6}, {9, 11, 11}, {0, 0, 0}};
    for (int[] m : models) {
      BgBb model = new BgBb(m[0], m[1], m[2], m[3]);
      for (int[] h : histories) {
        double exact = expected(m[0], m[1], m[2], m[3], h[0], h[1], h[2], 10);
        double actual = model.expectedTransactions(new OpportunityHistory(h[0], h[1], h[2]), 10);
        assertThat(actual)
            .as("alpha=%d beta=%d gamma=%d delta=%d, x=%d t_x=%d n=%d", m[0], m[1], m[2], m[3], h[0], h[1], h[2])
            .isCloseTo(exact, within(1e-11 * Math.max(1e-300, exact)));
      }
      assertThat(model.expectedTransactionsOfNewCustomer(10))
          .as("new customer, alpha=%d beta=%d gamma=%d delta=%d", m[0], m[1], m[2], m[3])
          .isCloseTo(expected(m[0], m[1], m[2], m[3], 0, 0, 0, 10), within(1e-11 * expected(m[0], m[1], m[2], m[3], 0, 0, 0, 10)));
    }
  }
}
