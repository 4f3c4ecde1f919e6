package io.clm.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.Classification;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.ComplaintReport;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.Order;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaEvent;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.complaints.StoredTicket;
import io.clm.api.event.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link Optional} components of clm's types, empty and present, of every kind of value clm's
 * records hold in one: text and booleans read strictly, instants as ISO-8601 strings, customer ids,
 * amounts and records of their own.
 */
class OptionalComponentsTest {
  private static final Instant T = Instant.parse("2026-03-01T10:15:30Z");
  private static final CustomerId C = CustomerId.of("C0012345");
  private static final Order ORDER = new Order("o-1", C, T, "card", Optional.of(Money.of("5", "EUR")), "shipped");

  static Complaint complaint(boolean present) {
    return new Complaint(
        "k-1", ComplaintChannel.PHONE, T,
        present ? Optional.of(C) : Optional.empty(),
        present ? Optional.of("o-1") : Optional.empty(),
        present ? Optional.of(ORDER) : Optional.empty(),
        "the fee was charged twice",
        present ? Optional.of(Money.of("9", "EUR")) : Optional.empty(),
        "payment-services",
        present ? Set.of(ComplaintFlag.ORDER_UNVERIFIED) : Set.of(),
        present ? ComplaintState.RESOLVED : ComplaintState.RECEIVED,
        present ? Optional.of(new Classification(Severity.URGENT, "fees")) : Optional.empty(),
        present ? Optional.of("payments desk") : Optional.empty(),
        present ? Optional.of(new Resolution("refund", Optional.of(Money.of("9", "EUR")), "double booking")) : Optional.empty(),
        present ? Optional.of(false) : Optional.empty(),
        "acme.policy",
        present ? Map.of(SlaTarget.RESOLUTION, T.plusSeconds(86_400)) : Map.of(),
        present ? 1 : 0,
        present,
        present ? List.of(new AuditEntry(T, "agent-7", "resolve", ComplaintState.RECEIVED, ComplaintState.RESOLVED, "refunded")) : List.of());
  }

  @Test
  void anEmptyOptionalIsNullAndAPresentOneItsValueInItsOwnFormat() throws Exception {
    ObjectMapper mapper = ClmJacksonModuleTest.mapper();
    assertThat(mapper.writeValueAsString(complaint(false)))
        .isEqualTo(
            "{\"id\":\"k-1\",\"channel\":\"PHONE\",\"receivedAt\":\"2026-03-01T10:15:30Z\",\"customer\":null,\"orderNumber\":null,"
                + "\"order\":null,\"content\":\"the fee was charged twice\",\"amountAtStake\":null,\"category\":\"payment-services\","
                + "\"flags\":[],\"state\":\"RECEIVED\",\"classification\":null,\"assignee\":null,\"resolution\":null,\"accepted\":null,"
                + "\"policyId\":\"acme.policy\",\"deadlines\":{},\"escalationLevel\":0,\"paused\":false,\"audit\":[]}");
    assertThat(mapper.writeValueAsString(complaint(true)))
        .contains(
            "\"customer\":\"C0012345\"",
            "\"orderNumber\":\"o-1\"",
            "\"order\":{\"number\":\"o-1\",\"customer\":\"C0012345\",\"placedAt\":\"2026-03-01T10:15:30Z\",\"description\":\"card\","
                + "\"amount\":{\"amount\":\"5.00\",\"currency\":\"EUR\"},\"status\":\"shipped\"}",
            "\"amountAtStake\":{\"amount\":\"9.00\",\"currency\":\"EUR\"}",
            "\"classification\":{\"severity\":\"URGENT\",\"ruleId\":\"fees\"}",
            "\"assignee\":\"payments desk\"",
            "\"resolution\":{\"correction\":\"refund\",\"compensation\":{\"amount\":\"9.00\",\"currency\":\"EUR\"},\"rootCause\":\"double booking\"}",
            "\"accepted\":false",
            "\"deadlines\":{\"RESOLUTION\":\"2026-03-02T10:15:30Z\"}");
    for (boolean present : List.of(false, true)) {
      assertThat(mapper.readValue(mapper.writeValueAsString(complaint(present)), Complaint.class)).isEqualTo(complaint(present));
    }
  }

  @Test
  void anOptionalInstantIsAnIsoStringAlsoOnAMapperThatWritesTheApplicationsInstantsAsNumbers() throws Exception {
    StoredTicket ticket =
        new StoredTicket(
            3, complaint(true),
            List.of(new StoredTicket.SlaClock(SlaTarget.RESOLUTION, T, 0, false, false, 0, Optional.of(T.plusSeconds(60)))),
            List.of(new StoredTicket.SlaOutcome(SlaTarget.FIRST_RESPONSE, "acme.policy", true, T)),
            List.of(new StoredTicket.Pause(T, T.plusSeconds(5))),
            Optional.of(T.plusSeconds(10)), 1, 1, 0, Optional.empty());
    // the Java-time module writes the application's instants as numbers by default
    for (ObjectMapper mapper : List.of(ClmJacksonModuleTest.mapper(), ClmJacksonModuleTest.mapper().registerModule(new JavaTimeModule()))) {
      String json = mapper.writeValueAsString(ticket);
      assertThat(json)
          .contains("\"pausedSince\":\"2026-03-01T10:15:40Z\"", "\"nextDue\":null", "\"deadline\":\"2026-03-01T10:16:30Z\"");
      assertThat(mapper.readValue(json, StoredTicket.class)).isEqualTo(ticket);
    }
  }

  @Test
  void aPresentValueIsReadAsStrictlyAsTheSameComponentWithoutOptionalNamingTheComponent() throws Exception {
    ObjectMapper mapper = ClmJacksonModuleTest.mapper();
    String json = mapper.writeValueAsString(complaint(true));
    assertThat(catchException(() -> mapper.readValue(json.replace("\"accepted\":false", "\"accepted\":0"), Complaint.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Complaint.accepted must be true or false, not 0");
    assertThat(catchException(() -> mapper.readValue(json.replace("\"assignee\":\"payments desk\"", "\"assignee\":5"), Complaint.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Complaint.assignee must be a string, not 5");
    assertThat(catchException(() -> mapper.readValue(json.replace("\"orderNumber\":\"o-1\"", "\"orderNumber\":true"), Complaint.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Complaint.orderNumber must be a string, not true or false");
    String ticket =
        "{\"sequence\":1,\"complaint\":" + json + ",\"clocks\":[],\"outcomes\":[],\"pauses\":[],\"pausedSince\":\"yesterday\","
            + "\"cycle\":1,\"openedCycle\":0,\"finishedCycle\":0,\"nextDue\":null}";
    assertThat(catchException(() -> mapper.readValue(ticket, StoredTicket.class)))
        .isInstanceOf(InvalidFormatException.class)
        .hasMessageContaining("\"yesterday\"")
        .hasMessageContaining("not a valid Instant");
    assertThat(mapper.readValue(ticket.replace("\"yesterday\"", "\"2026-03-01T10:15:30Z\""), StoredTicket.class).pausedSince())
        .contains(T);
    // a customer id that is not one is refused with its own message, which never quotes it
    String badId = "C0012345" + "7".repeat(130);
    assertThat(catchException(() -> mapper.readValue(json.replace("\"customer\":\"C0012345\",\"orderNumber\"", "\"customer\":\"" + badId + "\",\"orderNumber\""), Complaint.class)))
        .hasMessageContaining("customer id has 138 characters, more than 128")
        .hasMessageNotContaining("C0012345");
  }

  @Test
  void aRecordInsideAnOptionalIsCheckedForRepeatedPropertiesAndTheOuterRecordReadOnAfterIt() throws Exception {
    ObjectMapper mapper = ClmJacksonModuleTest.mapper();
    String json = mapper.writeValueAsString(complaint(true));
    // the order is read from a buffer of its own; the complaint's properties after it must still be read
    assertThat(json.indexOf("\"order\":{")).isLessThan(json.indexOf("\"content\":"));
    assertThat(mapper.readValue(json, Complaint.class)).isEqualTo(complaint(true));
    String repeated = json.replace("\"status\":\"shipped\"}", "\"status\":\"shipped\",\"status\":\"returned\"}");
    assertThat(repeated).isNotEqualTo(json);
    assertThat(catchException(() -> mapper.readValue(repeated, Complaint.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Order has 'status' twice");
    String repeatedInMoney =
        json.replace("\"compensation\":{\"amount\":\"9.00\",\"currency\":\"EUR\"}", "\"compensation\":{\"amount\":\"9.00\",\"currency\":\"EUR\",\"amount\":\"1.00\"}");
    assertThat(repeatedInMoney).isNotEqualTo(json);
    assertThat(catchException(() -> mapper.readValue(repeatedInMoney, Complaint.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Money has \"amount\" twice");
  }

  @Test
  void aReportWithNestedMapsByConstantsRoundTrips() throws Exception {
    ObjectMapper mapper = ClmJacksonModuleTest.mapper();
    ComplaintReport report =
        new ComplaintReport(
            T,
            Map.of(ComplaintReport.AgeBand.DAYS_0_TO_3, Map.of(Severity.URGENT, 2L, Severity.NORMAL, 0L)),
            Map.of(ComplaintReport.AgeBand.DAYS_4_TO_15, 1L),
            Map.of("acme.policy", new ComplaintReport.PolicyCompliance(3, 1, 2, 0)),
            List.of(new SlaEvent("k-1", "acme.policy", SlaTarget.RESOLUTION, SlaEvent.Kind.BREACH, 0, T, T.plusSeconds(1))),
            Map.of("double booking", 4L));
    String json = mapper.writeValueAsString(report);
    assertThat(json)
        .contains(
            "\"asOf\":\"2026-03-01T10:15:30Z\"",
            "\"unclassifiedByAge\":{\"DAYS_4_TO_15\":1}",
            "\"compliance\":{\"acme.policy\":{\"firstResponseMet\":3,\"firstResponseBreached\":1,\"resolutionMet\":2,\"resolutionBreached\":0}}",
            "\"kind\":\"BREACH\"");
    assertThat(mapper.readValue(json, ComplaintReport.class)).isEqualTo(report);
    ComplaintReport empty = new ComplaintReport(T, Map.of(), Map.of(), Map.of(), List.of(), Map.of());
    assertThat(mapper.readValue(mapper.writeValueAsString(empty), ComplaintReport.class)).isEqualTo(empty);
  }
}
