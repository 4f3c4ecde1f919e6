package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.CustomerIdMask;
import io.clm.api.InvalidEventException;
import io.clm.api.InvalidModelException;
import io.clm.api.Money;
import io.clm.api.Stage;
import io.clm.api.StageFamily;
import io.clm.api.ValidationException;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.Intake;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.Direction;
import io.clm.api.event.Interaction;
import io.clm.api.event.ManualMove;
import io.clm.api.event.ProductType;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;
import io.clm.api.model.LifecycleModel;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The table of refused input in docs/integration.md, row by row: each row has an example here that
 * must be refused with the row's error type, and the table must list exactly these rows, so that
 * neither the code nor the documentation can drift from the other.
 */
class ValidationTableTest {
  static final Path DOC = Path.of("..", "docs", "integration.md");
  static final CustomerId C = CustomerId.of("C-1");
  static final Instant AT = Instant.parse("2026-01-05T10:00:00Z");
  static final String TEXT = "1 to %d characters, not blank, no control characters, no lone surrogates";
  static final String BAD_ROW = "bad row";

  record Case(String field, String rule, String errorType, Runnable example) {}

  static List<Case> cases() {
    String iev = "`InvalidEventException`";
    String ve = "`ValidationException`";
    String ime = "`InvalidModelException`";
    return List.of(
        new Case("`Money` amount (text)", "a plain decimal: optional sign, digits, at most one decimal point; no exponent; "
            + "at most 40 characters and 18 digits before the point", ve, () -> Money.of("1e3", "EUR")),
        new Case("`Money` amount", "at most the currency's fraction digits; fits a `long` of minor units", ve,
            () -> Money.of("1.001", "EUR")),
        new Case("`Money` currency", "an ISO 4217 code with fraction digits (not `XXX`, `XAU`)", ve, () -> Money.of("1", "XAU")),
        new Case("`Money.plus`", "the sum fits a `long` of minor units", ve,
            () -> Money.ofMinor(Long.MAX_VALUE, Money.currency("EUR")).plus(Money.of("0.01", "EUR"))),
        new Case("`CustomerId`", String.format(Locale.ROOT, TEXT, 128), iev, () -> CustomerId.of("C\ud800")),
        new Case("event `id`", String.format(Locale.ROOT, TEXT, 128), iev, () -> transaction("t\u0085", "1")),
        new Case("`complaintId`", String.format(Locale.ROOT, TEXT, 128), iev, () -> new ComplaintOpened("e", C, AT, " ", Severity.URGENT)),
        new Case("`ManualMove.toStage`", String.format(Locale.ROOT, TEXT, 64), iev, () -> new ManualMove("e", C, AT, "s".repeat(65), "rm", "why")),
        new Case("`ManualMove.actor`", String.format(Locale.ROOT, TEXT, 128), iev, () -> new ManualMove("e", C, AT, "s", "r\nm", "why")),
        new Case("`ManualMove.reason`", String.format(Locale.ROOT, TEXT, 1000), iev, () -> new ManualMove("e", C, AT, "s", "rm", "w".repeat(1001))),
        new Case("`Transaction.amount`", "not negative", iev, () -> transaction("t", "-1")),
        new Case("`Interaction.satisfaction`", "0 to 10; required for surveys, absent otherwise", iev,
            () -> Interaction.survey("i", C, AT, Channel.ONLINE, 11)),
        new Case("`AttributeUpdate.value` (money)", "0 to 900,000,000,000,000; at most 4 fraction digits", iev,
            () -> attribute(Attribute.REVENUE, "1e400")),
        new Case("`AttributeUpdate.value` (unit)", "0 to 1; at most 18 fraction digits", iev,
            () -> attribute(Attribute.PRICE_SENSITIVITY, "1e-19")),
        new Case("`AttributeUpdate.value` (score)", "0 to 1000; at most 18 fraction digits", iev,
            () -> attribute(Attribute.CREDIT_SCORE, "1000.1")),
        new Case("`AttributeUpdate.value` (non-negative)", "0 to 1,000,000,000; at most 18 fraction digits", iev,
            () -> attribute(Attribute.DECISION_TIME_DAYS, "1000000001")),
        new Case("`AttributeUpdate.value` (flag)", "0 or 1", iev, () -> attribute(Attribute.VULNERABLE, "2")),
        new Case("`Clm.builder().currency`", "an ISO 4217 code with fraction digits", ve, () -> Clm.builder().currency("XXX")),
        new Case("`Clm.builder().futureTolerance`", "0 to 36,500 days", ve,
            () -> Clm.builder().futureTolerance(Duration.ofDays(36_501))),
        new Case("`ComplaintDeskBuilder.futureTolerance`", "0 to 36,500 days", ve,
            () -> ComplaintDesk.builder().futureTolerance(Duration.ofDays(36_501))),
        new Case("`Clm.builder().trendWindow`", "1 hour to 36,500 days", ve,
            () -> Clm.builder().trendWindow(Duration.ofSeconds(Long.MAX_VALUE))),
        new Case("`Clm.builder().deduplicationWindow`", "1 day to 36,500 days", ve,
            () -> Clm.builder().deduplicationWindow(Duration.ofHours(1))),
        new Case("`CustomerIdMask.withKey`", "at least 32 bytes, not all equal", ve, () -> CustomerIdMask.withKey(new byte[16])),
        new Case("`Intake.content`", "1 to 10,000 characters, not blank", ve,
            () -> Intake.call("+1 555 0100", AT, " ")),
        new Case("`Intake.callerPhone`, `orderNumber`, `profile`", String.format(Locale.ROOT, TEXT, 64), ve,
            () -> Intake.call("+1 555\n0100", AT, "fee")),
        new Case("complaint category (intake, routing rules, regulatory profiles)",
            String.format(Locale.ROOT, TEXT, 64) + "; lowercase, no space around it", ve,
            () -> Intake.call("+1 555 0100", AT, "fee").withCategory("Fees")),
        new Case("`ComplaintDeskBuilder.ticketPrefix`", "1 to 16 characters, no spaces, slashes, control characters or lone surrogates",
            ve, () -> ComplaintDesk.builder().ticketPrefix("C/")),
        new Case("model id", "lowercase letters, digits, hyphens and dots, starting with a letter, at most 64 characters", ime,
            () -> LifecycleModel.builder("Model")),
        new Case("stage id", "lowercase letters, digits and hyphens, starting with a letter, at most 64 characters", ime,
            () -> new Stage("a.b", StageFamily.GROWTH)),
        new Case("rule id", "lowercase letters, digits and hyphens, starting with a letter, at most 64 characters", ime,
            () -> LifecycleModel.builder("m").stage("a", StageFamily.PROSPECT).rule("R").from("a").to("a").priority(1)
                .when(io.clm.api.Metric.TRANSACTION_COUNT.atLeast(1))),
        new Case("`analyze` line", "valid UTF-8, at most `--max-line-length` bytes (64 KiB)", BAD_ROW,
            () -> badRow(RowReader.Format.CSV, "x".repeat(70_000))),
        new Case("`analyze` CSV row", "quotes closed on their line; as many columns as the header", BAD_ROW,
            () -> badRow(RowReader.Format.CSV, "t1,\"C-1,2025-01-02T10:00:00Z,credit,1,loan,atm")),
        new Case("`analyze` JSON line", "one JSON object; no key twice; numbers at most 40 characters", BAD_ROW,
            () -> badRow(RowReader.Format.JSONL, "{\"id\":\"a\",\"id\":\"b\"}")),
        new Case("`analyze` amount, value", "as `Money` amount (text), with the dialect's decimal separator", BAD_ROW,
            () -> badRow(RowReader.Format.CSV, "t1,C-1,2025-01-02T10:00:00Z,credit,1e3,loan,atm")));
  }

  static Transaction transaction(String id, String amount) {
    return new Transaction(id, C, AT, Direction.CREDIT, new Money(new BigDecimal(amount), Money.currency("EUR")),
        ProductType.LOAN, Channel.ATM);
  }

  static AttributeUpdate attribute(Attribute a, String value) {
    return new AttributeUpdate("a", C, AT, a, new BigDecimal(value));
  }

  /** Throws the bad row's exception, wrapped, if the one-row file is refused. */
  static void badRow(RowReader.Format format, String row) {
    String text = format == RowReader.Format.CSV ? HostileInputTest.HEADER + row + "\n" : row + "\n";
    RowReaderTest.Result r = RowReaderTest.readAll(text, RecordKind.TRANSACTIONS, format);
    if (!r.rejected().isEmpty()) {
      throw new BadRow(r.rejected().get(0));
    }
  }

  /** A refused row, as an unchecked exception for the table's examples. */
  static final class BadRow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadRow(BadRowException cause) {
      super(cause.getMessage(), cause);
    }
  }

  @Test
  void everyRowsExampleIsRefusedWithItsErrorType() {
    for (Case c : cases()) {
      Class<? extends Throwable> type = switch (c.errorType()) {
        case "`ValidationException`" -> ValidationException.class;
        case "`InvalidEventException`" -> InvalidEventException.class;
        case "`InvalidModelException`" -> InvalidModelException.class;
        case BAD_ROW -> BadRow.class;
        default -> throw new AssertionError("unknown error type " + c.errorType());
      };
      assertThatThrownBy(c.example()::run).as(c.field()).isInstanceOf(type);
    }
  }

  @Test
  void theDocumentedTableListsExactlyTheseRows() throws Exception {
    String doc = Files.readString(DOC);
    int begin = doc.indexOf("<!-- validations:begin -->");
    int end = doc.indexOf("<!-- validations:end -->");
    assertThat(begin).isPositive();
    assertThat(end).isGreaterThan(begin);
    List<String> documented = new ArrayList<>();
    for (String line : doc.substring(begin, end).split("\n")) {
      if (line.startsWith("| ") && !line.startsWith("| field ")) {
        documented.add(line.strip());
      }
    }
    List<String> expected = new ArrayList<>();
    for (Case c : cases()) {
      expected.add("| " + c.field() + " | " + c.rule() + " | " + c.errorType() + " |");
    }
    assertThat(documented).containsExactlyElementsOf(expected);
  }
}
