package io.clm.retention;

import java.util.Collection;

/**
 * The log-likelihood of a grouped population under the BG/NBD (shift 0) and the MBG/NBD (shift 1,
 * where a customer may also drop out right after the first purchase: b + x becomes b + x + 1 in the
 * beta terms and the dropout term is present for x = 0 too), with its gradient and Hessian in the
 * natural parameters (r, α, a, b).
 *
 * <p>Per customer the likelihood is {@code ln Γ(r + x) − ln Γ(r) + r ln α + ln B(a, b + x_s) − ln
 * B(a, b) + log(e^A₃ + [x_s > 0] e^A₄)} with {@code A₃ = −(r + x) ln(α + T)} and {@code A₄ = ln a −
 * ln(b + x_s − 1) − (r + x) ln(α + t_x)}. The log-sum-exp has the Hessian {@code w₃ ∇²A₃ + w₄ ∇²A₄ +
 * w₃w₄ (∇A₃ − ∇A₄)(∇A₃ − ∇A₄)ᵀ}, with {@code w₄ = e^A₄ / (e^A₃ + e^A₄)} and {@code w₃ = 1 − w₄}.
 *
 * <p>What one evaluation costs: the gamma-function terms depend on the frequency alone and are
 * evaluated once per distinct frequency, stepping up the frequencies by the recurrences {@code ln
 * Γ(z + 1) = ln Γ(z) + ln z}, {@code ψ(z + 1) = ψ(z) + 1/z} and {@code ψ′(z + 1) = ψ′(z) − 1/z²};
 * the logarithms and reciprocals of α + T and α + t_x once per distinct age and recency; per group
 * of identical histories one exponential and one logarithm. Nothing is allocated. An instance keeps
 * scratch space and is confined to one fit.
 */
final class BetaGeometricLikelihood {

  /** Frequency gaps up to this are bridged by the recurrences; wider ones are evaluated directly. */
  private static final int MAX_STEPS = 16;

  private final GroupedHistories data;
  private final int shift;
  private final double[] logAge;
  private final double[] logRecency;
  private final double[] inverseAge;
  private final double[] inverseRecency;
  private final double[] logDenominator;
  private final double[] inverseDenominator;
  private final Ladder rx = new Ladder();
  private final Ladder bx = new Ladder();
  private final Ladder abx = new Ladder();

  BetaGeometricLikelihood(GroupedHistories data, int shift) {
    this.data = data;
    this.shift = shift;
    logAge = new double[data.ages.length];
    logRecency = new double[data.recencies.length];
    inverseAge = new double[data.ages.length];
    inverseRecency = new double[data.recencies.length];
    logDenominator = new double[data.distinctX.length];
    inverseDenominator = new double[data.distinctX.length];
  }

  BetaGeometricLikelihood(Collection<PurchaseHistory> histories) {
    this(new GroupedHistories(histories), 0);
  }

  double at(double r, double alpha, double a, double b) {
    return at(r, alpha, a, b, null, null);
  }

  double at(double r, double alpha, double a, double b, double[] gradient) {
    return at(r, alpha, a, b, gradient, null);
  }

  /**
   * The log-likelihood; if {@code gradient} is not null it receives the partial derivatives with
   * respect to r, α, a and b, and if {@code hessian} is not null (then {@code gradient} must not be
   * null either) the second derivatives, in the same order.
   */
  double at(double r, double alpha, double a, double b, double[] gradient, double[][] hessian) {
    boolean wantGradient = gradient != null;
    boolean wantHessian = hessian != null;
    double n = data.observations;
    double logAlpha = Math.log(alpha);
    rx.start(r, wantGradient, wantHessian);
    bx.start(b + shift, wantGradient, wantHessian);
    abx.start(a + b + shift, wantGradient, wantHessian);
    double lnGammaR = rx.lnGamma;
    double psiR = rx.digamma;
    double lnGammaAB = shift == 0 ? abx.lnGamma : SpecialFunctions.lnGamma(a + b);
    double lnGammaB = shift == 0 ? bx.lnGamma : SpecialFunctions.lnGamma(b);
    double psiAB = 0;
    double psiB = 0;
    double trigammaAB = 0;
    double trigammaB = 0;
    if (wantGradient) {
      psiAB = shift == 0 ? abx.digamma : SpecialFunctions.digamma(a + b);
      psiB = shift == 0 ? bx.digamma : SpecialFunctions.digamma(b);
    }
    if (wantHessian) {
      trigammaAB = shift == 0 ? abx.trigamma : SpecialFunctions.trigamma(a + b);
      trigammaB = shift == 0 ? bx.trigamma : SpecialFunctions.trigamma(b);
    }
    double ll = n * (r * logAlpha - lnGammaR);
    double gr = n * (logAlpha - psiR);
    double galpha = n * r / alpha;
    double ga = 0;
    double gb = 0;
    double hrr = -n * rx.trigamma;
    double hra = n / alpha;
    double haa = -n * r / (alpha * alpha);
    double hAA = 0;
    double hbb = 0;
    for (int k = 0; k < data.distinctX.length; k++) {
      int xk = data.distinctX[k];
      double w = data.distinctXWeight[k];
      int xs = xk + shift;
      rx.moveTo(r, xk);
      bx.moveTo(b + shift, xk);
      abx.moveTo(a + b + shift, xk);
      ll += w * (rx.lnGamma + lnGammaAB + bx.lnGamma - lnGammaB - abx.lnGamma);
      if (wantGradient) {
        gr += w * rx.digamma;
        if (xs > 0) {
          ga += w * (psiAB - abx.digamma);
          gb += w * (psiAB + bx.digamma - psiB - abx.digamma);
        }
      }
      if (wantHessian) {
        hrr += w * rx.trigamma;
        if (xs > 0) {
          hAA += w * (trigammaAB - abx.trigamma);
          hbb += w * (trigammaAB + bx.trigamma - trigammaB - abx.trigamma);
        }
      }
      logDenominator[k] = xs > 0 ? Math.log(b + xs - 1) : 0;
      inverseDenominator[k] = xs > 0 ? 1 / (b + xs - 1) : 0;
    }
    // The beta terms' Hessian: ∂²/∂a² = ∂²/∂a∂b = hAA; ∂²/∂b² = hbb (so far).
    double hab = hAA;
    for (int j = 0; j < data.ages.length; j++) {
      inverseAge[j] = 1 / (alpha + data.ages[j]);
      logAge[j] = Math.log(alpha + data.ages[j]);
    }
    for (int j = 0; j < data.recencies.length; j++) {
      inverseRecency[j] = 1 / (alpha + data.recencies[j]);
      logRecency[j] = Math.log(alpha + data.recencies[j]);
    }
    double logA = Math.log(a);
    double inverseA = 1 / a;
    int[] x = data.x;
    double[] weight = data.weight;
    int[] xIndex = data.xIndex;
    int[] ageIndex = data.ageIndex;
    int[] recencyIndex = data.recencyIndex;
    // Σ w·w₄ (for ∂a and ∂²a) and the outer-product sums of w·w₃w₄·D with D = ∇A₃ − ∇A₄, whose
    // a-component −1/a is factored out.
    double sumW4 = 0;
    double drr = 0;
    double dra = 0;
    double drA = 0;
    double drb = 0;
    double daa = 0;
    double daA = 0;
    double dab = 0;
    double dAA = 0;
    double dAb = 0;
    double dbb = 0;
    for (int i = 0; i < x.length; i++) {
      int xi = x[i];
      double rxi = r + xi;
      double wi = weight[i];
      int ai = ageIndex[i];
      double la = logAge[ai];
      double ia = inverseAge[ai];
      double a3 = -rxi * la;
      if (xi + shift == 0) {
        ll += wi * a3;
        if (wantGradient) {
          gr -= wi * la;
          galpha -= wi * rxi * ia;
        }
        if (wantHessian) {
          hra -= wi * ia;
          haa += wi * rxi * ia * ia;
        }
        continue;
      }
      int ri = recencyIndex[i];
      int k = xIndex[i];
      double lr = logRecency[ri];
      double ir = inverseRecency[ri];
      double a4 = logA - logDenominator[k] - rxi * lr;
      // log(e^a3 + e^a4) and w₄ = e^a4 / (e^a3 + e^a4); log(1 + e) for e in (0, 1] loses nothing
      // that matters beside the term's magnitude.
      double w4;
      double term;
      if (a3 > a4) {
        double e = Math.exp(a4 - a3);
        double onePlus = 1 + e;
        term = a3 + Math.log(onePlus);
        w4 = e / onePlus;
      } else {
        double e = Math.exp(a3 - a4);
        double onePlus = 1 + e;
        term = a4 + Math.log(onePlus);
        w4 = 1 / onePlus;
      }
      ll += wi * term;
      if (!wantGradient) {
        continue;
      }
      double w3 = 1 - w4;
      double inverseDen = inverseDenominator[k];
      double ww4 = wi * w4;
      double mixedInverse = w3 * ia + w4 * ir;
      gr -= wi * (w3 * la + w4 * lr);
      galpha -= wi * rxi * mixedInverse;
      sumW4 += ww4;
      gb -= ww4 * inverseDen;
      if (wantHessian) {
        hra -= wi * mixedInverse;
        haa += wi * rxi * (w3 * ia * ia + w4 * ir * ir);
        hbb += ww4 * inverseDen * inverseDen;
        double v = ww4 * w3;
        double dr = lr - la;
        double dalpha = rxi * (ir - ia);
        double vdr = v * dr;
        double vda = v * dalpha;
        drr += vdr * dr;
        dra += vdr * dalpha;
        drA += vdr;
        drb += vdr * inverseDen;
        daa += vda * dalpha;
        daA += vda;
        dab += vda * inverseDen;
        dAA += v;
        dAb += v * inverseDen;
        dbb += v * inverseDen * inverseDen;
      }
    }
    if (wantGradient) {
      gradient[0] = gr;
      gradient[1] = galpha;
      gradient[2] = ga + sumW4 * inverseA;
      gradient[3] = gb;
    }
    if (wantHessian) {
      double inverseA2 = inverseA * inverseA;
      double[][] h = hessian;
      h[0][0] = hrr + drr;
      h[0][1] = hra + dra;
      h[0][2] = -drA * inverseA;
      h[0][3] = drb;
      h[1][1] = haa + daa;
      h[1][2] = -daA * inverseA;
      h[1][3] = dab;
      h[2][2] = hAA - sumW4 * inverseA2 + dAA * inverseA2;
      h[2][3] = hab - dAb * inverseA;
      h[3][3] = hbb + dbb;
      for (int i = 0; i < 4; i++) {
        for (int j = 0; j < i; j++) {
          h[i][j] = h[j][i];
        }
      }
    }
    return ll;
  }

  /**
   * ln Γ, ψ and ψ′ at z₀ + x for increasing x, stepped by their recurrences while the steps are
   * short.
   */
  private static final class Ladder {
    private double z;
    private int offset;
    private boolean digammas;
    private boolean trigammas;
    double lnGamma;
    double digamma;
    double trigamma;

    void start(double z0, boolean wantDigamma, boolean wantTrigamma) {
      digammas = wantDigamma;
      trigammas = wantTrigamma;
      evaluate(z0, 0);
    }

    void moveTo(double z0, int x) {
      if (x == offset) {
        return;
      }
      if (x < offset || x - offset > MAX_STEPS) {
        evaluate(z0, x);
        return;
      }
      while (offset < x) {
        lnGamma += Math.log(z);
        if (digammas) {
          digamma += 1 / z;
        }
        if (trigammas) {
          trigamma -= 1 / (z * z);
        }
        z += 1;
        offset++;
      }
    }

    private void evaluate(double z0, int x) {
      z = z0 + x;
      offset = x;
      lnGamma = SpecialFunctions.lnGamma(z);
      digamma = digammas ? SpecialFunctions.digamma(z) : 0;
      trigamma = trigammas ? SpecialFunctions.trigamma(z) : 0;
    }
  }
}
