package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.ValidationException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PurchaseLogTest {

  private static final LocalDate END = LocalDate.of(1997, 9, 30);
  private static final Duration WEEK = Duration.ofDays(7);

  @Test
  void sameDayPurchasesAreOneTransactionAndTheFirstIsNotARepeat() {
    PurchaseLog log = new PurchaseLog(Money.currency("USD"));
    CustomerId c = CustomerId.of("1");
    log.add(c, LocalDate.of(1997, 1, 1), Money.of("10.00", "USD"))
        .add(c, LocalDate.of(1997, 1, 15), Money.of("5.00", "USD"))
        .add(c, LocalDate.of(1997, 1, 15), Money.of("7.00", "USD"))
        .add(c, LocalDate.of(1997, 1, 29), Money.of("20.00", "USD"))
        .add(c, LocalDate.of(1997, 12, 1), Money.of("1.00", "USD"))
        .add(c, LocalDate.of(1998, 12, 1), Money.of("1.00", "USD"));
    CustomerSummary s = log.summarise(END, LocalDate.of(1998, 6, 30), WEEK).get(0);
    assertThat(s.history()).isEqualTo(new PurchaseHistory(2, 4.0, 272 / 7.0));
    assertThat(s.meanSpend()).isCloseTo(16.0, within(1e-12));
    assertThat(s.holdoutTransactions()).isEqualTo(1);
  }

  @Test
  void bothEndsAreInclusiveAndPurchasesAfterTheHoldoutAreLeftOut() {
    PurchaseLog log = new PurchaseLog(Money.currency("USD"));
    CustomerId c = CustomerId.of("1");
    log.add(c, LocalDate.of(1997, 9, 2), Money.of("10.00", "USD"))
        .add(c, END, Money.of("6.00", "USD"))
        .add(c, LocalDate.of(1997, 10, 1), Money.of("1.00", "USD"))
        .add(c, LocalDate.of(1998, 6, 30), Money.of("1.00", "USD"))
        .add(c, LocalDate.of(1998, 7, 1), Money.of("1.00", "USD"))
        .add(c, LocalDate.of(1998, 8, 1), Money.of("1.00", "USD"))
        .add(c, LocalDate.of(1998, 9, 1), Money.of("1.00", "USD"));
    CustomerSummary s = log.summarise(END, LocalDate.of(1998, 6, 30), WEEK).get(0);
    // The purchase on the last day of calibration is a repeat 28 days (4 weeks) after the first.
    assertThat(s.history()).isEqualTo(new PurchaseHistory(1, 4.0, 4.0));
    assertThat(s.meanSpend()).isCloseTo(6.0, within(1e-12));
    // 1 October and the last day of the holdout count; July, August and September 1998 do not.
    assertThat(s.holdoutTransactions()).isEqualTo(2);
  }

  @Test
  void customersAcquiredAfterCalibrationAreLeftOut() {
    PurchaseLog log = new PurchaseLog(Money.currency("USD"));
    log.add(CustomerId.of("1"), LocalDate.of(1997, 1, 1), Money.of("10.00", "USD"));
    log.add(CustomerId.of("2"), LocalDate.of(1997, 10, 1), Money.of("10.00", "USD"));
    List<CustomerSummary> s = log.summarise(END, END, WEEK);
    assertThat(s).extracting(CustomerSummary::customer).containsExactly(CustomerId.of("1"));
  }

  @Test
  void badInputIsRejected() {
    PurchaseLog log = new PurchaseLog(Money.currency("USD"));
    assertThatThrownBy(() -> log.add(CustomerId.of("1"), END, Money.of("-1.00", "USD")))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("amount -1.00 USD is negative for customer #");
    assertThatThrownBy(() -> log.add(CustomerId.of("1"), END, Money.of("1.00", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(CustomerId.of("1").masked())
        .hasMessageContaining("amount")
        .hasMessage("amount 1.00 EUR for customer " + CustomerId.of("1").masked() + " is not in the log's currency USD");
    assertThatThrownBy(() -> log.summarise(END, END, WEEK))
        .isInstanceOf(ValidationException.class)
        .hasMessage("population is empty: no customer bought on or before 1997-09-30");
    assertThatThrownBy(() -> log.summarise(END, END.minusDays(1), WEEK))
        .isInstanceOf(ValidationException.class)
        .hasMessage("holdoutEnd 1997-09-29 is before calibrationEnd 1997-09-30");
    assertThatThrownBy(() -> log.summarise(END, END, Duration.ofHours(36)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("timeUnit PT36H is not a positive whole number of days");
  }
}
