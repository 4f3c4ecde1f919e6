package io.clm.jackson;

import static org.assertj.core.api.Assertions.assertThat;

import com.acme.app.Account;
import com.acme.app.Payment;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.util.StdDateFormat;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.clm.api.Cause;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.Erasure;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.StageChange;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.complaints.SlaUnit;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * clm's module on an application's mapper: the application's own JSON is byte for byte what it is
 * without the module, and clm's types keep their documented format and round trip, in every
 * set-up an application commonly has.
 */
class GoodCitizenTest {
  private static final CustomerId C = CustomerId.of("cust-1");
  private static final Instant T = Instant.parse("2026-03-01T10:15:30.123Z");

  private static final Payment PAYMENT =
      new Payment(
          "p-1", T, Duration.ofHours(36), new BigDecimal("12500.50"), Date.from(T), Currency.getInstance("EUR"),
          List.of(T.plusSeconds(60)));

  /** The settings of an application's mapper, applied after its modules are registered. */
  private static final Map<String, UnaryOperator<ObjectMapper>> SETUPS =
      Map.of(
          "defaults",
          mapper -> mapper,
          "ISO dates and durations",
          mapper ->
              mapper
                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                  .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS),
          "millisecond timestamps, a date format and a time zone",
          mapper ->
              mapper
                  .disable(SerializationFeature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS)
                  .disable(DeserializationFeature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS)
                  .setDateFormat(new StdDateFormat().withColonInTimeZone(true))
                  .setTimeZone(TimeZone.getTimeZone("Europe/Berlin")),
          "snake case names",
          mapper ->
              mapper
                  .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                  .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));

  /** The application's mapper: the Java-time module and its settings, without clm's module. */
  private static ObjectMapper without(UnaryOperator<ObjectMapper> settings) {
    return settings.apply(new ObjectMapper().registerModule(new JavaTimeModule()));
  }

  /** The application's mapper with clm's module registered after the Java-time module. */
  private static ObjectMapper clmLast(UnaryOperator<ObjectMapper> settings) {
    return settings.apply(new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new ClmJacksonModule()));
  }

  /** The application's mapper with clm's module registered before the Java-time module. */
  private static ObjectMapper clmFirst(UnaryOperator<ObjectMapper> settings) {
    return settings.apply(new ObjectMapper().registerModule(new ClmJacksonModule()).registerModule(new JavaTimeModule()));
  }

  @Test
  void theApplicationsJsonIsByteIdenticalWithAndWithoutTheModuleInEitherOrder() throws Exception {
    for (Map.Entry<String, UnaryOperator<ObjectMapper>> setup : SETUPS.entrySet()) {
      ObjectMapper without = without(setup.getValue());
      ObjectMapper clmLast = clmLast(setup.getValue());
      ObjectMapper clmFirst = clmFirst(setup.getValue());
      for (Object value : List.of(PAYMENT, new Account(), List.of(PAYMENT), Map.of("at", T), T, Duration.ofMinutes(5))) {
        String expected = without.writeValueAsString(value);
        assertThat(clmLast.writeValueAsString(value)).as(setup.getKey() + ", clm last: " + value).isEqualTo(expected);
        assertThat(clmFirst.writeValueAsString(value)).as(setup.getKey() + ", clm first: " + value).isEqualTo(expected);
      }
      // the derived "large" property is written but has no component to read it back into
      String json = without.writeValueAsString(PAYMENT);
      for (ObjectMapper mapper : List.of(without, clmLast, clmFirst)) {
        Payment read = mapper.readerFor(Payment.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(json);
        assertThat(read)
            .as(setup.getKey())
            .isEqualTo(PAYMENT);
      }
    }
  }

  @Test
  void theApplicationsRecordsKeepRenamedPropertiesAndDerivedAccessors() throws Exception {
    ObjectMapper mapper = clmLast(settings -> settings);
    assertThat(mapper.writeValueAsString(PAYMENT))
        .contains("\"payment_id\":\"p-1\"", "\"booked\":", "\"large\":true")
        .doesNotContain("\"id\":", "\"bookedAt\":");
  }

  @Test
  void clmTypesKeepTheirFormatAndRoundTripInEverySetUp() throws Exception {
    List<Object> values = clmValues();
    for (Map.Entry<String, UnaryOperator<ObjectMapper>> setup : SETUPS.entrySet()) {
      for (ObjectMapper mapper : List.of(clmLast(setup.getValue()), clmFirst(setup.getValue()))) {
        for (Object value : values) {
          String json = mapper.writeValueAsString(value);
          assertThat(mapper.readValue(json, value.getClass())).as(setup.getKey() + ": " + json).isEqualTo(value);
        }
        assertThat(mapper.writeValueAsString(new Erasure("#1a2b3c4d", T, 2, "growth")))
            .as(setup.getKey())
            .contains("\"2026-03-01T10:15:30.123Z\"");
        Event event = (Event) values.get(0);
        assertThat(mapper.readValue(mapper.writeValueAsString(event), Event.class)).isEqualTo(event);
      }
    }
  }

  @Test
  void aDocumentWrittenInOneSetUpIsReadInAnother() throws Exception {
    ObjectMapper plain = new ObjectMapper().registerModule(new ClmJacksonModule());
    for (Map.Entry<String, UnaryOperator<ObjectMapper>> setup : SETUPS.entrySet()) {
      ObjectMapper other = clmFirst(setup.getValue());
      for (Object value : clmValues()) {
        if (setup.getKey().contains("snake case")) {
          continue; // a naming strategy renames clm's properties too, as the application asked
        }
        assertThat(other.readValue(plain.writeValueAsString(value), value.getClass())).as(setup.getKey()).isEqualTo(value);
        assertThat(plain.readValue(other.writeValueAsString(value), value.getClass())).as(setup.getKey()).isEqualTo(value);
      }
    }
  }

  @Test
  void optionalComponentsAreTheirValueOrNull() throws Exception {
    ObjectMapper mapper = clmLast(settings -> settings);
    assertThat(mapper.writeValueAsString(new Resolution("refund", Optional.of(Money.of("25", "EUR")), "fee error")))
        .isEqualTo("{\"correction\":\"refund\",\"compensation\":{\"amount\":\"25.00\",\"currency\":\"EUR\"},\"rootCause\":\"fee error\"}");
    assertThat(mapper.writeValueAsString(new Resolution("apology", Optional.empty(), "delay")))
        .isEqualTo("{\"correction\":\"apology\",\"compensation\":null,\"rootCause\":\"delay\"}");
    assertThat(mapper.readValue("{\"correction\":\"apology\",\"rootCause\":\"delay\"}", Resolution.class))
        .isEqualTo(new Resolution("apology", Optional.empty(), "delay"));
  }

  private static List<Object> clmValues() {
    MetricsSnapshot metrics =
        MetricsSnapshot.builder(Currency.getInstance("EUR"), T)
            .transactions(ProductType.DEPOSIT, Direction.CREDIT, 3, 150_000)
            .transactedBetween(T, T.plusSeconds(60))
            .survey(T, 9)
            .consent(Purpose.PROFILING, false, T)
            .build();
    return List.of(
        new Transaction("e1", C, T, Direction.CREDIT, Money.of("1250.00", "EUR"), ProductType.LOAN, Channel.MOBILE),
        new Customer(C, "growth", 1, metrics, Map.of("potential", 86_400_000L)),
        new StageChange(C, "potential", "growth", T, new Cause.Manual("rm-7", "vip"), Map.of("TRANSACTION_COUNT", 0.1)),
        new Erasure("#1a2b3c4d", T, 2, "growth"),
        new Resolution("refund", Optional.of(Money.of("25", "EUR")), "fee error"),
        new SlaPolicy(
            "acme.policy",
            Optional.of(new SlaLimit(3, SlaUnit.BUSINESS_DAYS)),
            Optional.empty(),
            new SlaLimit(15, SlaUnit.BUSINESS_DAYS),
            List.of(new SlaLimit(35, SlaUnit.BUSINESS_DAYS)),
            Optional.empty(),
            Optional.of(new SlaLimit(2, SlaUnit.BUSINESS_HOURS)),
            List.of(new SlaPolicy.Escalation(1, Optional.empty()), new SlaPolicy.Escalation(2, Optional.of(new SlaLimit(5, SlaUnit.CALENDAR_DAYS)))),
            "internal",
            Optional.empty(),
            Optional.of(new SlaPolicy.Review(
                new SlaLimit(30, SlaUnit.CALENDAR_DAYS), new SlaLimit(30, SlaUnit.CALENDAR_DAYS_TO_BUSINESS_DAY), "review rule"))));
  }
}
