package io.clm.api;

import io.clm.api.annotation.Stable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * Parses decimal numbers from text with bounds checked before any arithmetic, so that a short
 * input such as {@code 1e999999999} cannot make clm build a number of a billion digits.
 *
 * <p>Accepted: an optional sign ({@code +} or {@code -}), digits, and at most one decimal separator
 * followed by digits, at most {@value #MAX_LENGTH} characters after trimming. Refused: exponents,
 * grouping separators, more than {@value #MAX_INTEGER_DIGITS} digits before the separator (leading
 * zeros aside), and anything else. Examples: {@code 1250.50}, {@code -3}, {@code +0.5}; with a comma
 * as the separator, {@code 1250,50}.
 */
@Stable
public final class DecimalText {

  /** The longest text accepted, in characters, after trimming. */
  public static final int MAX_LENGTH = 40;

  /** The most digits before the decimal separator, leading zeros aside. */
  public static final int MAX_INTEGER_DIGITS = 18;

  private DecimalText() {}

  /**
   * Parses a number with a full stop as the decimal separator.
   *
   * @param text the text
   * @param field the field's name, for the message
   * @return the number, with the scale the text has ({@code 1.50} has scale 2)
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the text is not a decimal number within the bounds; the message
   *     names the field and quotes a short excerpt of the text
   */
  public static BigDecimal parse(String text, String field) {
    return parse(text, field, '.');
  }

  /**
   * Parses a number with the given decimal separator.
   *
   * @param text the text
   * @param field the field's name, for the message
   * @param separator the decimal separator, {@code '.'} or {@code ','}
   * @return the number
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the separator is neither {@code '.'} nor {@code ','}
   * @throws ValidationException as {@link #parse(String, String)}
   */
  public static BigDecimal parse(String text, String field, char separator) {
    Objects.requireNonNull(text, field);
    Objects.requireNonNull(field, "field");
    if (separator != '.' && separator != ',') {
      throw new IllegalArgumentException("decimal separator '" + separator + "' is not '.' or ','");
    }
    String t = text.strip();
    if (t.length() > MAX_LENGTH) {
      throw new ValidationException(
          field + " " + TextRules.excerpt(text) + " is longer than " + MAX_LENGTH + " characters");
    }
    int i = 0;
    int n = t.length();
    if (i < n && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
      i++;
    }
    int integerDigits = 0;
    int significant = 0;
    int fractionDigits = 0;
    boolean separatorSeen = false;
    for (; i < n; i++) {
      char c = t.charAt(i);
      if (c >= '0' && c <= '9') {
        if (separatorSeen) {
          fractionDigits++;
        } else {
          integerDigits++;
          if (significant > 0 || c != '0') {
            significant++;
          }
        }
      } else if (c == separator && !separatorSeen) {
        separatorSeen = true;
      } else {
        throw notANumber(text, field, separator);
      }
    }
    if (integerDigits + fractionDigits == 0) {
      throw notANumber(text, field, separator);
    }
    if (significant > MAX_INTEGER_DIGITS) {
      throw new ValidationException(
          field + " " + TextRules.excerpt(text) + " has more than " + MAX_INTEGER_DIGITS + " digits before the decimal separator");
    }
    return new BigDecimal(separator == '.' ? t : t.replace(',', '.'));
  }

  private static ValidationException notANumber(String text, String field, char separator) {
    return new ValidationException(
        field + " " + TextRules.excerpt(text) + " is not a decimal number (digits, optionally '" + separator
            + "' and more digits, no exponent)");
  }
}
