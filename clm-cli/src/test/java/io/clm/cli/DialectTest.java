package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dialect options: what they accept, what they refuse and with which message, and how a report names them. */
class DialectTest {
  private static Dialect of(String... args) {
    return Dialect.of(Arguments.parse("analyze", Dialect.OPTIONS, args));
  }

  private static Dialect dialect(char separator, char decimal, int maxLineBytes) {
    return new Dialect(separator, decimal, false, Optional.empty(), ZoneOffset.UTC, maxLineBytes);
  }

  @Test
  void withoutOptionsTheDialectIsClmsOwn() {
    Dialect d = of();
    assertThat(d.separator()).isEqualTo(',');
    assertThat(d.decimalSeparator()).isEqualTo('.');
    assertThat(d.signedAmounts()).isFalse();
    assertThat(d.timestampFormatter()).isEmpty();
    assertThat(d.zone()).isEqualTo(ZoneId.of("UTC"));
    assertThat(d.maxLineBytes()).isEqualTo(65_536);
    assertThat(d.describe()).isEmpty();
  }

  @Test
  void everyOptionIsTakenAndNamedInTheReport() {
    Dialect d = of("--separator", "|", "--decimal-comma", "--signed-amounts", "--timestamp-format", "dd.MM.yyyy HH:mm",
        "--zone", "Europe/Berlin", "--max-line-length", "16");
    assertThat(d.separator()).isEqualTo('|');
    assertThat(d.decimalSeparator()).isEqualTo(',');
    assertThat(d.signedAmounts()).isTrue();
    assertThat(d.timestampPattern()).contains("dd.MM.yyyy HH:mm");
    assertThat(d.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    assertThat(d.maxLineBytes()).isEqualTo(16);
    assertThat(d.describe()).containsExactly("separator |", "decimal comma", "signed amounts",
        "timestamps 'dd.MM.yyyy HH:mm' in Europe/Berlin");
  }

  @Test
  void aTabIsGivenInThreeWays() {
    for (String tab : new String[] {"tab", "\\t", "\t"}) {
      Dialect d = of("--separator", tab);
      assertThat(d.separator()).as(tab).isEqualTo('\t');
      assertThat(d.describe()).containsExactly("separator tab");
    }
    assertThat(of("--separator", ";").describe()).containsExactly("separator ;");
    assertThat(of("--separator", ",").describe()).isEmpty();
  }

  @Test
  void aBadOptionIsAUsageErrorNamingItAndTheValue() {
    assertThatThrownBy(() -> of("--separator", ";;")).isInstanceOf(UsageException.class)
        .hasMessage("--separator ';;' is not one character");
    assertThatThrownBy(() -> of("--separator", "")).isInstanceOf(UsageException.class)
        .hasMessage("analyze: option --separator needs a value (CHAR), not an empty one");
    assertThatThrownBy(() -> of("--separator", "tabs")).isInstanceOf(UsageException.class)
        .hasMessage("--separator 'tabs' is not one character");
    assertThatThrownBy(() -> of("--separator", ":")).isInstanceOf(UsageException.class)
        .hasMessage("--separator ':' is not one of , ; | tab");
    assertThatThrownBy(() -> of("--decimal-comma")).isInstanceOf(UsageException.class)
        .hasMessage("--decimal-comma needs a field separator other than a comma, such as --separator ';'");
    assertThatThrownBy(() -> of("--timestamp-format", "yyyy-MM-dd {HH}")).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--timestamp-format 'yyyy-MM-dd {HH}': ");
    assertThatThrownBy(() -> of("--zone", "Mars/Olympus")).isInstanceOf(UsageException.class)
        .hasMessageStartingWith("--zone: ").hasMessageContaining("Mars/Olympus");
    assertThatThrownBy(() -> of("--max-line-length", "15")).isInstanceOf(UsageException.class)
        .hasMessage("analyze: --max-line-length 15 is outside 16..16777216");
    assertThatThrownBy(() -> of("--max-line-length", "16777217")).isInstanceOf(UsageException.class)
        .hasMessage("analyze: --max-line-length 16777217 is outside 16..16777216");
    assertThat(of("--max-line-length", "16777216").maxLineBytes()).isEqualTo(16 * 1024 * 1024);
  }

  @Test
  void theRecordChecksItsValuesToo() {
    assertThatThrownBy(() -> dialect(' ', '.', 1024)).isInstanceOf(UsageException.class)
        .hasMessage("--separator ' ' is not one of , ; | tab");
    assertThatThrownBy(() -> dialect(',', ';', 1024)).isInstanceOf(UsageException.class)
        .hasMessage("decimal separator ';' is not . or ,");
    assertThatThrownBy(() -> dialect(',', ',', 1024)).isInstanceOf(UsageException.class)
        .hasMessage("--decimal-comma needs a field separator other than a comma, such as --separator ';'");
    assertThatThrownBy(() -> dialect(',', '.', 15)).isInstanceOf(UsageException.class)
        .hasMessage("--max-line-length 15 is outside 16..16777216");
    assertThatThrownBy(() -> dialect(',', '.', 16 * 1024 * 1024 + 1)).isInstanceOf(UsageException.class)
        .hasMessage("--max-line-length 16777217 is outside 16..16777216");
    for (char separator : new char[] {',', ';', '|', '\t'}) {
      assertThat(dialect(separator, '.', 16).separator()).isEqualTo(separator);
    }
    assertThat(dialect(';', ',', 16 * 1024 * 1024).decimalSeparator()).isEqualTo(',');
  }

  @Test
  void yearsAreProlepticOutsideQuotedText() {
    assertThat(Dialect.prolepticYears("yyyy-MM-dd'T'HH:mm")).isEqualTo("uuuu-MM-dd'T'HH:mm");
    assertThat(Dialect.prolepticYears("dd.MM.yy 'year' yyyy")).isEqualTo("dd.MM.uu 'year' uuuu");
    assertThat(Dialect.prolepticYears("'it''s' y")).isEqualTo("'it''s' u");
    assertThat(Dialect.prolepticYears("")).isEmpty();
  }

  @Test
  void localTimestampsAreReadStrictlyWithEnglishNames() {
    Dialect d = of("--timestamp-format", "dd MMM yyyy HH:mm");
    assertThat(LocalDateTime.parse("05 Mar 2024 14:30", d.timestampFormatter().orElseThrow()))
        .isEqualTo(LocalDateTime.of(2024, 3, 5, 14, 30));
    assertThatThrownBy(() -> LocalDateTime.parse("30 Feb 2024 14:30", d.timestampFormatter().orElseThrow()))
        .isInstanceOf(DateTimeParseException.class);
  }
}
