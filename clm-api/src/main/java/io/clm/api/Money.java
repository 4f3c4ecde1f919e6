package io.clm.api;

import io.clm.api.annotation.Stable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money in one ISO 4217 currency. Never floating point.
 *
 * <p>The amount is normalised to the currency's number of fraction digits ({@code 12.5 EUR} becomes
 * {@code 12.50 EUR}); an amount with more digits than the currency has is rejected rather than
 * rounded. The amount may be negative (a net flow); events that need a non-negative amount check
 * that themselves.
 *
 * @param amount the amount, at most the currency's fraction digits after the decimal point
 * @param currency the ISO 4217 currency; pseudo-currencies without fraction digits (such as XXX)
 *     are rejected
 */
@Stable
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  /**
   * Validates and normalises the amount.
   *
   * @param amount the amount, at most the currency's fraction digits after the decimal point
   * @param currency the ISO 4217 currency; pseudo-currencies without fraction digits (such as XXX)
   *     are rejected
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the currency has no defined fraction digits, or the amount has
   *     more fraction digits than the currency allows, or does not fit in a {@code long} of minor
   *     units
   */
  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int digits = currency.getDefaultFractionDigits();
    if (digits < 0) {
      throw new ValidationException(
          "currency " + currency.getCurrencyCode() + " has no fraction digits and is not accepted");
    }
    // Bounds first, from precision and scale alone: setScale on 1e999999999 would build a number
    // of a billion digits.
    if (amount.signum() == 0) {
      amount = BigDecimal.ZERO.setScale(digits);
    } else {
      long integerDigits = (long) amount.precision() - amount.scale();
      if (integerDigits > MAX_MINOR_DIGITS - digits) {
        throw new ValidationException("amount " + describe(amount) + " is too large");
      }
      long excess = (long) amount.scale() - digits;
      if (excess > 0 && excess >= amount.precision()) {
        throw new ValidationException(tooManyDigits(amount, currency, digits));
      }
      try {
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
      } catch (ArithmeticException e) {
        throw new ValidationException(tooManyDigits(amount, currency, digits));
      }
      if (amount.unscaledValue().bitLength() > 63) {
        throw new ValidationException("amount " + describe(amount) + " is too large");
      }
    }
  }

  /** The most decimal digits a count of minor units may have (a {@code long} holds 18 in full). */
  private static final int MAX_MINOR_DIGITS = 19;

  private static String tooManyDigits(BigDecimal amount, Currency currency, int digits) {
    return "amount " + describe(amount) + " has more fraction digits than " + currency.getCurrencyCode()
        + " allows (" + digits + ")";
  }

  /** The amount in plain digits when short, in scientific notation otherwise; never unbounded. */
  private static String describe(BigDecimal amount) {
    if (amount.precision() <= 40 && Math.abs((long) amount.scale()) <= 40) {
      return amount.toPlainString();
    }
    return TextRules.excerpt(amount.toString());
  }

  /**
   * Parses an amount and a currency code. The amount is read with {@link DecimalText#parse(String,
   * String)}: no exponent, at most {@value DecimalText#MAX_LENGTH} characters.
   *
   * @param amount a decimal such as {@code "1250.00"}
   * @param currencyCode an ISO 4217 code such as {@code "EUR"}
   * @return the money
   * @throws ValidationException if the amount is not a decimal number, the currency code is not
   *     ISO 4217, or the amount does not fit the currency
   */
  public static Money of(String amount, String currencyCode) {
    Objects.requireNonNull(amount, "amount");
    return new Money(DecimalText.parse(amount, "amount"), currency(currencyCode));
  }

  /**
   * Money from a count of minor units ({@code 1250} cents is {@code 12.50 EUR}).
   *
   * @param minorUnits the amount in the currency's smallest unit
   * @param currency the currency
   * @return the money
   */
  public static Money ofMinor(long minorUnits, Currency currency) {
    return new Money(BigDecimal.valueOf(minorUnits, currency.getDefaultFractionDigits()), currency);
  }

  /**
   * Looks up an ISO 4217 currency.
   *
   * @param code the three-letter code
   * @return the currency
   * @throws ValidationException if the code is not a known ISO 4217 currency, or is a
   *     pseudo-currency without fraction digits (such as {@code XXX}), in which no amount can be
   *     expressed
   */
  public static Currency currency(String code) {
    Objects.requireNonNull(code, "currency");
    Currency currency;
    try {
      currency = Currency.getInstance(code.trim());
    } catch (IllegalArgumentException e) {
      throw new ValidationException("currency " + TextRules.excerpt(code) + " is not an ISO 4217 code");
    }
    if (currency.getDefaultFractionDigits() < 0) {
      throw new ValidationException(
          "currency " + currency.getCurrencyCode() + " has no fraction digits and is not accepted");
    }
    return currency;
  }

  /**
   * The amount in the currency's smallest unit, exactly.
   *
   * @return the minor units ({@code 12.50 EUR} gives {@code 1250})
   */
  public long minorUnits() {
    // the same number as unscaledValue(), without building a BigInteger for a compact amount
    return amount.movePointRight(amount.scale()).longValueExact();
  }

  /**
   * Whether the amount is below zero.
   *
   * @return true for a negative amount
   */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * Adds money of the same currency.
   *
   * @param other the amount to add
   * @return the sum
   * @throws ValidationException if the currencies differ
   */
  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new ValidationException(
          "currency " + other.currency.getCurrencyCode() + " does not match " + currency.getCurrencyCode());
    }
  }

  /** Returns the amount and the code, for example {@code 12.50 EUR}. */
  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.getCurrencyCode();
  }
}
