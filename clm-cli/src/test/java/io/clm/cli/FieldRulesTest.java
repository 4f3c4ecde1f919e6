package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.RelationshipClosed;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of each kind's fields in {@code analyze}'s files (docs/integration.md), one bad value
 * at a time, with the message that names the line, the field and the value.
 */
class FieldRulesTest {

  private static RowReaderTest.Result csv(RecordKind kind, String rows) {
    return RowReaderTest.readAll(String.join(",", kind.fields()) + "\n" + rows, kind, RowReader.Format.CSV, "f.csv");
  }

  private static List<String> messages(RecordKind kind, String rows) {
    RowReaderTest.Result r = csv(kind, rows);
    assertThat(r.events()).isEmpty();
    return r.rejected().stream().map(BadRowException::getMessage).toList();
  }

  private static Event only(RecordKind kind, String row) {
    RowReaderTest.Result r = csv(kind, row);
    assertThat(r.rejected()).isEmpty();
    assertThat(r.events()).hasSize(1);
    return r.events().get(0);
  }

  @Test
  void aTransactionIsInTheRunsCurrencyWithAnAmountThatIsNotNegative() {
    assertThat(messages(RecordKind.TRANSACTIONS,
        "t1,C-1001,2025-01-02T10:00:00Z,debit,5.00,USD,card,pos\n"
            + "t2,C-1001,2025-01-02T10:00:00Z,debit,-5.00,EUR,card,pos\n"
            + "t3,C-1001,2025-01-02T10:00:00Z,sideways,5.00,,card,pos\n"))
        .containsExactly(
            "f.csv line 2, field 'currency': 'USD' is not the run's currency EUR",
            "f.csv line 3, field 'amount': -5.00 is negative; give the direction instead, or pass --signed-amounts",
            "f.csv line 4, field 'direction': 'sideways' is not one of debit, credit");
    // The currency in any case, or none.
    assertThat(only(RecordKind.TRANSACTIONS, "t1,C-1001,2025-01-02T10:00:00Z,debit,5.00,eur,card,pos\n")).isNotNull();
    assertThat(only(RecordKind.TRANSACTIONS, "t1,C-1001,2025-01-02T10:00:00Z,debit,0,,card,pos\n")).isNotNull();
  }

  @Test
  void aSurveyHasASatisfactionFrom0To10AndNothingElseHasOne() {
    assertThat(messages(RecordKind.INTERACTIONS,
        "i1,C-1001,2025-01-02T10:00:00Z,survey,phone,11\n"
            + "i2,C-1001,2025-01-02T10:00:00Z,survey,phone,-1\n"
            + "i3,C-1001,2025-01-02T10:00:00Z,survey,phone,\n"
            + "i4,C-1001,2025-01-02T10:00:00Z,survey,phone,7.5\n"
            + "i5,C-1001,2025-01-02T10:00:00Z,contact,phone,7\n"))
        .containsExactly(
            "f.csv line 2, field 'satisfaction': 11 is outside 0..10",
            "f.csv line 3, field 'satisfaction': -1 is outside 0..10",
            "f.csv line 4, field 'satisfaction': is missing",
            "f.csv line 5, field 'satisfaction': '7.5' is not a whole number",
            "f.csv line 6, field 'satisfaction': is only for surveys, but the kind is contact");
    assertThat(((Interaction) only(RecordKind.INTERACTIONS, "i1,C-1001,2025-01-02T10:00:00Z,survey,phone,0\n")).satisfaction())
        .isZero();
    assertThat(((Interaction) only(RecordKind.INTERACTIONS, "i1,C-1001,2025-01-02T10:00:00Z,survey,phone,10\n")).satisfaction())
        .isEqualTo(10);
    assertThat(((Interaction) only(RecordKind.INTERACTIONS, "i1,C-1001,2025-01-02T10:00:00Z,visit,branch,\n")).satisfaction())
        .isNull();
  }

  @Test
  void aComplaintIsOpenedWithASeverityOrResolvedWithAnAnswer() {
    assertThat(messages(RecordKind.COMPLAINTS,
        "c1,C-1001,2025-01-02T10:00:00Z,K1,escalated,urgent,\n"
            + "c2,C-1001,2025-01-02T10:00:00Z,K1,opened,high,\n"
            + "c3,C-1001,2025-01-02T10:00:00Z,K1,resolved,,maybe\n"
            + "c4,C-1001,2025-01-02T10:00:00Z,K1,resolved,,\n"
            + "c5,C-1001,2025-01-02T10:00:00Z,K1,resolved,urgent,true\n"
            + "c6,C-1001,2025-01-02T10:00:00Z,K1,opened,normal,false\n"))
        .containsExactly(
            "f.csv line 2, field 'status': 'escalated' is not one of opened, resolved",
            "f.csv line 3, field 'severity': 'high' is not one of urgent, normal",
            "f.csv line 4, field 'accepted': 'maybe' is not true or false",
            "f.csv line 5, field 'accepted': is missing",
            "f.csv line 6, field 'severity': is only for opening a ticket, but the status is resolved",
            "f.csv line 7, field 'accepted': is only for resolving a ticket, but the status is opened");
  }

  @Test
  void aYesOrNoIsWrittenInAnyOfThreeWays() {
    for (String yes : List.of("true", "TRUE", "yes", "Yes", "1")) {
      assertThat(((ComplaintResolved) only(RecordKind.COMPLAINTS, "c1,C-1001,2025-01-02T10:00:00Z,K1,resolved,," + yes + "\n"))
          .accepted()).as(yes).isTrue();
      assertThat(((ConsentChange) only(RecordKind.CONSENTS, "g1,C-1001,2025-01-02T10:00:00Z,marketing," + yes + "\n"))
          .granted()).as(yes).isTrue();
      assertThat(((RelationshipClosed) only(RecordKind.RELATIONSHIPS, "x1,C-1001,2025-01-02T10:00:00Z," + yes + "\n"))
          .debtsSettled()).as(yes).isTrue();
    }
    for (String no : List.of("false", "False", "no", "NO", "0")) {
      assertThat(((ComplaintResolved) only(RecordKind.COMPLAINTS, "c1,C-1001,2025-01-02T10:00:00Z,K1,resolved,," + no + "\n"))
          .accepted()).as(no).isFalse();
    }
  }

  @Test
  void anAttributeValueLiesInTheAttributesRange() {
    assertThat(messages(RecordKind.ATTRIBUTES,
        "a1,C-1001,2025-01-02T10:00:00Z,credit-score,1001\n"
            + "a2,C-1001,2025-01-02T10:00:00Z,competitor-attention,1.5\n"
            + "a3,C-1001,2025-01-02T10:00:00Z,vulnerable,2\n"
            + "a4,C-1001,2025-01-02T10:00:00Z,revenue,-1\n"
            + "a5,C-1001,2025-01-02T10:00:00Z,decision-time-days,-2\n"
            + "a6,C-1001,2025-01-02T10:00:00Z,shoe-size,42\n"))
        .containsExactly(
            "f.csv line 2, field 'value': 1001 is out of range for credit-score (0 to 1000)",
            "f.csv line 3, field 'value': 1.5 is out of range for competitor-attention (0 to 1)",
            "f.csv line 4, field 'value': 2 is out of range for vulnerable (0 or 1)",
            "f.csv line 5, field 'value': -1 is out of range for revenue (0 to 900000000000000, at most 4 fraction digits)",
            "f.csv line 6, field 'value': -2 is out of range for decision-time-days (0 to 1000000000)",
            "f.csv line 7, field 'attribute': 'shoe-size' is not one of credit-score, total-business, revenue, cost-to-serve, "
                + "scale, competitor-attention, price-sensitivity, decision-time-days, incident-tolerance, vulnerable");
  }

  /** A customer id of four characters or more is masked wherever the message would quote it; a shorter one would match ordinary text. */
  @Test
  void aCustomerIdInAnotherFieldIsNotQuoted() {
    assertThat(messages(RecordKind.TRANSACTIONS, "t1,C-12,2025-01-02T10:00:00Z,debit,C-12,,card,pos\n"
        + "t2,C-1,2025-01-02T10:00:00Z,debit,C-1,,card,pos\n")).containsExactly(
        "f.csv line 2, field 'amount': '(customer id)' is not a decimal number within bounds (at most 18 digits before the '.', "
            + "no exponent)",
        "f.csv line 3, field 'amount': 'C-1' is not a decimal number within bounds (at most 18 digits before the '.', no exponent)");
  }

  @Test
  void aProductIsOpenedOrClosed() {
    assertThat(messages(RecordKind.PRODUCTS, "p1,C-1001,2025-01-02T10:00:00Z,card,frozen\n"))
        .containsExactly("f.csv line 2, field 'status': 'frozen' is not one of opened, closed");
    assertThat(only(RecordKind.PRODUCTS, "p1,C-1001,2025-01-02T10:00:00Z,card,CLOSED\n").type())
        .isEqualTo(io.clm.api.event.EventType.PRODUCT_CLOSED);
    assertThat(only(RecordKind.PRODUCTS, "p1,C-1001,2025-01-02T10:00:00Z,card,Opened\n").type())
        .isEqualTo(io.clm.api.event.EventType.PRODUCT_OPENED);
  }

  @Test
  void onlyTheFieldsSomeRowsLackMayBeLeftOutOfAFile() {
    for (RecordKind kind : RecordKind.values()) {
      for (int f = 0; f < kind.fields().size(); f++) {
        String field = kind.fields().get(f);
        boolean optional = List.of("currency", "satisfaction", "severity", "accepted").contains(field);
        assertThat(kind.optional(f)).as(kind + " " + field).isEqualTo(optional);
      }
    }
    Dialect signed = new Dialect(',', '.', true, java.util.Optional.empty(), java.time.ZoneOffset.UTC, 1024);
    assertThat(RecordKind.TRANSACTIONS.optional(3, signed)).isTrue();
    assertThat(RecordKind.TRANSACTIONS.optional(4, signed)).isFalse();
    assertThat(RecordKind.INTERACTIONS.optional(3, signed)).isFalse();
    assertThat(RecordKind.TRANSACTIONS.decimal(4)).isTrue();
    assertThat(RecordKind.ATTRIBUTES.decimal(4)).isTrue();
    assertThat(RecordKind.TRANSACTIONS.decimal(3)).isFalse();
    assertThat(RecordKind.COMPLAINTS.decimal(4)).isFalse();
  }
}
