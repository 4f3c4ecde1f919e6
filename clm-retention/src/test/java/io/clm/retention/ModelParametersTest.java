package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.ValidationException;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Every parameter of every model must be a positive finite number, and every horizon at least 0
 * and finite (docs/retention.md, "Bad input"): each parameter is checked by name, at 0, below 0 and
 * at infinity.
 */
class ModelParametersTest {

  private static void refused(Executable construct, String message) {
    assertThatThrownBy(construct::execute).isInstanceOf(ValidationException.class).hasMessage(message);
  }

  /** The parameter is refused at 0, at -1, at +∞ and NaN, naming it and the value. */
  private static void positiveFinite(String name, DoubleConsumer construct) {
    for (double bad : new double[] {0, -1, Double.POSITIVE_INFINITY, Double.NaN}) {
      refused(() -> construct.accept(bad), name + " " + bad + " is not a positive finite number");
    }
    // The least positive double is a positive finite number.
    construct.accept(Double.MIN_VALUE);
  }

  @Test
  void everyParameterOfEveryModelIsAPositiveFiniteNumber() {
    positiveFinite("r", v -> new BgNbd(v, 1, 1, 1));
    positiveFinite("alpha", v -> new BgNbd(1, v, 1, 1));
    positiveFinite("a", v -> new BgNbd(1, 1, v, 1));
    positiveFinite("b", v -> new BgNbd(1, 1, 1, v));
    positiveFinite("r", v -> new MbgNbd(v, 1, 1, 1));
    positiveFinite("alpha", v -> new MbgNbd(1, v, 1, 1));
    positiveFinite("a", v -> new MbgNbd(1, 1, v, 1));
    positiveFinite("b", v -> new MbgNbd(1, 1, 1, v));
    positiveFinite("r", v -> new ParetoNbd(v, 1, 1, 1));
    positiveFinite("alpha", v -> new ParetoNbd(1, v, 1, 1));
    positiveFinite("s", v -> new ParetoNbd(1, 1, v, 1));
    positiveFinite("beta", v -> new ParetoNbd(1, 1, 1, v));
    positiveFinite("alpha", v -> new BgBb(v, 1, 1, 1));
    positiveFinite("beta", v -> new BgBb(1, v, 1, 1));
    positiveFinite("gamma", v -> new BgBb(1, 1, v, 1));
    positiveFinite("delta", v -> new BgBb(1, 1, 1, v));
    positiveFinite("alpha", v -> new ShiftedBetaGeometric(v, 1));
    positiveFinite("beta", v -> new ShiftedBetaGeometric(1, v));
    positiveFinite("p", v -> new GammaGamma(v, 2, 1));
    positiveFinite("q", v -> new GammaGamma(1, v, 1));
    positiveFinite("gamma", v -> new GammaGamma(1, 2, v));
  }

  @Test
  void everyTransactionModelRefusesANegativeOrInfiniteHorizonAndExpectsNothingInNone() {
    PurchaseHistory h = new PurchaseHistory(2, 30.43, 38.86);
    for (TransactionModel m : List.<TransactionModel>of(new BgNbd(0.243, 4.414, 0.793, 2.426), new MbgNbd(0.5, 5, 0.8, 2.5), new ParetoNbd(0.55, 10.58, 0.61, 11.67))) {
      String name = m.getClass().getSimpleName();
      refused(() -> m.expectedTransactions(h, -1), "horizon -1.0 is negative or not finite");
      refused(() -> m.expectedTransactionsOfNewCustomer(-1), "horizon -1.0 is negative or not finite");
      refused(() -> m.expectedTransactions(h, Double.POSITIVE_INFINITY), "horizon Infinity is negative or not finite");
      refused(() -> m.expectedTransactionsOfNewCustomer(Double.NaN), "horizon NaN is negative or not finite");
      assertThat(m.expectedTransactions(h, 0)).as(name).isZero();
      assertThat(m.expectedTransactionsOfNewCustomer(0)).as(name).isZero();
    }
  }

  @Test
  void everyTransactionModelNeedsRepeatBuyersToBeFitted() {
    List<PurchaseHistory> onceEach = List.of(new PurchaseHistory(0, 0, 10), new PurchaseHistory(0, 0, 20));
    refused(() -> MbgNbd.fit(onceEach), "mbg/nbd needs repeat buyers: population of 2 customers has no repeat buyers");
    refused(() -> ParetoNbd.fit(onceEach), "pareto/nbd needs repeat buyers: population of 2 customers has no repeat buyers");
  }
}
