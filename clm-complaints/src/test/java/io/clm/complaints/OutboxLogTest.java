package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.Intake;
import io.clm.api.event.Event;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** What the desk logs when its sink refuses a lifecycle event: once per event, and no personal data. */
class OutboxLogTest {

  private static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
  /** A customer id as a bank writes it; no log line may carry it. */
  private static final String CUSTOMER = "CUST0012345";

  private static ComplaintDesk desk(Consumer<Event> sink) {
    return ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard"))
        .calendar(HolidayCalendars.of("GB-ENG")).ticketStore(new InMemoryTicketStore()).events(sink).startAt(T0).build();
  }

  /** Opens a ticket and classifies it, which emits its first lifecycle event. */
  private static void openAndClassify(ComplaintDesk desk) {
    String id = desk.open(Intake.of(ComplaintChannel.WEB, CustomerId.of(CUSTOMER), T0, "a fee I did not agree to"), "agent")
        .id();
    desk.acknowledge(id, "agent", T0);
    desk.classify(id, "system", T0);
  }

  private static String logOf(Runnable action) {
    PrintStream err = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(err);
    }
    return log.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRefusedEventIsLoggedOnceWithItsMaskedCustomerAndClmsMessage() {
    List<Event> refused = new ArrayList<>();
    ComplaintDesk[] desk = new ComplaintDesk[1];
    String first = logOf(() -> desk[0] = desk(e -> {
      refused.add(e);
      throw new ValidationException("customer " + e.customer().masked() + " is not known");
    }));
    String opened = logOf(() -> openAndClassify(desk[0]));
    String masked = CustomerId.of(CUSTOMER).masked();

    assertThat(first).isEmpty();
    assertThat(refused).hasSize(1);
    assertThat(opened).isEqualTo("WARN io.clm.complaints.desk.Outbox - outbox entry 1, lifecycle event '"
        + refused.get(0).id() + "' of customer " + masked + ", was refused by the sink and waits, with the events"
        + " after it: io.clm.api.ValidationException: customer " + masked + " is not known" + System.lineSeparator());
    assertThat(opened).doesNotContain(CUSTOMER);
    assertThat(desk[0].pendingEvents()).isEqualTo(1);

    // the same event refused again is not logged at WARN again
    String again = logOf(() -> assertThat(desk[0].deliverEvents()).isZero());
    assertThat(again).isEmpty();
    assertThat(refused).hasSize(2);
    assertThat(refused.get(1).id()).isEqualTo(refused.get(0).id());
  }

  @Test
  void anotherExceptionsMessageIsLeftOutForItMayHoldPersonalData() {
    boolean[] refuse = {true};
    List<Event> delivered = new ArrayList<>();
    ComplaintDesk desk = desk(e -> {
      if (refuse[0]) {
        throw new IllegalStateException("no account for " + CUSTOMER);
      }
      delivered.add(e);
    });
    String log = logOf(() -> openAndClassify(desk));

    assertThat(log).endsWith(", was refused by the sink and waits, with the events after it:"
        + " java.lang.IllegalStateException" + System.lineSeparator());
    assertThat(log).doesNotContain(CUSTOMER);
    refuse[0] = false;
    assertThat(logOf(() -> assertThat(desk.deliverEvents()).isEqualTo(1))).isEmpty();
    assertThat(delivered).hasSize(1);
    assertThat(desk.pendingEvents()).isZero();
  }
}
