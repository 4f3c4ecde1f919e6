package io.clm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ManualMove;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Input an attacker or a careless upstream system sends: refused at once, with a short message. */
class BoundedInputTest {
  private static final CustomerId C = CustomerId.of("C-1");
  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
  private static final int SHORT_MESSAGE = 200;

  @Test
  void exponentsAreRefusedBeforeAnyBigNumberArithmetic() {
    assertThatThrownBy(() -> Money.of("1e999999999", "EUR"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount '1e999999999' is not a decimal number (digits, optionally '.' and more digits, no exponent)");
    assertThatThrownBy(() -> new Money(new BigDecimal("1e999999999"), Money.currency("EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount '1E+999999999' is too large");
    assertThatThrownBy(() -> new Money(new BigDecimal("1e-999999999"), Money.currency("EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount '1E-999999999' has more fraction digits than EUR allows (2)");
    // a scale whose power of ten still fits a BigInteger (41 MB): refused from precision and scale alone
    assertThatThrownBy(() -> new Money(new BigDecimal("1e-99999999"), Money.currency("EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount '1E-99999999' has more fraction digits than EUR allows (2)");
    assertThat(new Money(new BigDecimal("0e-999999999"), Money.currency("EUR")).amount())
        .isEqualTo(new BigDecimal("0.00"));
    assertThat(new Money(new BigDecimal("1.5000000000e-0"), Money.currency("EUR")).amount())
        .isEqualTo(new BigDecimal("1.50"));
  }

  @Test
  void moneyTextIsBoundedInLengthAndDigits() {
    String huge = "1".repeat(5_000_000);
    assertThatThrownBy(() -> Money.of(huge, "EUR"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount '" + "1".repeat(32) + "'... (5000000 characters) is longer than 40 characters");
    assertThat(Money.of("0000000000000000000000001", "EUR").minorUnits()).isEqualTo(100);
    assertThat(Money.of("-0000000000000000000000001.50", "EUR").minorUnits()).isEqualTo(-150);
    assertThat(Money.of(" +12.500 ", "EUR").minorUnits()).isEqualTo(1250);
    assertThat(Money.of("92233720368547758.07", "EUR").minorUnits()).isEqualTo(Long.MAX_VALUE);
    assertThatThrownBy(() -> Money.of("92233720368547758.08", "EUR"))
        .hasMessage("amount 92233720368547758.08 is too large");
    for (String bad : new String[] {"", "-", ".", "1.2.3", "1,5", "0x10", "NaN", "Infinity", "1_000", "١٢"}) {
      assertThatThrownBy(() -> Money.of(bad, "EUR")).as(bad).isInstanceOf(ValidationException.class);
    }
  }

  @Test
  void runningSumsThatOverflowAreATypedError() {
    Money max = Money.ofMinor(Long.MAX_VALUE, Money.currency("EUR"));
    assertThatThrownBy(() -> max.plus(Money.of("0.01", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount 92233720368547758.08 is too large");
  }

  @Test
  void messagesQuoteAShortEscapedExcerpt() {
    String forged = "p-1\n2026-01-01 INFO payment approved for everyone";
    assertThatThrownBy(() -> new Transaction(forged, C, AT, Direction.CREDIT, Money.of("1", "EUR"),
            ProductType.LOAN, Channel.ATM))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("event id contains a control character at 3");
    String big = "x".repeat(5_000_000);
    assertThatThrownBy(() -> new ManualMove("m-1", C, AT, "growth", "rm", big))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("reason has 5000000 characters, more than 1000");
    assertThat(TextRules.excerpt("a'b\\c\u0000\u2028\ud800"))
        .isEqualTo("'a\\u0027b\\u005cc\\u0000\\u2028\\ud800'");
    assertThat(TextRules.excerpt("y".repeat(33))).isEqualTo("'" + "y".repeat(32) + "'... (33 characters)");
    assertThat(TextRules.excerpt(null)).isEqualTo("null");
  }

  @Test
  void idsAreWellFormedUnicode() {
    assertThatThrownBy(() -> CustomerId.of("C-1\ud800"))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("customer id contains a lone surrogate character at 3");
    assertThatThrownBy(() -> CustomerId.of("\udc00C-1"))
        .hasMessage("customer id contains a lone surrogate character at 0");
    assertThatThrownBy(() -> CustomerId.of("C\ud800\ud800"))
        .hasMessage("customer id contains a lone surrogate character at 1");
    // A pair is one character outside the BMP, and welcome.
    assertThat(CustomerId.of("C-\ud83d\ude00").value()).hasSize(4);
    assertThatThrownBy(() -> new ManualMove("m-\udfff", C, AT, "growth", "rm", "why"))
        .hasMessage("event id contains a lone surrogate character at 2");
  }

  @Test
  void moneyAttributesAreBounded() {
    for (String bad : new String[] {"1e400", "1e999999999", "900000000000000.0001", "1e-999999999", "0.00001"}) {
      assertThat(Attribute.REVENUE.accepts(new BigDecimal(bad))).as(bad).isFalse();
      assertThatThrownBy(() -> new AttributeUpdate("a-1", C, AT, Attribute.REVENUE, new BigDecimal(bad)))
          .isInstanceOf(InvalidEventException.class)
          .hasMessageStartingWith("value ")
          .hasMessageEndingWith(" is out of range for attribute REVENUE (MONEY) in event 'a-1'");
    }
    assertThat(Attribute.REVENUE.accepts(new BigDecimal("900000000000000.0000"))).isTrue();
    assertThat(Attribute.REVENUE.accepts(new BigDecimal("0.1000000"))).isTrue();
    assertThat(Attribute.DECISION_TIME_DAYS.accepts(new BigDecimal("1e9"))).isTrue();
    assertThat(Attribute.DECISION_TIME_DAYS.accepts(new BigDecimal("1e10"))).isFalse();
    assertThat(Attribute.COMPETITOR_ATTENTION.accepts(new BigDecimal("1e-19"))).isFalse();
    assertThat(Attribute.COMPETITOR_ATTENTION.accepts(new BigDecimal("1e-18"))).isTrue();
    assertThat(Attribute.VULNERABLE.accepts(new BigDecimal("0e-999999999"))).isTrue();
    assertThat(Attribute.VULNERABLE.accepts(new BigDecimal("1.000"))).isTrue();
    assertThat(Attribute.VULNERABLE.accepts(new BigDecimal("0.5"))).isFalse();
    assertThat(Attribute.CREDIT_SCORE.accepts(new BigDecimal("1000"))).isTrue();
    assertThat(Attribute.CREDIT_SCORE.accepts(new BigDecimal("1000.5"))).isFalse();
    assertThat(Attribute.CREDIT_SCORE.accepts(new BigDecimal("-0.5"))).isFalse();
  }

  @Test
  void builderSettingsOutOfRangeAreTypedErrors() {
    Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
    assertThatThrownBy(() -> Clm.builder().trendWindow(forever))
        .isInstanceOf(ValidationException.class)
        .hasMessage("trendWindow " + forever + " is longer than 36500 days");
    assertThatThrownBy(() -> Clm.builder().deduplicationWindow(forever))
        .isInstanceOf(ValidationException.class)
        .hasMessage("deduplicationWindow " + forever + " is longer than 36500 days");
    assertThatThrownBy(() -> Clm.builder().futureTolerance(forever))
        .isInstanceOf(ValidationException.class)
        .hasMessage("futureTolerance " + forever + " is longer than 36500 days");
    assertThatThrownBy(() -> Clm.builder().futureTolerance(Duration.ofSeconds(-1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("futureTolerance PT-1S is negative");
    assertThatThrownBy(() -> Clm.builder().trendWindow(Duration.ofMinutes(59)))
        .hasMessage("trendWindow PT59M is shorter than one hour");
    assertThatThrownBy(() -> Clm.builder().deduplicationWindow(Duration.ofHours(23)))
        .hasMessage("deduplicationWindow PT23H is shorter than one day");
    assertThat(Clm.builder().trendWindow(Clm.Builder.MAX_DURATION)).isNotNull();
    assertThatThrownBy(() -> Clm.builder().currency("XXX"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("currency XXX has no fraction digits and is not accepted");
    assertThatThrownBy(() -> Clm.builder().currency("E\nUR"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("currency 'E\\u000aUR' is not an ISO 4217 code");
  }

  @Test
  void everyMessageAboveIsShort() {
    String huge = "9".repeat(1_000_000);
    for (Runnable r : new Runnable[] {
        () -> Money.of(huge, "EUR"),
        () -> Money.of("1", huge),
        () -> CustomerId.of(huge),
        () -> DecimalText.parse(huge + "x", "value"),
        () -> new AttributeUpdate("a", C, AT, Attribute.REVENUE, new BigDecimal("9e999999")),
        () -> new AttributeUpdate("a", C, AT, Attribute.REVENUE, new BigDecimal("9e-999999"))}) {
      assertThatThrownBy(r::run).isInstanceOf(ClmException.class)
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(SHORT_MESSAGE));
    }
  }
}
