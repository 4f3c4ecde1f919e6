package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.Transaction;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * {@code --signed-amounts}: a negative amount is a debit, a positive one a credit, and a direction
 * given must agree. A zero amount has no sign: the direction column says which way it went, or
 * without one, a minus sign written before it.
 */
class SignedAmountsTest {
  private static final Dialect SIGNED = new Dialect(',', '.', true, Optional.empty(), java.time.ZoneOffset.UTC, 1024);
  private static final String HEADER = "id,customer_id,timestamp,direction,amount,product,channel\n";

  private static HostileInputTest.Result read(String rows) {
    return HostileInputTest.read(HEADER + rows, SIGNED);
  }

  private static Transaction only(HostileInputTest.Result r) {
    assertThat(r.rejected()).isEmpty();
    assertThat(r.events()).hasSize(1);
    Event e = r.events().get(0);
    return (Transaction) e;
  }

  @Test
  void theSignGivesTheDirectionAndTheAmountIsItsMagnitude() {
    Transaction debit = only(read("t1,C-1001,2025-01-02T10:00:00Z,,-20.50,card,pos\n"));
    assertThat(debit.direction()).isEqualTo(Direction.DEBIT);
    assertThat(debit.amount().minorUnits()).isEqualTo(2050);
    Transaction credit = only(read("t1,C-1001,2025-01-02T10:00:00Z,credit,20.50,card,pos\n"));
    assertThat(credit.direction()).isEqualTo(Direction.CREDIT);
    assertThat(credit.amount().minorUnits()).isEqualTo(2050);
  }

  @Test
  void aDirectionThatDisagreesWithTheSignIsABadRow() {
    HostileInputTest.Result r = read("t1,C-1001,2025-01-02T10:00:00Z,credit,-20.50,card,pos\n"
        + "t2,C-1001,2025-01-02T10:00:00Z,debit,20.50,card,pos\n");
    assertThat(r.events()).isEmpty();
    assertThat(r.rejected()).extracting(BadRowException::getMessage).containsExactly(
        "t.csv line 2, field 'direction': 'credit' does not agree with the sign of the amount -20.50",
        "t.csv line 3, field 'direction': 'debit' does not agree with the sign of the amount 20.50");
  }

  @Test
  void aZeroAmountTakesTheDirectionGiven() {
    assertThat(only(read("t1,C-1001,2025-01-02T10:00:00Z,debit,0.00,card,pos\n")).direction()).isEqualTo(Direction.DEBIT);
    assertThat(only(read("t1,C-1001,2025-01-02T10:00:00Z,credit,-0.00,card,pos\n")).direction()).isEqualTo(Direction.CREDIT);
  }

  @Test
  void aZeroAmountWithoutADirectionIsADebitWhenWrittenWithAMinusSign() {
    assertThat(only(read("t1,C-1001,2025-01-02T10:00:00Z,,-0.00,card,pos\n")).direction()).isEqualTo(Direction.DEBIT);
    assertThat(only(read("t1,C-1001,2025-01-02T10:00:00Z,,0,card,pos\n")).direction()).isEqualTo(Direction.CREDIT);
    assertThat(only(read("t1,C-1001,2025-01-02T10:00:00Z,,+0.00,card,pos\n")).direction()).isEqualTo(Direction.CREDIT);
  }
}
