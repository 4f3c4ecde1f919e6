package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BG/NBD and MBG/NBD log-likelihoods against their textbook product form, with frequencies close
 * together (the gamma-function terms step from one to the next) and far apart (they are evaluated
 * afresh).
 */
class BetaGeometricLikelihoodTest {

  /** Frequencies 0, 1, 2 and 12 step; 12 to 40 and 41 to 70 are gaps of more than 16, 40 to 41 steps. */
  private static final List<PurchaseHistory> HISTORIES =
      List.of(
          new PurchaseHistory(0, 0, 38.86),
          new PurchaseHistory(0, 0, 30),
          new PurchaseHistory(1, 1.71, 38.86),
          new PurchaseHistory(2, 30.43, 38.86),
          new PurchaseHistory(2, 30.43, 38.86),
          new PurchaseHistory(12, 36.5, 37),
          new PurchaseHistory(40, 36, 38),
          new PurchaseHistory(41, 37.5, 38),
          new PurchaseHistory(70, 38, 38.5));

  /**
   * One customer's likelihood with {@code shift} extra dropout opportunities (0 for the BG/NBD of
   * Fader, Hardie and Lee 2005, equation 6; 1 for the MBG/NBD of Batislam et al. 2007):
   *
   * <pre>
   * Γ(r + x)/Γ(r) · α^r · B(a, b + x + s)/B(a, b) · [(α + T)^−(r+x) + [x + s > 0] a/(b + x + s − 1) · (α + t_x)^−(r+x)]
   * </pre>
   *
   * with the gamma and beta ratios as finite products: Γ(r + x)/Γ(r) = Π_{i<x} (r + i) and B(a, b +
   * n)/B(a, b) = Π_{i<n} (b + i)/(a + b + i).
   */
  private static double likelihood(PurchaseHistory h, int shift, double r, double alpha, double a, double b) {
    int x = h.frequency();
    double gammaRatio = 1;
    for (int i = 0; i < x; i++) {
      gammaRatio *= r + i;
    }
    double betaRatio = 1;
    for (int i = 0; i < x + shift; i++) {
      betaRatio *= (b + i) / (a + b + i);
    }
    double alive = Math.pow(alpha + h.age(), -(r + x));
    double dropped = x + shift > 0 ? a / (b + x + shift - 1) * Math.pow(alpha + h.recency(), -(r + x)) : 0;
    return gammaRatio * Math.pow(alpha, r) * betaRatio * (alive + dropped);
  }

  private static double logLikelihood(int shift, double r, double alpha, double a, double b) {
    double sum = 0;
    for (PurchaseHistory h : HISTORIES) {
      sum += Math.log(likelihood(h, shift, r, alpha, a, b));
    }
    return sum;
  }

  @Test
  void theBgNbdLikelihoodIsTheProductFormOfFaderHardieAndLee() {
    // The CDNOW estimates of Fader, Hardie and Lee (2005): r = 0.243, α = 4.414, a = 0.793, b = 2.426.
    double expected = logLikelihood(0, 0.243, 4.414, 0.793, 2.426);
    BetaGeometricLikelihood l = new BetaGeometricLikelihood(new GroupedHistories(HISTORIES), 0);
    assertThat(l.at(0.243, 4.414, 0.793, 2.426)).isCloseTo(expected, within(1e-10 * Math.abs(expected)));
    assertThat(new BgNbd(0.243, 4.414, 0.793, 2.426).logLikelihood(HISTORIES)).isCloseTo(expected, within(1e-10 * Math.abs(expected)));
  }

  @Test
  void theMbgNbdLikelihoodIsTheProductFormOfBatislamEtAl() {
    // The CDNOW estimates in BTYDplus: r = 0.525, α = 6.183, a = 0.891, b = 1.614.
    double expected = logLikelihood(1, 0.525, 6.183, 0.891, 1.614);
    BetaGeometricLikelihood l = new BetaGeometricLikelihood(new GroupedHistories(HISTORIES), 1);
    assertThat(l.at(0.525, 6.183, 0.891, 1.614)).isCloseTo(expected, within(1e-10 * Math.abs(expected)));
    assertThat(new MbgNbd(0.525, 6.183, 0.891, 1.614).logLikelihood(HISTORIES)).isCloseTo(expected, within(1e-10 * Math.abs(expected)));
  }

  @Test
  void theLikelihoodIsTheSameWithItsGradientAndHessian() {
    for (int shift = 0; shift <= 1; shift++) {
      double expected = logLikelihood(shift, 1.7, 0.6, 2.5, 0.4);
      BetaGeometricLikelihood l = new BetaGeometricLikelihood(new GroupedHistories(HISTORIES), shift);
      assertThat(l.at(1.7, 0.6, 2.5, 0.4, new double[4])).as("shift %d", shift).isCloseTo(expected, within(1e-10 * Math.abs(expected)));
      assertThat(l.at(1.7, 0.6, 2.5, 0.4, new double[4], new double[4][4])).as("shift %d", shift).isCloseTo(expected, within(1e-10 * Math.abs(expected)));
    }
  }

  @Test
  void aDropoutTermFarBelowTheOtherAddsNothingInsteadOfOverflowing() {
    // With a this small, e^A₄ is below e^A₃ by a factor beyond the range of a double, so the sum is e^A₃.
    for (int shift = 0; shift <= 1; shift++) {
      double expected = logLikelihood(shift, 0.243, 4.414, 1e-320, 10);
      BetaGeometricLikelihood l = new BetaGeometricLikelihood(new GroupedHistories(HISTORIES), shift);
      assertThat(l.at(0.243, 4.414, 1e-320, 10)).as("shift %d", shift).isCloseTo(expected, within(1e-10 * Math.abs(expected)));
    }
  }
}
