package io.clm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyAndIdsTest {

  @Test
  void moneyIsNormalisedToTheCurrencysDigitsAndExact() {
    Money m = Money.of("12.5", "EUR");
    assertThat(m.amount()).isEqualTo(new BigDecimal("12.50"));
    assertThat(m.minorUnits()).isEqualTo(1250);
    assertThat(m).isEqualTo(Money.ofMinor(1250, Money.currency("EUR")));
    assertThat(Money.of("100", "JPY").minorUnits()).isEqualTo(100);
    assertThat(m.plus(Money.of("0.50", "EUR"))).isEqualTo(Money.of("13.00", "EUR"));
    assertThat(m.toString()).isEqualTo("12.50 EUR");
  }

  @Test
  void moneyRejectsWhatItCannotHoldExactly() {
    assertThatThrownBy(() -> Money.of("1.234", "EUR"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount 1.234 has more fraction digits than EUR allows (2)");
    assertThatThrownBy(() -> Money.of("12,50", "EUR"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount '12,50' is not a decimal number (digits, optionally '.' and more digits, no exponent)");
    assertThatThrownBy(() -> Money.of("1", "EURO"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("currency 'EURO' is not an ISO 4217 code");
    assertThatThrownBy(() -> Money.of("1", "XXX"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("currency XXX has no fraction digits and is not accepted");
    assertThatThrownBy(() -> Money.of("99999999999999999", "EUR"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount 99999999999999999.00 is too large");
    assertThatThrownBy(() -> Money.of("99999999999999999999", "EUR"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount '99999999999999999999' has more than 18 digits before the decimal separator");
    assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("currency USD does not match EUR");
  }

  @Test
  void customerIdsNeverShowThemselvesInToString() {
    CustomerId id = CustomerId.of("CN-110105-1985");
    assertThat(id.toString()).doesNotContain("110105").matches("CustomerId\\[#[0-9a-f]{32}]");
    assertThat(id.masked()).isEqualTo(CustomerId.of("CN-110105-1985").masked());
    assertThat(id.masked()).isNotEqualTo(CustomerId.of("CN-110105-1986").masked());
    assertThat(id.masked()).isEqualTo(CustomerIdMask.process().mask(id));
  }

  @Test
  void customerIdsAreValidated() {
    assertThatThrownBy(() -> CustomerId.of(" "))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("customer id is blank");
    assertThatThrownBy(() -> CustomerId.of("x".repeat(129)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("customer id has 129 characters, more than 128");
    assertThatThrownBy(() -> CustomerId.of("ab\ncd"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("customer id contains a control character at 2");
    assertThatThrownBy(() -> CustomerId.of(null)).isInstanceOf(NullPointerException.class);
  }
}
