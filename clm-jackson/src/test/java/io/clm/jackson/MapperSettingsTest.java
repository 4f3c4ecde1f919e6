package io.clm.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import com.acme.app.Note;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintReport;
import io.clm.api.complaints.Resolution;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.ProductType;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Transaction;
import io.clm.api.segmentation.Assignment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** clm's types on mappers with settings an application may choose for its own JSON. */
class MapperSettingsTest {
  private static final Transaction TRANSACTION =
      new Transaction(
          "e1", CustomerId.of("cust-1"), Instant.parse("2026-03-01T10:15:30Z"), Direction.CREDIT,
          Money.of("1.00", "EUR"), ProductType.LOAN, Channel.MOBILE);
  private static final Assignment ASSIGNMENT =
      new Assignment("rfm", CustomerId.of("cust-1"), "champions", "", Map.of("recency", 1.5));

  @Test
  void aRecordIsWrittenAsItsComponentsWithoutDerivedAccessorsAlsoUnderANamingStrategy() throws Exception {
    ObjectMapper plain = ClmJacksonModuleTest.mapper();
    assertThat(ASSIGNMENT.isClassified()).isTrue();
    assertThat(plain.writeValueAsString(ASSIGNMENT))
        .isEqualTo("{\"schemeId\":\"rfm\",\"customer\":\"cust-1\",\"segment\":\"champions\",\"reason\":\"\",\"inputs\":{\"recency\":1.5}}");
    ObjectMapper snake = ClmJacksonModuleTest.mapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    String json = snake.writeValueAsString(ASSIGNMENT);
    assertThat(json)
        .isEqualTo("{\"scheme_id\":\"rfm\",\"customer\":\"cust-1\",\"segment\":\"champions\",\"reason\":\"\",\"inputs\":{\"recency\":1.5}}");
    assertThat(snake.readValue(json, Assignment.class)).isEqualTo(ASSIGNMENT);
  }

  @Test
  void underANamingStrategyMessagesNameThePropertyAsTheDocumentSpellsIt() {
    ObjectMapper snake = ClmJacksonModuleTest.mapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    assertThat(catchException(() -> snake.readValue("{\"correction\":\"a\",\"root_cause\":\"x\",\"root_cause\":\"y\"}", Resolution.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Resolution has 'root_cause' twice");
    assertThat(
            catchException(
                () -> snake.readValue(
                    "{\"masked_id\":\"#1a2b\",\"at\":\"2026-03-01T10:15:30Z\",\"history_entries_removed\":2.5,\"stage_at_erasure\":\"growth\"}",
                    io.clm.api.Erasure.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Erasure.history_entries_removed must be a whole number from -2147483648 to 2147483647, not 2.5");
  }

  @Test
  void withoutFailingOnUnknownPropertiesAnUnknownValueIsSkippedWholeAndTheRestRead() throws Exception {
    ObjectMapper lenient = ClmJacksonModuleTest.mapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    String unknown = "\"note\":{\"amount\":\"7.00\",\"list\":[1,{\"rootCause\":\"other\"}]}";
    assertThat(lenient.readValue("{\"amount\":\"1.00\"," + unknown + ",\"currency\":\"EUR\"}", Money.class))
        .isEqualTo(Money.of("1.00", "EUR"));
    assertThat(lenient.readValue("{\"correction\":\"refund\"," + unknown + ",\"rootCause\":\"fee\"}", Resolution.class))
        .isEqualTo(new Resolution("refund", Optional.empty(), "fee"));
    assertThat(lenient.readValue("{\"correction\":\"refund\",\"rootCause\":\"fee\"," + unknown + "}", Resolution.class))
        .isEqualTo(new Resolution("refund", Optional.empty(), "fee"));
    // a repeat is still refused, and a known property after an unknown one still counted
    assertThat(catchException(() -> lenient.readValue("{\"rootCause\":\"fee\"," + unknown + ",\"rootCause\":\"x\",\"correction\":\"c\"}", Resolution.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Resolution has 'rootCause' twice");
    ObjectMapper strict = ClmJacksonModuleTest.mapper();
    assertThat(catchException(() -> strict.readValue("{\"correction\":\"refund\"," + unknown + ",\"rootCause\":\"fee\"}", Resolution.class)))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("\"note\"");
    assertThat(catchException(() -> strict.readValue("{\"amount\":\"1.00\"," + unknown + ",\"currency\":\"EUR\"}", Money.class)))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("\"note\"");
  }

  @Test
  void aWrappedRootValueRoundTrips() throws Exception {
    ObjectMapper wrapping =
        ClmJacksonModuleTest.mapper().enable(SerializationFeature.WRAP_ROOT_VALUE).enable(DeserializationFeature.UNWRAP_ROOT_VALUE);
    assertThat(wrapping.writeValueAsString(Money.of("1", "EUR"))).isEqualTo("{\"Money\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}");
    String json = wrapping.writeValueAsString(TRANSACTION);
    assertThat(json).startsWith("{\"Transaction\":{\"type\":\"transaction\",\"id\":\"e1\",");
    assertThat(wrapping.readValue(json, Transaction.class)).isEqualTo(TRANSACTION);
    Complaint complaint = OptionalComponentsTest.complaint(true);
    assertThat(wrapping.readValue(wrapping.writeValueAsString(complaint), Complaint.class)).isEqualTo(complaint);
  }

  @Test
  void propertiesInAlphabeticalOrderRoundTripWithTheTypeFirst() throws Exception {
    ObjectMapper sorted = JsonMapper.builder().addModule(new ClmJacksonModule()).enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY).build();
    String json = sorted.writeValueAsString(TRANSACTION);
    assertThat(json)
        .isEqualTo(
            "{\"type\":\"transaction\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"at\":\"2026-03-01T10:15:30Z\","
                + "\"channel\":\"MOBILE\",\"customer\":\"cust-1\",\"direction\":\"CREDIT\",\"id\":\"e1\",\"product\":\"LOAN\"}");
    assertThat(sorted.readValue(json, Event.class)).isEqualTo(TRANSACTION);
  }

  @Test
  void everyComponentIsWrittenWhateverTheMappersInclusionSoThatTheDocumentReadsBack() throws Exception {
    String full = ClmJacksonModuleTest.mapper().writeValueAsString(OptionalComponentsTest.complaint(false));
    assertThat(full).contains("\"customer\":null", "\"flags\":[]", "\"deadlines\":{}", "\"escalationLevel\":0", "\"paused\":false");
    ComplaintReport report =
        new ComplaintReport(
            Instant.parse("2026-03-01T10:15:30Z"), Map.of(ComplaintReport.AgeBand.DAYS_0_TO_3, Map.of()), Map.of(), Map.of(), List.of(), Map.of());
    RelationshipClosed closed = new RelationshipClosed("e8", CustomerId.of("cust-1"), Instant.parse("2026-03-01T10:15:30Z"), false);
    for (JsonInclude.Include include :
        List.of(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_ABSENT, JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_DEFAULT)) {
      ObjectMapper mapper =
          ClmJacksonModuleTest.mapper().setDefaultPropertyInclusion(JsonInclude.Value.construct(include, include));
      for (Complaint complaint : List.of(OptionalComponentsTest.complaint(false), OptionalComponentsTest.complaint(true))) {
        assertThat(mapper.readValue(mapper.writeValueAsString(complaint), Complaint.class)).as(include.name()).isEqualTo(complaint);
      }
      assertThat(mapper.writeValueAsString(OptionalComponentsTest.complaint(false))).as(include.name()).isEqualTo(full);
      assertThat(mapper.writeValueAsString(report)).as(include.name()).contains("\"openByAge\":{\"DAYS_0_TO_3\":{}}");
      assertThat(mapper.readValue(mapper.writeValueAsString(report), ComplaintReport.class)).as(include.name()).isEqualTo(report);
      assertThat(mapper.readValue(mapper.writeValueAsString(closed), Event.class)).as(include.name()).isEqualTo(closed);
      // the application's own values follow its mapper
      assertThat(mapper.writeValueAsString(new Note(null, List.of()))).as(include.name()).isEqualTo(include == JsonInclude.Include.NON_NULL || include == JsonInclude.Include.NON_ABSENT ? "{\"tags\":[]}" : "{}");
    }
  }

  @Test
  void anAmountIsReadInAnyCaseWhereRecordsAre() throws Exception {
    ObjectMapper anyCase = JsonMapper.builder().addModule(new ClmJacksonModule()).enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES).build();
    assertThat(anyCase.readValue("{\"Amount\":\"1.00\",\"CURRENCY\":\"EUR\"}", Money.class)).isEqualTo(Money.of("1.00", "EUR"));
    assertThat(anyCase.readValue("{\"correction\":\"refund\",\"Compensation\":{\"AMOUNT\":\"2\",\"currency\":\"EUR\"},\"rootCause\":\"fee\"}", Resolution.class))
        .isEqualTo(new Resolution("refund", Optional.of(Money.of("2", "EUR")), "fee"));
    assertThat(catchException(() -> anyCase.readValue("{\"amount\":\"1.00\",\"currency\":\"EUR\",\"AMOUNT\":\"2.00\"}", Money.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Money has \"amount\" twice");
    JsonMapper moneyAnyCase = JsonMapper.builder().addModule(new ClmJacksonModule()).build();
    moneyAnyCase.configOverride(Money.class)
        .setFormat(JsonFormat.Value.empty().withFeature(JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES));
    assertThat(moneyAnyCase.readValue("{\"Amount\":\"1.00\",\"CURRENCY\":\"EUR\"}", Money.class)).isEqualTo(Money.of("1.00", "EUR"));
    JsonMapper moneyOwnCase = JsonMapper.builder().addModule(new ClmJacksonModule()).enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES).build();
    moneyOwnCase.configOverride(Money.class)
        .setFormat(JsonFormat.Value.empty().withoutFeature(JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES));
    assertThat(catchException(() -> moneyOwnCase.readValue("{\"Amount\":\"1.00\",\"currency\":\"EUR\"}", Money.class)))
        .isInstanceOf(UnrecognizedPropertyException.class);
    // in their own case only on any other mapper, as a record's properties are
    assertThat(catchException(() -> ClmJacksonModuleTest.mapper().readValue("{\"Amount\":\"1.00\",\"currency\":\"EUR\"}", Money.class)))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("\"Amount\"");
  }

  @Test
  void aRecordInAOneElementArrayIsCheckedForRepeatedPropertiesOnAMapperThatUnwrapsSuchArrays() throws Exception {
    ObjectMapper unwrapping = ClmJacksonModuleTest.mapper().enable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
    String resolution = "{\"correction\":\"refund\",\"compensation\":null,\"rootCause\":\"fee\"}";
    assertThat(unwrapping.readValue("[" + resolution + "]", Resolution.class)).isEqualTo(new Resolution("refund", Optional.empty(), "fee"));
    String repeated = resolution.replace("}", ",\"rootCause\":\"other\"}");
    // without the check the later root cause won
    assertThat(catchException(() -> unwrapping.readValue("[" + repeated + "]", Resolution.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Resolution has 'rootCause' twice");
    String complaint = ClmJacksonModuleTest.mapper().writeValueAsString(OptionalComponentsTest.complaint(true));
    String orderTwice = complaint.replace("\"order\":{", "\"order\":[{").replace("\"status\":\"shipped\"}", "\"status\":\"shipped\",\"status\":\"lost\"}]");
    assertThat(catchException(() -> unwrapping.readValue(orderTwice, Complaint.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Order has 'status' twice");
    // two elements are still not one
    assertThat(catchException(() -> unwrapping.readValue("[" + resolution + "," + resolution + "]", Resolution.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("more than one value");
  }

  @Test
  void anAmountTheApplicationsProblemHandlerAnswersForIsReadAndTheRecordAroundItToo() throws Exception {
    ObjectMapper answering =
        ClmJacksonModuleTest.mapper()
            .addHandler(
                new DeserializationProblemHandler() {
                  @Override
                  public Object handleUnexpectedToken(
                      DeserializationContext ctxt, JavaType targetType, JsonToken token, JsonParser p, String failureMsg) {
                    return targetType.getRawClass() == Money.class ? Money.of("0", "EUR") : NOT_HANDLED;
                  }
                });
    Transaction zero =
        new Transaction(
            "e1", CustomerId.of("cust-1"), Instant.parse("2026-03-01T10:15:30Z"), Direction.CREDIT,
            Money.of("0", "EUR"), ProductType.LOAN, Channel.MOBILE);
    String json = ClmJacksonModuleTest.mapper().writeValueAsString(TRANSACTION);
    // the bad value first, last, and an object; without skipping the rest, the transaction read on inside the amount
    for (String amount :
        List.of(
            "{\"amount\":true,\"currency\":\"EUR\"}",
            "{\"currency\":\"EUR\",\"amount\":[1,2]}",
            "{\"amount\":{\"product\":\"CARD\"},\"currency\":\"EUR\",\"channel\":\"BRANCH\"}")) {
      String bad = json.replace("{\"amount\":\"1.00\",\"currency\":\"EUR\"}", amount);
      assertThat(bad).as(amount).contains(amount);
      assertThat(answering.readValue(bad, Event.class)).as(amount).isEqualTo(zero);
    }
  }
}
