package io.clm.cli;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How an export writes its values, for the variants real bank exports use: the CSV separator, the
 * decimal separator, whether amounts carry their direction as a sign, and a local timestamp format
 * with its time zone. The default is clm's own format: comma separated, a full stop for decimals,
 * unsigned amounts with a direction column, ISO-8601 timestamps.
 *
 * @param separator the CSV field separator: {@code ,} {@code ;} {@code |} or a tab
 * @param decimalSeparator {@code .} or {@code ,} (then the CSV separator may not be a comma)
 * @param signedAmounts whether a negative amount is a debit and a positive one a credit; the
 *     direction column is then optional and, where given, must agree; a zero amount takes the
 *     direction given, or without one is a debit when written with a minus sign
 * @param timestampPattern a {@link DateTimeFormatter} pattern for local timestamps, such as {@code
 *     yyyy-MM-dd HH:mm:ss}, read in {@code zone}; empty for ISO-8601
 * @param zone the zone of local timestamps
 * @param maxLineBytes the longest line accepted, in bytes; a longer one is a bad row
 */
record Dialect(
    char separator, char decimalSeparator, boolean signedAmounts, Optional<String> timestampPattern, ZoneId zone,
    int maxLineBytes) {

  static final Dialect DEFAULT =
      new Dialect(',', '.', false, Optional.empty(), java.time.ZoneOffset.UTC, LineSource.DEFAULT_MAX_LINE_BYTES);

  static final List<Arguments.Option> OPTIONS = List.of(
      Arguments.Option.value("separator", "CHAR", "CSV field separator: , ; | or tab (default ,)"),
      Arguments.Option.flag("decimal-comma", "amounts and values use a comma as the decimal separator (needs another --separator)"),
      Arguments.Option.flag("signed-amounts", "a negative amount is a debit, a positive one a credit; the direction column becomes optional"),
      Arguments.Option.value("timestamp-format", "PATTERN", "local timestamps in this pattern, such as 'yyyy-MM-dd HH:mm:ss' (default ISO-8601)"),
      Arguments.Option.value("zone", "ZONE", "time zone of --timestamp-format timestamps (default UTC)"),
      Arguments.Option.value("max-line-length", "BYTES", "longest input line; a longer one is a bad row (default 65536)"));

  Dialect {
    if (separator != ',' && separator != ';' && separator != '|' && separator != '\t') {
      throw new UsageException("--separator '" + separator + "' is not one of , ; | tab");
    }
    if (decimalSeparator != '.' && decimalSeparator != ',') {
      throw new UsageException("decimal separator '" + decimalSeparator + "' is not . or ,");
    }
    if (decimalSeparator == separator) {
      throw new UsageException("--decimal-comma needs a field separator other than a comma, such as --separator ';'");
    }
    if (maxLineBytes < 16 || maxLineBytes > 16 * 1024 * 1024) {
      throw new UsageException("--max-line-length " + maxLineBytes + " is outside 16..16777216");
    }
  }

  /** The dialect the options give. */
  static Dialect of(Arguments a) {
    String sep = a.text("separator", ",");
    char separator = switch (sep) {
      case "tab", "\\t", "\t" -> '\t';
      default -> {
        if (sep.length() != 1) {
          throw new UsageException("--separator '" + sep + "' is not one character");
        }
        yield sep.charAt(0);
      }
    };
    Optional<String> pattern = a.text("timestamp-format");
    if (pattern.isPresent()) {
      try {
        formatter(pattern.get());
      } catch (IllegalArgumentException e) {
        throw new UsageException("--timestamp-format '" + pattern.get() + "': " + e.getMessage());
      }
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(a.text("zone", "UTC"));
    } catch (DateTimeException e) {
      throw new UsageException("--zone: " + e.getMessage());
    }
    int max = a.integer("max-line-length", LineSource.DEFAULT_MAX_LINE_BYTES, 16, 16 * 1024 * 1024);
    return new Dialect(separator, a.has("decimal-comma") ? ',' : '.', a.has("signed-amounts"), pattern, zone, max);
  }

  /**
   * The formatter of local timestamps, strict about the calendar (no 30 February); empty for
   * ISO-8601. A strict formatter reads {@code yyyy} as a year of an era it does not have, so a
   * pattern letter {@code y} (outside quoted text such as {@code 'T'}) is read as the proleptic
   * year {@code u}, which is the same for every date an export holds.
   */
  Optional<DateTimeFormatter> timestampFormatter() {
    return timestampPattern.map(Dialect::formatter);
  }

  /**
   * The strict formatter of a pattern. Month and day names and AM/PM are English ({@code Mar},
   * {@code March}, {@code PM}) whatever the machine's locale, so that a file reads the same on
   * every machine.
   */
  private static DateTimeFormatter formatter(String pattern) {
    return DateTimeFormatter.ofPattern(prolepticYears(pattern), Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
  }

  /** The pattern with every {@code y} outside quoted text replaced by {@code u}. */
  static String prolepticYears(String pattern) {
    StringBuilder b = new StringBuilder(pattern.length());
    boolean quoted = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      }
      b.append(!quoted && c == 'y' ? 'u' : c);
    }
    return b.toString();
  }

  /** The dialect's options as a user would give them, for the report's source section. */
  List<String> describe() {
    List<String> parts = new ArrayList<>();
    if (separator != ',') {
      parts.add("separator " + (separator == '\t' ? "tab" : String.valueOf(separator)));
    }
    if (decimalSeparator == ',') {
      parts.add("decimal comma");
    }
    if (signedAmounts) {
      parts.add("signed amounts");
    }
    timestampPattern.ifPresent(p -> parts.add("timestamps '" + p + "' in " + zone));
    return parts;
  }
}
