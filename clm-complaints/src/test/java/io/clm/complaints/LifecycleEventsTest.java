package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.Resolution;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle events the desk puts in its outbox: one {@link ComplaintOpened} per cycle once the
 * customer is known and the complaint classified, one {@link ComplaintResolved} when the cycle
 * ends (accepted or not), at the instants of the operations, and all of them delivered whatever
 * piled up while the sink refused.
 */
class LifecycleEventsTest {

  private static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
  private static final Resolution REFUND = new Resolution("refunded", Optional.empty(), "duplicate charge");

  private final List<Event> events = new ArrayList<>();

  private ComplaintDesk desk() {
    return ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard")).calendar(TestCalendars.england())
        .events(events::add).startAt(T0).build();
  }

  private static String resolved(ComplaintDesk desk, Intake intake, Instant at) {
    String id = desk.open(intake, "agent").id();
    desk.acknowledge(id, "agent", at);
    desk.classify(id, "system", at);
    desk.assign(id, "system", at);
    desk.start(id, "agent", at);
    desk.resolve(id, REFUND, "agent", at);
    return id;
  }

  private static String described(Event e) {
    if (e instanceof ComplaintOpened o) {
      return o.id() + " " + o.at() + " " + o.severity();
    }
    ComplaintResolved r = (ComplaintResolved) e;
    return r.id() + " " + r.at() + " accepted " + r.accepted();
  }

  private List<String> described() {
    return events.stream().map(LifecycleEventsTest::described).toList();
  }

  @Test
  void aCycleEndsUnacceptedWhenTheCustomerRejectsWhenTheTicketIsClosedUnansweredOrWithdrawn() {
    ComplaintDesk desk = desk();
    Instant at = T0.plusSeconds(60);
    String rejected = resolved(desk, Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), T0, "x"), at);
    String unanswered = resolved(desk, Intake.of(ComplaintChannel.WEB, CustomerId.of("b"), T0, "x"), at);
    String withdrawn = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("c"), T0, "x"), "agent").id();
    desk.acknowledge(withdrawn, "agent", at);
    desk.classify(withdrawn, "system", at);
    events.clear();

    assertThat(desk.reject(rejected, "agent", "wants more", T0.plusSeconds(120)).accepted()).contains(false);
    assertThat(desk.close(unanswered, "agent", "no answer in 8 weeks", T0.plusSeconds(180)).state())
        .isEqualTo(ComplaintState.CLOSED);
    assertThat(desk.withdraw(withdrawn, "agent", "customer withdrew", T0.plusSeconds(240)).state())
        .isEqualTo(ComplaintState.WITHDRAWN);
    assertThat(described()).containsExactly(
        rejected + "/resolved/1 2025-06-02T09:02:00Z accepted false",
        unanswered + "/resolved/1 2025-06-02T09:03:00Z accepted false",
        withdrawn + "/resolved/1 2025-06-02T09:04:00Z accepted false");
    // closing after the rejection ends no second cycle
    desk.close(rejected, "agent", "customer did not come back", T0.plusSeconds(300));
    assertThat(events).hasSize(3);
  }

  @Test
  void aCycleThatEndedBeforeTheCustomerWasKnownIsReportedWhenTheCustomerIsIdentified() {
    ComplaintDesk desk = desk();
    Instant at = T0.plusSeconds(60);
    String id = resolved(desk, Intake.call("+44 20 0000 0000", T0, "charged twice"), at);
    desk.accept(id, "agent", at);
    assertThat(events).isEmpty();

    Complaint identified = desk.identifyCustomer(id, CustomerId.of("a"), "agent", T0.plusSeconds(600));
    assertThat(identified.state()).isEqualTo(ComplaintState.CLOSED);
    assertThat(described()).containsExactly(
        id + "/opened/1 2025-06-02T09:00:00Z NORMAL",
        id + "/resolved/1 2025-06-02T09:10:00Z accepted true");
  }

  @Test
  void aReopeningAfterAnAcceptanceOpensTheNewCycleAtTheReopeningItself() {
    ComplaintDesk desk = desk();
    Instant at = T0.plusSeconds(60);
    String id = resolved(desk, Intake.of(ComplaintChannel.WEB, CustomerId.of("a"), T0, "x"), at);
    desk.accept(id, "agent", T0.plusSeconds(120));
    events.clear();
    // the end of the first cycle went out with the acceptance: the opening needs no later instant
    desk.reopen(id, "agent", "refund never arrived", T0.plusSeconds(180));
    assertThat(described()).containsExactly(id + "/opened/2 2025-06-02T09:03:00Z NORMAL");
  }

  @Test
  void everythingThatPiledUpWhileTheSinkRefusedIsDeliveredInOneCall() {
    boolean[] refuse = {true};
    ComplaintDesk desk = ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(TestCalendars.england()).startAt(T0).events(e -> {
          if (refuse[0]) {
            throw new IllegalStateException("engine down");
          }
          events.add(e);
        }).build();
    // 300 openings: more than one batch of the outbox
    for (int i = 0; i < 300; i++) {
      String id = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of("c" + i), T0, "x"), "agent").id();
      desk.acknowledge(id, "agent", T0);
      desk.classify(id, "system", T0);
    }
    assertThat(desk.pendingEvents()).isEqualTo(300);
    refuse[0] = false;
    assertThat(desk.deliverEvents()).isEqualTo(300);
    assertThat(desk.pendingEvents()).isZero();
    assertThat(events).hasSize(300);
    assertThat(events.get(299).id()).isEqualTo("C-300/opened/1");
  }
}
