package io.clm.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.clm.api.BatchResult;
import io.clm.api.Cause;
import io.clm.api.Erasure;
import io.clm.api.IngestResult;
import io.clm.api.PluginInfo;
import io.clm.api.Stage;
import io.clm.api.StageFamily;
import io.clm.api.complaints.Resolution;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.StageChange;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.event.ManualMove;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClmJacksonModuleTest {
  /**
   * A new mapper for each test: a mapper builds a type's serialisers and deserialisers once and keeps
   * them, so a mapper shared between tests would run the module's code for the first test only.
   */
  static ObjectMapper mapper() {
    return new ObjectMapper().registerModule(new ClmJacksonModule());
  }

  private static final CustomerId C = CustomerId.of("cust-1");
  private static final Instant T = Instant.parse("2026-03-01T10:15:30.123Z");

  @Test
  void theModuleIsFoundAsAService() {
    assertThat(new ObjectMapper().findAndRegisterModules().getRegisteredModuleIds()).contains("clm");
  }

  @Test
  void valuesHaveTheDocumentedShape() throws Exception {
    ObjectMapper mapper = mapper();
    assertThat(mapper.writeValueAsString(Money.of("12.5", "EUR"))).isEqualTo("{\"amount\":\"12.50\",\"currency\":\"EUR\"}");
    assertThat(mapper.writeValueAsString(new Erasure("#1a2b3c4d", T, 2, "growth")))
        .isEqualTo("{\"maskedId\":\"#1a2b3c4d\",\"at\":\"2026-03-01T10:15:30.123Z\",\"historyEntriesRemoved\":2,\"stageAtErasure\":\"growth\"}");
    assertThat(mapper.writeValueAsString(C)).isEqualTo("\"cust-1\"");
    assertThat(mapper.writeValueAsString(new Cause.Rule("first-purchase")))
        .isEqualTo("{\"type\":\"rule\",\"ruleId\":\"first-purchase\"}");
    assertThat(mapper.readValue("\"JPY\"", Currency.class)).isEqualTo(Currency.getInstance("JPY"));
  }

  @Test
  void everyEventRoundTrips() throws Exception {
    ObjectMapper mapper = mapper();
    List<Event> events =
        List.of(
            new Transaction("e1", C, T, Direction.CREDIT, Money.of("1250.00", "EUR"), ProductType.LOAN, Channel.MOBILE),
            Interaction.survey("e2", C, T, Channel.ONLINE, 7),
            Interaction.of("e3", C, T, InteractionKind.VISIT, Channel.BRANCH),
            new ProductOpened("e4", C, T, ProductType.CARD),
            new ProductClosed("e5", C, T, ProductType.CARD),
            new ComplaintOpened("e6", C, T, "k-1", Severity.URGENT),
            new ComplaintResolved("e7", C, T, "k-1", false),
            new RelationshipClosed("e8", C, T, true),
            new ManualMove("e9", C, T, "growth", "rm-7", "reviewed"),
            new AttributeUpdate("e10", C, T, Attribute.TOTAL_BUSINESS, new BigDecimal("1500.50")),
            new ConsentChange("e11", C, T, Purpose.MARKETING, true));
    for (Event e : events) {
      String json = mapper.writeValueAsString(e);
      assertThat(json).contains("\"type\":");
      assertThat(mapper.readValue(json, Event.class)).isEqualTo(e);
    }
  }

  @Test
  void customersAndChangesRoundTrip() throws Exception {
    ObjectMapper mapper = mapper();
    MetricsSnapshot metrics =
        MetricsSnapshot.builder(Currency.getInstance("EUR"), T)
            .transactions(ProductType.DEPOSIT, Direction.CREDIT, 3, 150_000)
            .transactedBetween(T, T.plusSeconds(60))
            .windowVolume(225, 150_000)
            .survey(T, 9)
            .complaint("k-1", Severity.NORMAL, null)
            .complaint("k-2", Severity.URGENT, true)
            .attribute(Attribute.REVENUE, new BigDecimal("10.10"), T)
            .consent(Purpose.PROFILING, false, T)
            .build();
    Customer customer = new Customer(C, "growth", 1, metrics, Map.of("potential", 86_400_000L));
    assertThat(mapper.readValue(mapper.writeValueAsString(customer), Customer.class)).isEqualTo(customer);
    StageChange change =
        new StageChange(C, "potential", "growth", T, new Cause.Manual("rm-7", "vip"), Map.of("TRANSACTION_COUNT", 0.1));
    assertThat(mapper.readValue(mapper.writeValueAsString(change), StageChange.class)).isEqualTo(change);
    IngestResult ingest = new IngestResult(false, List.of(change));
    assertThat(mapper.readValue(mapper.writeValueAsString(ingest), IngestResult.class)).isEqualTo(ingest);
    BatchResult batch = new BatchResult(3, 1, List.of(change));
    assertThat(mapper.readValue(mapper.writeValueAsString(batch), BatchResult.class)).isEqualTo(batch);
    Erasure erasure = new Erasure(C.masked(), T, 2, "growth");
    assertThat(mapper.readValue(mapper.writeValueAsString(erasure), Erasure.class)).isEqualTo(erasure);
    PluginInfo info = new PluginInfo("three-stage", "LifecycleModelProvider", "a.B", "unknown", "1.0");
    assertThat(mapper.readValue(mapper.writeValueAsString(info), PluginInfo.class)).isEqualTo(info);
    Stage stage = new Stage("growth", StageFamily.GROWTH);
    assertThat(mapper.readValue(mapper.writeValueAsString(stage), Stage.class)).isEqualTo(stage);
  }

  @Test
  void invalidValuesAreRejectedByTheRecords() {
    ObjectMapper mapper = mapper();
    assertThatThrownBy(() -> mapper.readValue("{\"amount\":\"1.005\",\"currency\":\"EUR\"}", Money.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasRootCauseMessage("amount 1.005 has more fraction digits than EUR allows (2)");
    assertThatThrownBy(
            () -> mapper.readValue("{\"maskedId\":\"#1\",\"at\":\"yesterday\",\"historyEntriesRemoved\":2,\"stageAtErasure\":\"growth\"}", Erasure.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("\"yesterday\"")
        .hasMessageContaining("not a valid Instant");
  }

  @Test
  void aNumericAmountIsReadFromItsDigitsNeverThroughADouble() throws Exception {
    ObjectMapper mapper = mapper();
    assertThat(mapper.readValue("{\"amount\": 12345678901234567.89, \"currency\": \"EUR\"}", Money.class).amount())
        .isEqualTo(new BigDecimal("12345678901234567.89"));
    assertThat(mapper.readValue("{\"currency\": \"EUR\", \"amount\": 0.1}", Money.class).amount())
        .isEqualTo(new BigDecimal("0.10"));
    assertThat(mapper.readValue("{\"amount\": 9007199254740993, \"currency\": \"JPY\"}", Money.class).amount())
        .isEqualTo(new BigDecimal("9007199254740993"));
    // as doubles these are 1.0 and 20.0; as written they have more fraction digits than EUR allows
    assertThatThrownBy(() -> mapper.readValue("{\"amount\": 1.0000000000000001, \"currency\": \"EUR\"}", Money.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasRootCauseMessage("amount 1.0000000000000001 has more fraction digits than EUR allows (2)");
    assertThatThrownBy(() -> mapper.readValue("{\"amount\": 19.999999999999999999, \"currency\": \"EUR\"}", Money.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasRootCauseMessage("amount 19.999999999999999999 has more fraction digits than EUR allows (2)");
    Transaction read =
        (Transaction)
            mapper.readValue(
                "{\"type\":\"transaction\",\"id\":\"e1\",\"customer\":\"cust-1\",\"at\":\"2026-03-01T10:15:30.123Z\","
                    + "\"direction\":\"CREDIT\",\"amount\":{\"amount\":12345678901234567.89,\"currency\":\"EUR\"},"
                    + "\"product\":\"LOAN\",\"channel\":\"MOBILE\"}",
                Event.class);
    assertThat(read.amount()).isEqualTo(Money.of("12345678901234567.89", "EUR"));
  }

  @Test
  void anAmountWithAnExponentOrAnUnknownPropertyIsRefused() {
    ObjectMapper mapper = mapper();
    assertThatThrownBy(() -> mapper.readValue("{\"amount\": 1e2, \"currency\": \"EUR\"}", Money.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasRootCauseInstanceOf(io.clm.api.ValidationException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"amount\": \"1.00\", \"currency\": \"EUR\", \"amout\": \"5\"}", Money.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("\"amout\"");
    assertThatThrownBy(() -> mapper.readValue("{\"amount\": null, \"currency\": \"EUR\"}", Money.class))
        .isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> mapper.readValue("{\"currency\": \"EUR\"}", Money.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void aDecimalKeepsItsScaleWhateverTheMappersDecimalSettings() throws Exception {
    // 5E+3 is what new BigDecimal("5000").stripTrailingZeros() gives; written plain it read back as 5000
    ObjectMapper plain =
        new ObjectMapper().registerModule(new ClmJacksonModule()).enable(com.fasterxml.jackson.core.JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
    AttributeUpdate update = new AttributeUpdate("e1", C, T, Attribute.TOTAL_BUSINESS, new BigDecimal("5E+3"));
    String json = plain.writeValueAsString(update);
    assertThat(json).contains("\"value\":5E+3");
    assertThat(plain.readValue(json, Event.class)).isEqualTo(update);
    MetricsSnapshot metrics =
        MetricsSnapshot.builder(Currency.getInstance("EUR"), T).attribute(Attribute.REVENUE, new BigDecimal("1.2E+4"), T).build();
    assertThat(plain.readValue(plain.writeValueAsString(metrics), MetricsSnapshot.class)).isEqualTo(metrics);
    // the application's own decimals are still written as its mapper says
    assertThat(plain.writeValueAsString(Map.of("v", new BigDecimal("5E+3")))).isEqualTo("{\"v\":5000}");
  }

  @Test
  void anAmountOrCurrencyGivenTwiceIsRefused() {
    ObjectMapper mapper = mapper();
    // without the check the last of the two amounts won: 2.00, not the 1.00 a reader sees first
    assertThatThrownBy(() -> mapper.readValue("{\"amount\": \"1.00\", \"currency\": \"EUR\", \"amount\": \"2.00\"}", Money.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Money has \"amount\" twice");
    assertThatThrownBy(() -> mapper.readValue("{\"amount\": 1, \"currency\": \"EUR\", \"currency\": \"JPY\"}", Money.class))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Money has \"currency\" twice");
  }

  private static String transactionWith(String extra) {
    return "{\"type\":\"transaction\",\"id\":\"e1\",\"customer\":\"cust-1\",\"direction\":\"CREDIT\"" + extra
        + ",\"at\":\"2026-03-01T10:15:30Z\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},"
        + "\"product\":\"LOAN\",\"channel\":\"MOBILE\"}";
  }

  /**
   * Read as a tree first, a repeat is gone before the module sees the object: the tree keeps the
   * later value, as the module's javadoc says, unless the mapper refuses repeats in trees.
   */
  @Test
  void aRepeatInATreeIsTheMappersToRefuse() throws Exception {
    String json = transactionWith(",\"direction\":\"DEBIT\"");
    ObjectMapper plain = mapper();
    assertThat(plain.treeToValue(plain.readTree(json), Transaction.class).direction()).isEqualTo(Direction.DEBIT);
    ObjectMapper refusing = mapper().enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);
    assertThat(catchException(() -> refusing.readTree(json)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Duplicate field 'direction'");
  }

  @Test
  void aPropertyOfAClmRecordGivenTwiceIsRefusedAsBadInputOnAnyMapper() throws Exception {
    ObjectMapper plain = mapper();
    Transaction credit =
        new Transaction(
            "e1", CustomerId.of("cust-1"), Instant.parse("2026-03-01T10:15:30Z"), Direction.CREDIT,
            Money.of("1.00", "EUR"), ProductType.LOAN, Channel.MOBILE);
    ObjectMapper strict =
        JsonMapper.builder().addModule(new ClmJacksonModule()).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    for (ObjectMapper mapper : List.of(plain, strict)) {
      assertThat(mapper.readValue(transactionWith(""), Event.class)).isEqualTo(credit);
      assertThat(mapper.readValue(transactionWith(""), Transaction.class)).isEqualTo(credit);
      // without the check, a repeat before the last component was read won (DEBIT), and one after it
      // failed as an InvalidDefinitionException, the kind a web framework reports as its own fault
      for (String repeated : List.of(",\"direction\":\"DEBIT\"", ",\"customer\":\"cust-2\"")) {
        String json = transactionWith(repeated);
        for (Class<?> type : List.<Class<?>>of(Event.class, Transaction.class)) {
          String name = repeated.contains("direction") ? "direction" : "customer";
          assertThat(catchException(() -> mapper.readValue(json, type)))
              .as("%s as %s", repeated, type.getSimpleName())
              .isInstanceOf(mapper == strict ? JsonParseException.class : MismatchedInputException.class)
              .hasMessageContaining(mapper == strict ? "Duplicate field '" + name + "'" : "Transaction has '" + name + "' twice")
              .hasMessageNotContaining("cust-2");
        }
      }
      // the type after other properties, which Jackson then reads from a buffer of its own
      String typeLater = transactionWith("").replace("{\"type\":\"transaction\",\"id\":\"e1\",", "{\"id\":\"e1\",\"type\":\"transaction\",");
      assertThat(typeLater).isNotEqualTo(transactionWith(""));
      assertThat(mapper.readValue(typeLater, Event.class)).isEqualTo(credit);
      assertThat(catchException(() -> mapper.readValue(typeLater.replace("\"type\"", "\"id\":\"e2\",\"type\""), Event.class)))
          .isInstanceOf(mapper == strict ? JsonParseException.class : MismatchedInputException.class)
          .hasMessageContaining(mapper == strict ? "Duplicate field 'id'" : "Transaction has 'id' twice");
      String whole = transactionWith("");
      String atTheEnd = whole.substring(0, whole.length() - 1) + ",\"channel\":\"BRANCH\"}";
      assertThat(catchException(() -> mapper.readValue(atTheEnd, Event.class)))
          .isInstanceOf(mapper == strict ? JsonParseException.class : MismatchedInputException.class)
          .hasMessageContaining(mapper == strict ? "Duplicate field 'channel'" : "Transaction has 'channel' twice");
    }
    MetricsSnapshot nested =
        MetricsSnapshot.builder(Currency.getInstance("EUR"), T).attribute(Attribute.REVENUE, new BigDecimal("10.10"), T).build();
    String json = plain.writeValueAsString(nested);
    assertThat(plain.readValue(json, MetricsSnapshot.class)).isEqualTo(nested);
    String repeatedInside = json.replace("{\"value\":10.10,", "{\"value\":10.10,\"value\":99,");
    assertThat(repeatedInside).isNotEqualTo(json);
    assertThat(catchException(() -> plain.readValue(repeatedInside, MetricsSnapshot.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("AttributeValue has 'value' twice");
  }

  @Test
  void aPropertyGivenTwiceInAnotherCaseIsRefusedOnAMapperThatReadsNamesInAnyCase() throws Exception {
    ObjectMapper anyCase =
        JsonMapper.builder().addModule(new ClmJacksonModule()).enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES).build();
    Transaction credit =
        new Transaction(
            "e1", CustomerId.of("cust-1"), Instant.parse("2026-03-01T10:15:30Z"), Direction.CREDIT,
            Money.of("1.00", "EUR"), ProductType.LOAN, Channel.MOBILE);
    String otherCase = transactionWith("").replace("\"direction\"", "\"Direction\"");
    assertThat(otherCase).isNotEqualTo(transactionWith(""));
    assertThat(anyCase.readValue(otherCase, Event.class)).isEqualTo(credit);
    // without the check the later of the two won: a debit; the parser's own check compares exact names
    ObjectMapper anyCaseStrict =
        JsonMapper.builder()
            .addModule(new ClmJacksonModule())
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    for (ObjectMapper mapper : List.of(anyCase, anyCaseStrict)) {
      for (Class<?> type : List.<Class<?>>of(Event.class, Transaction.class)) {
        assertThat(catchException(() -> mapper.readValue(transactionWith(",\"DIRECTION\":\"DEBIT\""), type)))
            .as(type.getSimpleName())
            .isInstanceOf(MismatchedInputException.class)
            .hasMessageContaining("Transaction has 'direction' twice");
      }
    }
    assertThat(catchException(() -> anyCaseStrict.readValue(transactionWith(",\"direction\":\"DEBIT\""), Event.class)))
        .isInstanceOf(JsonParseException.class)
        .hasMessageContaining("Duplicate field 'direction'");
    assertThat(catchException(() -> anyCase.readValue("{\"correction\":\"a\",\"rootCause\":\"x\",\"ROOTCAUSE\":\"y\"}", Resolution.class)))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Resolution has 'rootCause' twice");
    // the same for a record that the mapper reads in any case by a setting for its type alone
    for (StreamReadFeature parser : List.of(StreamReadFeature.AUTO_CLOSE_SOURCE, StreamReadFeature.STRICT_DUPLICATE_DETECTION)) {
      JsonMapper oneType = JsonMapper.builder().addModule(new ClmJacksonModule()).enable(parser).build();
      oneType.configOverride(Transaction.class)
          .setFormat(JsonFormat.Value.empty().withFeature(JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES));
      assertThat(oneType.readValue(otherCase, Event.class)).isEqualTo(credit);
      assertThat(catchException(() -> oneType.readValue(transactionWith(",\"DIRECTION\":\"DEBIT\""), Event.class)))
          .as(parser.name())
          .isInstanceOf(MismatchedInputException.class)
          .hasMessageContaining("Transaction has 'direction' twice");
    }
    // on a mapper that reads names in their own case only, another case is another property
    assertThat(catchException(() -> mapper().readValue(transactionWith(",\"DIRECTION\":\"DEBIT\""), Event.class)))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("\"DIRECTION\"");
  }

  @Test
  void anInvalidCustomerIdIsRefusedWithoutQuotingIt() {
    ObjectMapper mapper = mapper();
    String tooLong = "C0012345" + "7".repeat(130);
    Exception alone = catchException(() -> mapper.readValue("\"" + tooLong + "\"", CustomerId.class));
    assertThat(alone)
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("customer id has 138 characters, more than 128")
        .hasMessageNotContaining("C0012345");
    assertThat(ClmJacksonModule.describeUnreadable(alone)).doesNotContain("C0012345");

    Exception inEvent =
        catchException(
            () ->
                mapper.readValue(
                    "{\"type\":\"transaction\",\"id\":\"e1\",\"customer\":\"C0012345\\u0007\",\"at\":\"2026-03-01T10:15:30Z\","
                        + "\"direction\":\"CREDIT\",\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},"
                        + "\"product\":\"LOAN\",\"channel\":\"MOBILE\"}",
                    Event.class));
    assertThat(inEvent)
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("customer id contains a control character at 8")
        .hasMessageNotContaining("C0012345");
    assertThat(ClmJacksonModule.describeUnreadable(inEvent)).doesNotContain("C0012345");
  }

  @Test
  void anUnreadableDocumentIsDescribedWithoutQuotingItsText() {
    ObjectMapper mapper = mapper();
    Exception malformed = catchException(() -> mapper.readValue("{\"customer\": C0012345}", Money.class));
    // the parser's own message quotes the customer id it stopped at
    assertThat(malformed).hasMessageContaining("C0012345");
    assertThat(ClmJacksonModule.describeUnreadable(malformed))
        .matches("not well-formed JSON at line 1, column \\d+ \\(JsonParseException\\)");

    Exception wrapped = new java.io.IOException("reading failed", malformed);
    assertThat(ClmJacksonModule.describeUnreadable(wrapped)).isEqualTo(ClmJacksonModule.describeUnreadable(malformed));

    Exception invalid = catchException(() -> mapper.readValue("{\"amount\": \"12.50\", \"currency\": \"XXY\"}", Money.class));
    assertThat(ClmJacksonModule.describeUnreadable(invalid))
        .isEqualTo(((com.fasterxml.jackson.core.JsonProcessingException) invalid).getOriginalMessage())
        .doesNotContain("line: ");
  }

}
