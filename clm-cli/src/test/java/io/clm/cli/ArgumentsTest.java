package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The options of a command: the forms they take, their defaults and ranges, and a message for each mistake. */
class ArgumentsTest {
  private static final List<Arguments.Option> OPTIONS = List.of(
      Arguments.Option.value("top", "N", "how many"),
      Arguments.Option.value("as-of", "DATE", "the day"),
      Arguments.Option.value("out", "FILE", "where"),
      Arguments.Option.flag("json", "as JSON"));

  private static Arguments parse(String... args) {
    return Arguments.parse("cmd", OPTIONS, args);
  }

  private static void refused(String message, String... args) {
    assertThatThrownBy(() -> parse(args)).isInstanceOf(UsageException.class).hasMessage(message);
  }

  @Test
  void valuesComeAfterTheNameOrAnEqualsSignAndFlagsStandAlone() {
    Arguments a = parse("--top", "5", "--out=report.html", "--json", "--as-of=2026-01-31");
    assertThat(a.has("top")).isTrue();
    assertThat(a.has("json")).isTrue();
    assertThat(a.text("json")).contains("true");
    assertThat(a.text("top")).contains("5");
    assertThat(a.path("out")).contains(Path.of("report.html"));
    assertThat(a.text("as-of")).contains("2026-01-31");
    assertThat(parse().has("json")).isFalse();
    assertThat(parse().text("top")).isEmpty();
    assertThat(parse().path("out")).isEmpty();
    assertThat(parse().text("out", "default.html")).isEqualTo("default.html");
    assertThat(parse("--out", "a").text("out", "default.html")).isEqualTo("a");
    // A value may start with a single hyphen.
    assertThat(parse("--top", "-1").text("top")).contains("-1");
  }

  @Test
  void anEmptyValueIsRefusedNamingTheOptionAndWhatItNeeds() {
    refused("cmd: option --out needs a value (FILE), not an empty one", "--out=");
    refused("cmd: option --as-of needs a value (DATE), not an empty one", "--as-of", "");
  }

  @Test
  void everyMistakeNamesTheOption() {
    refused("cmd: unexpected argument 'file.csv'", "file.csv");
    refused("cmd: unexpected argument '--'", "--");
    refused("cmd: unexpected argument '-top'", "-top", "5");
    refused("cmd: unknown option --colour", "--colour");
    refused("cmd: unknown option --colour", "--colour=red");
    refused("cmd: option --top needs a value (N)", "--top");
    refused("cmd: option --top needs a value (N)", "--top", "--json");
    refused("cmd: option --json takes no value", "--json=yes");
    refused("cmd: option --top is given twice", "--top", "1", "--top=2");
    refused("cmd: option --json is given twice", "--json", "--json");
  }

  @Test
  void aWholeNumberLiesInItsRangeBothEndsIncluded() {
    assertThat(parse().integer("top", 10, 0, 1000)).isEqualTo(10);
    assertThat(parse("--top", "0").integer("top", 10, 0, 1000)).isZero();
    assertThat(parse("--top", "1000").integer("top", 10, 0, 1000)).isEqualTo(1000);
    assertThat(parse("--top", "1_000").integer("top", 10, 0, 1000)).isEqualTo(1000);
    assertThatThrownBy(() -> parse("--top", "1001").integer("top", 10, 0, 1000))
        .isInstanceOf(UsageException.class).hasMessage("cmd: --top 1001 is outside 0..1000");
    assertThatThrownBy(() -> parse("--top", "-1").integer("top", 10, 0, 1000))
        .isInstanceOf(UsageException.class).hasMessage("cmd: --top -1 is outside 0..1000");
    assertThatThrownBy(() -> parse("--top", "ten").integer("top", 10, 0, 1000))
        .isInstanceOf(UsageException.class).hasMessage("cmd: --top 'ten' is not a whole number");
    // Beyond an int, not wrapped round into the range.
    assertThatThrownBy(() -> parse("--top", "4294967297").integer("top", 10, 0, 1000))
        .isInstanceOf(UsageException.class).hasMessage("cmd: --top 4294967297 is outside 0..1000");
  }

  @Test
  void aLongNumberHasItsDefaultAndAMessage() {
    assertThat(parse().longValue("top", 7L)).isEqualTo(7L);
    assertThat(parse("--top", "-9000000000").longValue("top", 7L)).isEqualTo(-9_000_000_000L);
    assertThatThrownBy(() -> parse("--top", "many").longValue("top", 7L))
        .isInstanceOf(UsageException.class).hasMessage("cmd: --top 'many' is not a whole number");
  }

  @Test
  void aDateIsIsoAndLiesInTheYears0001To9999() {
    assertThat(parse().date("as-of")).isEqualTo(Optional.empty());
    assertThat(parse("--as-of", "2025-02-01").date("as-of")).contains(LocalDate.of(2025, 2, 1));
    assertThat(parse("--as-of", "0001-01-01").date("as-of")).contains(LocalDate.of(1, 1, 1));
    assertThat(parse("--as-of", "9999-12-31").date("as-of")).contains(LocalDate.of(9999, 12, 31));
    assertThatThrownBy(() -> parse("--as-of", "0000-12-31").date("as-of"))
        .isInstanceOf(UsageException.class).hasMessage("cmd: --as-of '0000-12-31' is outside the years 0001 to 9999");
    assertThatThrownBy(() -> parse("--as-of", "+10000-01-01").date("as-of"))
        .isInstanceOf(UsageException.class).hasMessage("cmd: --as-of '+10000-01-01' is outside the years 0001 to 9999");
    assertThatThrownBy(() -> parse("--as-of", "2025-02-30").date("as-of"))
        .isInstanceOf(UsageException.class).hasMessage("cmd: --as-of '2025-02-30' is not a date (yyyy-mm-dd)");
  }

  @Test
  void theHelpListsEveryOptionWithItsValueInOneColumn() {
    assertThat(Arguments.help("cmd [options]", "Does things.", OPTIONS)).isEqualTo(
        "Usage: cmd [options]\n\nDoes things.\n\nOptions:\n"
            + "  --top N       how many\n"
            + "  --as-of DATE  the day\n"
            + "  --out FILE    where\n"
            + "  --json        as JSON\n");
  }
}
