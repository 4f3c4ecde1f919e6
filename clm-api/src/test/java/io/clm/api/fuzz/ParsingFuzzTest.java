package io.clm.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.DecimalText;
import io.clm.api.Money;
import io.clm.api.TextRules;
import java.math.BigDecimal;

/**
 * Fuzz tests of everything that parses text into the API's values. In the ordinary test run each
 * runs on its seeds (regression mode); {@code docs/testing.md} says how to fuzz them.
 *
 * <p>The property: any input gives either a valid value or a {@link ClmException} whose message is
 * short and one printable line; nothing else is ever thrown.
 */
class ParsingFuzzTest {
  static final int MAX_MESSAGE = 400;

  static void checkMessage(ClmException e) {
    assertThat(e.getMessage()).hasSizeLessThan(MAX_MESSAGE).doesNotContain("\n", "\r", "\u2028");
  }

  @FuzzTest(maxDuration = "10s")
  void money(FuzzedDataProvider data) {
    String code = data.pickValue(new String[] {"EUR", "JPY", "BHD", "CLF", "XXX", "XAU", "eur", "EURO", ""});
    String amount = data.consumeRemainingAsString();
    Money money;
    try {
      money = Money.of(amount, code);
    } catch (ClmException e) {
      checkMessage(e);
      return;
    }
    BigDecimal parsed = new BigDecimal(amount.strip());
    assertThat(money.amount().compareTo(parsed)).isZero();
    assertThat(Money.ofMinor(money.minorUnits(), money.currency())).isEqualTo(money);
  }

  @FuzzTest(maxDuration = "10s")
  void decimalText(FuzzedDataProvider data) {
    char separator = data.consumeBoolean() ? '.' : ',';
    String text = data.consumeRemainingAsString();
    try {
      BigDecimal value = DecimalText.parse(text, "value", separator);
      assertThat(value.precision() - value.scale()).isLessThanOrEqualTo(DecimalText.MAX_INTEGER_DIGITS);
      assertThat(value.scale()).isBetween(0, DecimalText.MAX_LENGTH);
    } catch (ClmException e) {
      checkMessage(e);
    }
  }

  @FuzzTest(maxDuration = "10s")
  void customerIds(String value) {
    if (value == null) {
      return;
    }
    try {
      CustomerId id = CustomerId.of(value);
      assertThat(TextRules.problem(id.value(), CustomerId.MAX_LENGTH)).isNull();
      assertThat(id.toString()).isEqualTo("CustomerId[" + id.masked() + "]");
      assertThat(id.masked()).matches("#[0-9a-f]{32}");
      assertThat(value.codePoints().noneMatch(cp -> cp <= 0xffff && Character.isSurrogate((char) cp))).isTrue();
    } catch (ClmException e) {
      checkMessage(e);
      if (!value.isBlank()) {
        assertThat(e.getMessage()).doesNotContain(value);
      }
    }
  }

  @FuzzTest(maxDuration = "10s")
  void excerpts(String value) {
    String excerpt = TextRules.excerpt(value);
    assertThat(excerpt.length()).isLessThan(TextRules.EXCERPT_LENGTH * 6 + 40);
    assertThat(excerpt.chars().noneMatch(c -> Character.isISOControl(c) || Character.isSurrogate((char) c))).isTrue();
  }
}
