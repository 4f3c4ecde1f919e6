package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.event.Channel;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Complaint tickets followed through rows in any order: which resolution closes which opening. */
class ComplaintLogTest {
  private static final Instant T = Instant.parse("2024-03-01T09:00:00Z");
  private static int ids;

  private static ComplaintOpened opened(String customer, String complaint, Instant at, Severity severity) {
    return new ComplaintOpened("o-" + ++ids, CustomerId.of(customer), at, complaint, severity);
  }

  private static ComplaintResolved resolved(String customer, String complaint, Instant at, boolean accepted) {
    return new ComplaintResolved("r-" + ++ids, CustomerId.of(customer), at, complaint, accepted);
  }

  private static Instant hours(long h) {
    return T.plus(Duration.ofHours(h));
  }

  @Test
  void otherEventsAreNotComplaints() {
    ComplaintLog log = new ComplaintLog();
    assertThat(log.accept(new Transaction("t", CustomerId.of("C-1"), T, Direction.CREDIT, Money.of("1.00", "EUR"),
        ProductType.CURRENT_ACCOUNT, Channel.MOBILE))).isFalse();
    assertThat(log.opened()).isZero();
    assertThat(log.open()).isEmpty();
    assertThat(log.resolved()).isEmpty();
  }

  @Test
  void aResolutionClosesTheTicketOpenedBeforeIt() {
    ComplaintLog log = new ComplaintLog();
    assertThat(log.accept(opened("C-1", "Q-1", T, Severity.URGENT))).isTrue();
    assertThat(log.open()).containsExactly(new ComplaintLog.Open("C-1", "Q-1", Severity.URGENT, T));
    // opened again while open: the same ticket
    assertThat(log.accept(opened("C-1", "Q-1", hours(1), Severity.NORMAL))).isFalse();
    assertThat(log.accept(resolved("C-1", "Q-1", hours(5), true))).isTrue();

    assertThat(log.opened()).isEqualTo(1);
    assertThat(log.open()).isEmpty();
    assertThat(log.resolved()).containsExactly(new ComplaintLog.Resolved(Severity.URGENT, T, Duration.ofHours(5), true));
    assertThat(log.resolutionsWithoutOpening()).isZero();
  }

  @Test
  void aResolutionAtTheOpeningsInstantClosesItAndOneBeforeItDoesNot() {
    ComplaintLog log = new ComplaintLog();
    log.accept(opened("C-1", "Q-1", T, Severity.NORMAL));
    assertThat(log.accept(resolved("C-1", "Q-1", T.minusSeconds(1), false))).isFalse();
    assertThat(log.resolutionsWithoutOpening()).isEqualTo(1);
    assertThat(log.open()).hasSize(1);
    assertThat(log.accept(resolved("C-1", "Q-1", T, false))).isTrue();
    assertThat(log.resolved()).containsExactly(new ComplaintLog.Resolved(Severity.NORMAL, T, Duration.ZERO, false));
    assertThat(log.resolutionsWithoutOpening()).isEqualTo(1);
  }

  @Test
  void aResolutionThatComesFirstWaitsForItsOpeningAndTheEarliestMatchingOneCloses() {
    ComplaintLog log = new ComplaintLog();
    assertThat(log.accept(resolved("C-1", "Q-1", hours(9), true))).isFalse();
    assertThat(log.accept(resolved("C-1", "Q-1", hours(3), false))).isFalse();
    assertThat(log.accept(resolved("C-1", "Q-1", hours(-2), true))).isFalse();
    // the same ticket id of another customer is another ticket
    assertThat(log.accept(resolved("C-2", "Q-1", hours(1), true))).isFalse();
    assertThat(log.resolutionsWithoutOpening()).isEqualTo(4);

    assertThat(log.accept(opened("C-1", "Q-1", T, Severity.URGENT))).isTrue();
    assertThat(log.open()).isEmpty();
    assertThat(log.resolved()).containsExactly(new ComplaintLog.Resolved(Severity.URGENT, T, Duration.ofHours(3), false));
    assertThat(log.resolutionsWithoutOpening()).isEqualTo(3);

    // opened again after it was closed: the next waiting resolution closes it
    assertThat(log.accept(opened("C-1", "Q-1", hours(4), Severity.NORMAL))).isTrue();
    assertThat(log.resolved()).last().isEqualTo(new ComplaintLog.Resolved(Severity.NORMAL, hours(4), Duration.ofHours(5), true));
    assertThat(log.resolutionsWithoutOpening()).isEqualTo(2);

    // only the resolution before every opening is left of this customer's; a third opening stays open
    assertThat(log.accept(opened("C-1", "Q-1", hours(10), Severity.NORMAL))).isTrue();
    assertThat(log.open()).containsExactly(new ComplaintLog.Open("C-1", "Q-1", Severity.NORMAL, hours(10)));
    assertThat(log.opened()).isEqualTo(3);
    assertThat(log.resolutionsWithoutOpening()).isEqualTo(2);

    assertThat(log.accept(opened("C-2", "Q-1", T, Severity.URGENT))).isTrue();
    assertThat(log.resolved()).last().isEqualTo(new ComplaintLog.Resolved(Severity.URGENT, T, Duration.ofHours(1), true));
    assertThat(log.resolutionsWithoutOpening()).isEqualTo(1);
  }
}
