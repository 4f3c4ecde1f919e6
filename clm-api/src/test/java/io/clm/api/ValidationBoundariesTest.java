package io.clm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import org.junit.jupiter.api.Test;

/** The edges of every validation: the last value accepted and the first refused, with exact messages. */
class ValidationBoundariesTest {
  private static final CustomerId C = CustomerId.of("C-1");
  private static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
  private static final Currency EUR = Money.currency("EUR");
  private static final Currency BHD = Money.currency("BHD");

  @Test
  void textLengthAndExcerptEdges() {
    assertThat(TextRules.problem("x".repeat(10), 10)).isNull();
    assertThat(TextRules.problem("x".repeat(11), 10)).isEqualTo("has 11 characters, more than 10");
    assertThat(TextRules.problem("a\u2029", 10)).isEqualTo("contains a control character at 1");
    assertThat(TextRules.excerpt("\u001f \u007e\u007f\u0080\u009f\u00a0")).isEqualTo("'\\u001f ~\\u007f\\u0080\\u009f\u00a0'");
    assertThat(TextRules.excerpt("z".repeat(32))).isEqualTo("'" + "z".repeat(32) + "'");
  }

  @Test
  void moneyEdges() {
    assertThat(Money.of("10000000000000000", "EUR").minorUnits()).isEqualTo(1_000_000_000_000_000_000L);
    assertThatThrownBy(() -> new Money(new BigDecimal("1e16"), BHD)).hasMessage("amount 10000000000000000 is too large");
    assertThatThrownBy(() -> new Money(new BigDecimal("1".repeat(40)), EUR))
        .hasMessage("amount " + "1".repeat(40) + " is too large");
    assertThatThrownBy(() -> new Money(new BigDecimal("1".repeat(41)), EUR))
        .hasMessage("amount '" + "1".repeat(32) + "'... (41 characters) is too large");
    assertThatThrownBy(() -> new Money(new BigDecimal("1e40"), EUR))
        .hasMessage("amount 10000000000000000000000000000000000000000 is too large");
    assertThatThrownBy(() -> new Money(new BigDecimal("1e41"), EUR)).hasMessage("amount '1E+41' is too large");
    assertThat(Money.of("-0.01", "EUR").isNegative()).isTrue();
    assertThat(Money.of("0", "EUR").isNegative()).isFalse();
    assertThat(Money.of("0.01", "EUR").isNegative()).isFalse();
    assertThat(Money.of("1", "EUR").compareTo(Money.of("2", "EUR"))).isNegative();
    assertThat(Money.of("2", "EUR").compareTo(Money.of("1", "EUR"))).isPositive();
    assertThat(Money.of("1.0", "EUR").compareTo(Money.of("1", "EUR"))).isZero();
    assertThatThrownBy(() -> Money.of("1", "EUR").compareTo(Money.of("1", "USD"))).hasMessage("currency USD does not match EUR");
    assertThat(Money.of("1.500", "BHD").minorUnits()).isEqualTo(1500);
  }

  @Test
  void decimalTextEdges() {
    String forty = "0." + "0".repeat(37) + "1";
    assertThat(forty).hasSize(40);
    assertThat(DecimalText.parse(forty, "v")).isEqualByComparingTo(new BigDecimal("1e-38"));
    assertThatThrownBy(() -> DecimalText.parse(forty + "0", "v")).hasMessage("v '" + forty.substring(0, 32) + "'... (41 characters) is longer than 40 characters");
    assertThat(DecimalText.parse("9".repeat(18), "v")).isEqualTo(new BigDecimal("9".repeat(18)));
    assertThatThrownBy(() -> DecimalText.parse("1" + "0".repeat(18), "v"))
        .hasMessage("v '1000000000000000000' has more than 18 digits before the decimal separator");
    assertThat(DecimalText.parse("0".repeat(20) + "1", "v")).isEqualTo(new BigDecimal("1"));
    assertThat(DecimalText.parse("12,5", "v", ',')).isEqualTo(new BigDecimal("12.5"));
    assertThat(DecimalText.parse("-.5", "v")).isEqualTo(new BigDecimal("-0.5"));
    assertThatThrownBy(() -> DecimalText.parse("1,2,3", "v", ',')).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> DecimalText.parse("12.5", "v", ',')).isInstanceOf(ValidationException.class);
    assertThatThrownBy(() -> DecimalText.parse("+", "v")).hasMessage("v '+' is not a decimal number (digits, optionally '.' and more digits, no exponent)");
    assertThatThrownBy(() -> DecimalText.parse("1", "v", ';')).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("decimal separator ';' is not '.' or ','");
  }

  @Test
  void attributeEdges() {
    assertThat(Attribute.REVENUE.accepts(BigDecimal.ZERO)).isTrue();
    assertThat(Attribute.REVENUE.accepts(new BigDecimal("0.0001"))).isTrue();
    assertThat(Attribute.REVENUE.accepts(new BigDecimal("0.00010"))).isTrue();
    assertThat(Attribute.REVENUE.accepts(new BigDecimal("0.00011"))).isFalse();
    assertThat(Attribute.REVENUE.accepts(new BigDecimal("-0.0001"))).isFalse();
    assertThat(Attribute.PRICE_SENSITIVITY.accepts(new BigDecimal("0." + "0".repeat(17) + "1"))).isTrue();
    assertThat(Attribute.PRICE_SENSITIVITY.accepts(new BigDecimal("0." + "0".repeat(17) + "10"))).isTrue();
    assertThat(Attribute.PRICE_SENSITIVITY.accepts(new BigDecimal("0." + "0".repeat(17) + "11"))).isFalse();
    assertThat(Attribute.PRICE_SENSITIVITY.accepts(BigDecimal.ONE)).isTrue();
    assertThat(Attribute.PRICE_SENSITIVITY.accepts(new BigDecimal("1.0000001"))).isFalse();
    assertThat(Attribute.DECISION_TIME_DAYS.accepts(new BigDecimal("1000000000.5"))).isFalse();
    assertThat(Attribute.VULNERABLE.accepts(BigDecimal.ONE)).isTrue();
    assertThatThrownBy(() -> new AttributeUpdate(" ", C, AT, Attribute.REVENUE, BigDecimal.ONE))
        .isInstanceOf(InvalidEventException.class).hasMessage("event id is blank");
  }

  @Test
  void eventEdges() {
    assertThat(Interaction.survey("s", C, AT, Channel.ONLINE, 0).satisfaction()).isZero();
    assertThat(Interaction.survey("s", C, AT, Channel.ONLINE, 10).satisfaction()).isEqualTo(10);
    assertThatThrownBy(() -> Interaction.survey("s", C, AT, Channel.ONLINE, -1))
        .isInstanceOf(InvalidEventException.class).hasMessage("satisfaction -1 is outside 0..10 in survey 's'");
    assertThatThrownBy(() -> Interaction.survey("s", C, AT, Channel.ONLINE, 11))
        .hasMessage("satisfaction 11 is outside 0..10 in survey 's'");
    assertThatThrownBy(() -> new Interaction("s", C, AT, InteractionKind.SURVEY, Channel.ONLINE, null))
        .hasMessage("satisfaction is missing in survey 's'");
    assertThatThrownBy(() -> new Interaction("v", C, AT, InteractionKind.VISIT, Channel.BRANCH, 5))
        .hasMessage("satisfaction is only for surveys, but VISIT 'v' has 5");
    Interaction visit = Interaction.of("v", C, AT, InteractionKind.VISIT, Channel.BRANCH);
    assertThat(visit.satisfaction()).isNull();
    assertThat(visit.kind()).isEqualTo(InteractionKind.VISIT);
    assertThatThrownBy(() -> Interaction.of("", C, AT, InteractionKind.VISIT, Channel.BRANCH)).hasMessage("event id is blank");
    assertThat(new Transaction("t", C, AT, Direction.DEBIT, Money.of("0", "EUR"), ProductType.LOAN, Channel.ATM).amount().minorUnits())
        .isZero();
    assertThatThrownBy(() -> new Transaction("t", C, AT, Direction.DEBIT, Money.of("-0.01", "EUR"), ProductType.LOAN, Channel.ATM))
        .hasMessage("amount -0.01 EUR is negative in event 't'");
    assertThat(CustomerId.of("a").compareTo(CustomerId.of("b"))).isNegative();
    assertThat(CustomerId.of("b").compareTo(CustomerId.of("a"))).isPositive();
    assertThat(CustomerId.of("x".repeat(128)).value()).hasSize(128);
  }

  @Test
  void everyBuilderSettingIsSetOnceAndBounded() {
    Clm.Builder b = Clm.builder()
        .model("banking-six-stage")
        .currency("EUR")
        .unknownCustomers(UnknownCustomers.REJECT)
        .futureTolerance(Duration.ZERO)
        .trendWindow(Duration.ofHours(1))
        .deduplicationWindow(Duration.ofDays(1))
        .clock(Clock.systemUTC())
        .classLoader(getClass().getClassLoader())
        .idMask(CustomerIdMask.random());
    assertThat(b).isNotNull();
    assertThatThrownBy(() -> b.model("x")).isInstanceOf(IllegalStateException.class).hasMessage("model was already set");
    assertThatThrownBy(() -> b.currency("EUR")).hasMessage("currency was already set");
    assertThatThrownBy(() -> b.unknownCustomers(UnknownCustomers.CREATE)).hasMessage("unknownCustomers was already set");
    assertThatThrownBy(() -> b.futureTolerance(Duration.ZERO)).hasMessage("futureTolerance was already set");
    assertThatThrownBy(() -> b.trendWindow(Duration.ofHours(2))).hasMessage("trendWindow was already set");
    assertThatThrownBy(() -> b.deduplicationWindow(Duration.ofDays(2))).hasMessage("deduplicationWindow was already set");
    assertThatThrownBy(() -> b.clock(Clock.systemUTC())).hasMessage("clock was already set");
    assertThatThrownBy(() -> b.classLoader(getClass().getClassLoader())).hasMessage("classLoader was already set");
    assertThatThrownBy(() -> Clm.builder().model("a").model(io.clm.api.model.LifecycleModel.builder("m")
        .stage("a", StageFamily.PROSPECT).initial("a").build())).hasMessage("model was already set");
    assertThat(Clm.builder().futureTolerance(Clm.Builder.MAX_DURATION)).isNotNull();
    assertThat(Clm.builder().deduplicationWindow(Clm.Builder.MAX_DURATION)).isNotNull();
    assertThatThrownBy(() -> Clm.builder().trendWindow(Clm.Builder.MAX_DURATION.plusNanos(1)))
        .hasMessage("trendWindow PT876000H0.000000001S is longer than 36500 days");
    assertThatThrownBy(() -> Clm.builder().deduplicationWindow(Duration.ofDays(1).minusNanos(1)))
        .hasMessage("deduplicationWindow PT23H59M59.999999999S is shorter than one day");
    assertThatThrownBy(() -> Clm.builder().trendWindow(Duration.ofHours(1).minusNanos(1)))
        .hasMessage("trendWindow PT59M59.999999999S is shorter than one hour");
    assertThatThrownBy(() -> Clm.builder().currency("EUR").build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("model is not set");
    assertThatThrownBy(() -> Clm.builder().model("x").build()).isInstanceOf(IllegalStateException.class)
        .hasMessage("currency is not set");
  }
}
