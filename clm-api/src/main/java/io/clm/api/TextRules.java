package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * The rules every text field that enters clm follows, and the one way messages quote a bad value.
 *
 * <p>A text field is accepted when it is not blank, has at most its documented number of
 * characters, contains no control character (ISO controls, and the line and paragraph separators
 * U+2028 and U+2029: so that it cannot forge a line in a log) and is
 * well-formed Unicode: every surrogate character is half of a pair (a lone surrogate has no UTF-8
 * form, so two different ids would otherwise encode to the same bytes).
 *
 * <p>Messages never echo a bad value whole: {@link #excerpt(String)} quotes at most {@value
 * #EXCERPT_LENGTH} characters, with control and surrogate characters escaped, and says how long the
 * value was.
 */
@Stable
public final class TextRules {

  /** The most characters of a value that a message quotes. */
  public static final int EXCERPT_LENGTH = 32;

  private TextRules() {}

  /**
   * What is wrong with a text field, or null if nothing is.
   *
   * @param value the value, not null
   * @param maxLength the most characters (UTF-16 code units) allowed
   * @return null when the value is valid, otherwise the problem, such as {@code "is blank"} or
   *     {@code "contains a control character at 3"}, without the value itself
   */
  public static String problem(String value, int maxLength) {
    if (value.length() > maxLength) {
      return "has " + value.length() + " characters, more than " + maxLength;
    }
    if (value.isBlank()) {
      return "is blank";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
        return "contains a control character at " + i;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
          i++;
          continue;
        }
        return "contains a lone surrogate character at " + i;
      }
      if (Character.isLowSurrogate(c)) {
        return "contains a lone surrogate character at " + i;
      }
    }
    return null;
  }

  /**
   * A short, quoted, escaped excerpt of a value for a message: {@code 'abc'}, or {@code
   * 'abcdefghijklmnopqrstuvwxyz012345'... (5000000 characters)} for a long one. Control characters,
   * surrogates, quotes and backslashes are written as {@code \\uXXXX} escapes, so that the excerpt is
   * one printable line.
   *
   * @param value the value, or null
   * @return the excerpt; the word {@code null} for a null value
   */
  public static String excerpt(String value) {
    if (value == null) {
      return "null";
    }
    int shown = Math.min(value.length(), EXCERPT_LENGTH);
    StringBuilder b = new StringBuilder(shown + 32).append('\'');
    for (int i = 0; i < shown; i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || Character.isSurrogate(c) || c == '\'' || c == '\\'
          || c == '\u2028' || c == '\u2029') {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('\'');
    if (shown < value.length()) {
      b.append("... (").append(value.length()).append(" characters)");
    }
    return b.toString();
  }
}
