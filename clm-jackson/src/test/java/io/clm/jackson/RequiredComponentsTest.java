package io.clm.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.Erasure;
import io.clm.api.MetricsSnapshot;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.Resolution;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.Transaction;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A component that a clm record cannot be without, missing or null in JSON, is bad input naming
 * the record and the component, as the document spells it: a web framework answers such a
 * failure as the client's fault (an {@code InvalidDefinitionException} would be the server's).
 */
class RequiredComponentsTest {
  private static final String ID = "C0012345";

  private static String transaction(String customer) {
    return "{\"type\":\"transaction\",\"id\":\"e1\"" + customer + ",\"at\":\"2026-03-01T10:15:30Z\",\"direction\":\"CREDIT\","
        + "\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"product\":\"LOAN\",\"channel\":\"MOBILE\"}";
  }

  private static Exception readingComplaint(ObjectMapper mapper, String property, boolean remove) throws Exception {
    ObjectNode tree = (ObjectNode) mapper.readTree(mapper.writeValueAsString(OptionalComponentsTest.complaint(true)));
    assertThat(tree.has(property)).as(property).isTrue();
    if (remove) {
      tree.remove(property);
    } else {
      tree.putNull(property);
    }
    return catchException(() -> mapper.readValue(tree.toString(), Complaint.class));
  }

  @Test
  void aMissingOrNullComponentIsBadInputNamingTheRecordAndTheComponent() throws Exception {
    ObjectMapper mapper = ClmJacksonModuleTest.mapper();
    for (String customer : List.of("", ",\"customer\":null")) {
      Exception failure = catchException(() -> mapper.readValue(transaction(customer), Event.class));
      assertThat(failure)
          .as(customer)
          .isInstanceOf(MismatchedInputException.class)
          .isNotInstanceOf(InvalidDefinitionException.class)
          .hasMessageContaining("Transaction.customer is missing or null");
      assertThat(ClmJacksonModule.describeUnreadable(failure)).isEqualTo("Transaction.customer is missing or null");
      assertThat(((MismatchedInputException) failure).getTargetType()).isEqualTo(Transaction.class);
      assertThat(failure.getCause()).isInstanceOf(NullPointerException.class).hasMessage("customer");
    }
    // the record's own message for a null id is "event id", not the property's name
    assertThat(catchException(() -> mapper.readValue(transaction(",\"customer\":\"" + ID + "\"").replace("\"id\":\"e1\"", "\"id\":null"), Event.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Transaction.id is missing or null")
        .hasMessageNotContaining(ID);
    // lists, sets and maps: the record's constructor fails on them inside the JDK, whose message names no component
    for (String property : List.of("flags", "deadlines", "audit", "receivedAt", "content", "policyId")) {
      for (boolean remove : List.of(true, false)) {
        assertThat(readingComplaint(mapper, property, remove))
            .as("%s %s", property, remove ? "missing" : "null")
            .isInstanceOf(MismatchedInputException.class)
            .hasMessageContaining("Complaint." + property + " is missing or null")
            .hasMessageNotContaining(ID);
      }
    }
    // two components missing, neither named by the constructor's exception: both are named
    ObjectNode tree = (ObjectNode) mapper.readTree(mapper.writeValueAsString(OptionalComponentsTest.complaint(true)));
    tree.remove(List.of("deadlines", "audit"));
    assertThat(catchException(() -> mapper.readValue(tree.toString(), Complaint.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Complaint.deadlines or Complaint.audit is missing or null");
    // the constructor's exception names one of two that are missing: that one is named
    ObjectNode both = (ObjectNode) mapper.readTree(mapper.writeValueAsString(OptionalComponentsTest.complaint(true)));
    both.remove(List.of("flags", "deadlines"));
    assertThat(catchException(() -> mapper.readValue(both.toString(), Complaint.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Complaint.flags is missing or null")
        .hasMessageNotContaining("deadlines");
    assertThat(catchException(() -> mapper.readValue(transaction("").replace("\"MOBILE\"", "null"), Event.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Transaction.customer is missing or null")
        .hasMessageNotContaining("channel");
    MetricsSnapshot metrics = MetricsSnapshot.builder(Currency.getInstance("EUR"), Instant.parse("2026-03-01T10:15:30Z")).build();
    String customer = mapper.writeValueAsString(new Customer(CustomerId.of(ID), "growth", 1, metrics, Map.of()));
    assertThat(customer).contains(",\"completedStageMillis\":{}}");
    assertThat(catchException(() -> mapper.readValue(customer.replace(",\"completedStageMillis\":{}", ""), Customer.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Customer.completedStageMillis is missing or null")
        .hasMessageNotContaining(ID);
  }

  @Test
  void aComponentOfARecordInsideAnotherIsNamedByItsOwnRecord() throws Exception {
    ObjectMapper mapper = ClmJacksonModuleTest.mapper();
    String json = mapper.writeValueAsString(OptionalComponentsTest.complaint(true));
    String withoutStatus = json.replace(",\"status\":\"shipped\"", "");
    assertThat(withoutStatus).isNotEqualTo(json);
    assertThat(catchException(() -> mapper.readValue(withoutStatus, Complaint.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Order.status is missing or null")
        .hasMessageContaining("Complaint[\"order\"]");
  }

  @Test
  void aNullInsideAListIsNamedToo() throws Exception {
    ObjectMapper mapper = ClmJacksonModuleTest.mapper();
    String json = mapper.writeValueAsString(OptionalComponentsTest.complaint(false));
    assertThat(json).contains("\"audit\":[]");
    assertThat(catchException(() -> mapper.readValue(json.replace("\"audit\":[]", "\"audit\":[null]"), Complaint.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Complaint.audit holds a null");
  }

  @Test
  void underANamingStrategyTheComponentIsNamedAsTheDocumentSpellsIt() throws Exception {
    ObjectMapper snake = ClmJacksonModuleTest.mapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    assertThat(readingComplaint(snake, "received_at", true))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Complaint.received_at is missing or null");
    assertThat(readingComplaint(snake, "policy_id", false))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Complaint.policy_id is missing or null");
  }

  @Test
  void aComponentTheRecordTakesAsNullIsReadAsNullAndAnInvalidValueFailsWithTheRecordsMessage() throws Exception {
    ObjectMapper mapper = ClmJacksonModuleTest.mapper();
    // a survey's score may be absent
    String visit =
        "{\"type\":\"interaction\",\"id\":\"e1\",\"customer\":\"cust-1\",\"at\":\"2026-03-01T10:15:30Z\",\"kind\":\"VISIT\",\"channel\":\"BRANCH\"}";
    assertThat(((Interaction) mapper.readValue(visit, Event.class)).satisfaction()).isNull();
    assertThat(catchException(() -> mapper.readValue(
        "{\"maskedId\":\"#1a2b\",\"at\":\"2026-03-01T10:15:30Z\",\"historyEntriesRemoved\":2}", Erasure.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Erasure.stageAtErasure is missing or null");
    assertThat(catchException(() -> mapper.readValue("{\"correction\":\"refund\",\"compensation\":null,\"rootCause\":\" \"}", Resolution.class)))
        .isInstanceOf(ValueInstantiationException.class)
        .hasMessageContaining("root cause is blank");
  }
}
