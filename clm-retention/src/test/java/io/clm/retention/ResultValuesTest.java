package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import org.junit.jupiter.api.Test;

/**
 * The value types of the retention models at the edges of what they accept: intervals and estimates
 * of no spread, levels of 0 and 1, the longest horizon, a repeat buyer whose purchases cost nothing,
 * and what their descriptions show of the customer.
 */
class ResultValuesTest {

  @Test
  void anIntervalMayHaveNoSpreadButMustEncloseItsEstimateAtALevelBetweenZeroAndOne() {
    assertThat(new Interval(2, 0, 2, 2, 0.95).lower()).isEqualTo(2.0);
    assertThat(new Interval(2, 1, 1, 3, 0.5).upper()).isEqualTo(3.0);
    assertThatThrownBy(() -> new Interval(2, -1e-300, 2, 2, 0.95))
        .isInstanceOf(ValidationException.class)
        .hasMessage("estimate 2.0 or standard error -1.0E-300 is not valid");
    assertThatThrownBy(() -> new Interval(2, 1, 2.000001, 3, 0.95))
        .isInstanceOf(ValidationException.class)
        .hasMessage("interval [2.000001, 3.0] does not enclose 2.0");
    assertThatThrownBy(() -> new Interval(2, 1, 1, 1.999999, 0.95))
        .isInstanceOf(ValidationException.class)
        .hasMessage("interval [1.0, 1.999999] does not enclose 2.0");
    assertThatThrownBy(() -> new Interval(2, 1, 1, 3, 0)).isInstanceOf(ValidationException.class).hasMessage("level 0.0 is not strictly between 0 and 1");
    assertThatThrownBy(() -> new Interval(2, 1, 1, 3, 1)).isInstanceOf(ValidationException.class).hasMessage("level 1.0 is not strictly between 0 and 1");
  }

  @Test
  void anEstimateMayHaveNoSpreadButMustEncloseItsValueAtALevelBetweenZeroAndOne() {
    assertThat(new ParameterEstimate("r", 2, 0, 2, 2, 0.95).lower()).isEqualTo(2.0);
    assertThatThrownBy(() -> new ParameterEstimate("r", 2, -1e-300, 2, 2, 0.95))
        .isInstanceOf(ValidationException.class)
        .hasMessage("estimate of r: value 2.0 or standard error -1.0E-300 is not valid");
    assertThatThrownBy(() -> new ParameterEstimate("r", 2, 1, 2.000001, 3, 0.95))
        .isInstanceOf(ValidationException.class)
        .hasMessage("estimate of r: interval [2.000001, 3.0] does not enclose 2.0");
    assertThatThrownBy(() -> new ParameterEstimate("r", 2, 1, 1, 1.999999, 0.95))
        .isInstanceOf(ValidationException.class)
        .hasMessage("estimate of r: interval [1.0, 1.999999] does not enclose 2.0");
    assertThatThrownBy(() -> new ParameterEstimate("r", 2, 1, 1, 3, 0))
        .isInstanceOf(ValidationException.class)
        .hasMessage("level 0.0 is not strictly between 0 and 1");
    assertThatThrownBy(() -> new ParameterEstimate("r", 2, 1, 1, 3, 1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("level 1.0 is not strictly between 0 and 1");
  }

  @Test
  void aHorizonHasOneToTenThousandPeriodsAndALength() {
    assertThat(new ValueHorizon(1, 4.5, 0).length()).isEqualTo(4.5);
    assertThat(new ValueHorizon(10_000, 0.5, 0.01).length()).isEqualTo(5000.0);
    assertThat(new ValueHorizon(12, 52.0 / 12, 0).periods()).isEqualTo(12);
    assertThatThrownBy(() -> new ValueHorizon(10_001, 0.5, 0.01))
        .isInstanceOf(ValidationException.class)
        .hasMessage("periods 10001 is outside 1..10000");
    assertThatThrownBy(() -> new ValueHorizon(1, Double.POSITIVE_INFINITY, 0.01))
        .isInstanceOf(ValidationException.class)
        .hasMessage("periodLength Infinity is not a positive finite number");
    assertThatThrownBy(() -> new ValueHorizon(1, 1, Double.NaN))
        .isInstanceOf(ValidationException.class)
        .hasMessage("discountRate NaN is negative or not finite");
  }

  @Test
  void aRepeatBuyerWhosePurchasesCostNothingHasNoSpendToFit() {
    CustomerId id = CustomerId.of("customer-7");
    assertThat(new CustomerSummary(id, new PurchaseHistory(3, 10, 20), 0, 0).spend()).isEmpty();
    assertThat(new CustomerSummary(id, new PurchaseHistory(0, 0, 20), 0, 0).spend()).isEmpty();
    assertThat(new CustomerSummary(id, new PurchaseHistory(3, 10, 20), 12.5, 2).spend()).contains(new GammaGamma.Spend(3, 12.5));
  }

  @Test
  void descriptionsShowTheMaskedCustomerNeverTheId() {
    CustomerId id = CustomerId.of("customer-7");
    CustomerSummary summary = new CustomerSummary(id, new PurchaseHistory(3, 10, 20), 12.5, 2);
    assertThat(summary.toString())
        .isEqualTo("CustomerSummary[" + id.masked() + ", PurchaseHistory[frequency=3, recency=10.0, age=20.0], meanSpend=12.5, holdoutTransactions=2]")
        .doesNotContain("customer-7");
    CustomerValue value = new CustomerValue(id, 0.75, 1.5, 20, 30);
    assertThat(value.toString()).isEqualTo("CustomerValue[" + id.masked() + ", pAlive=0.75, value=30.0]").doesNotContain("customer-7");
  }
}
