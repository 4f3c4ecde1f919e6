package io.clm.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.EnumFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.Stage;
import io.clm.api.StageFamily;
import io.clm.api.event.Attribute;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.Transaction;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The enum components of clm's types are their constants' names, read back by exact name only:
 * Jackson's defaults would read {@code 0} or {@code "0"} as the first constant ({@code DEBIT}) and
 * write the constants as numbers on a mapper that writes enums by index.
 */
class EnumComponentsTest {
  private static final Transaction TRANSACTION =
      new Transaction(
          "e1", CustomerId.of("cust-1"), Instant.parse("2026-03-01T10:15:30Z"), Direction.CREDIT,
          Money.of("1.00", "EUR"), ProductType.LOAN, Channel.MOBILE);

  private static String transaction(String direction) {
    return "{\"type\":\"transaction\",\"id\":\"e1\",\"customer\":\"cust-1\",\"at\":\"2026-03-01T10:15:30Z\","
        + "\"direction\":" + direction + ",\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},"
        + "\"product\":\"LOAN\",\"channel\":\"MOBILE\"}";
  }

  @Test
  void aConstantIsReadByItsExactNameOnly() throws Exception {
    ObjectMapper mapper = ClmJacksonModuleTest.mapper();
    assertThat(mapper.readValue(transaction("\"CREDIT\""), Event.class)).isEqualTo(TRANSACTION);
    for (String direction : List.of("0", "1", "\"0\"", "\"1\"", "\" CREDIT\"", "\"credit\"", "1.5", "true")) {
      assertThat(catchException(() -> mapper.readValue(transaction(direction), Event.class)))
          .as(direction)
          .isInstanceOf(MismatchedInputException.class)
          .hasMessageContaining("Transaction.direction must be one of [DEBIT, CREDIT], not ");
    }
    assertThat(catchException(() -> mapper.readValue(transaction("\"credit\""), Event.class)))
        .hasMessageContaining("not 'credit'");
    assertThat(catchException(() -> mapper.readValue(transaction("0"), Event.class)))
        .hasMessageContaining("[DEBIT, CREDIT], not 0")
        .extracting(e -> ((MismatchedInputException) e).getTargetType())
        .isEqualTo(Direction.class);
  }

  @Test
  void constantsAreWrittenAsNamesWhateverTheMappersEnumSettings() throws Exception {
    for (ObjectMapper mapper :
        List.of(
            new ObjectMapper().registerModule(new ClmJacksonModule()).enable(SerializationFeature.WRITE_ENUMS_USING_INDEX),
            new ObjectMapper().registerModule(new ClmJacksonModule()).enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING))) {
      String json = mapper.writeValueAsString(TRANSACTION);
      assertThat(json).contains("\"direction\":\"CREDIT\"", "\"product\":\"LOAN\"", "\"channel\":\"MOBILE\"");
      assertThat(mapper.readValue(json, Event.class)).isEqualTo(TRANSACTION);
      Stage stage = new Stage("growth", StageFamily.GROWTH);
      assertThat(mapper.writeValueAsString(stage)).isEqualTo("{\"id\":\"growth\",\"family\":\"GROWTH\"}");
      assertThat(mapper.readValue(mapper.writeValueAsString(stage), Stage.class)).isEqualTo(stage);
    }
  }

  private static final MetricsSnapshot METRICS =
      MetricsSnapshot.builder(Currency.getInstance("EUR"), Instant.parse("2026-01-01T00:00:00Z"))
          .attribute(Attribute.REVENUE, new BigDecimal("12.50"), Instant.parse("2026-01-02T00:00:00Z"))
          .consent(Purpose.PROFILING, true, Instant.parse("2026-01-03T00:00:00Z"))
          .build();

  @Test
  void mapKeysThatAreConstantsAreWrittenAsNamesWhateverTheMappersEnumKeySettings() throws Exception {
    ObjectMapper plain = ClmJacksonModuleTest.mapper();
    for (ObjectMapper mapper :
        List.of(
            new ObjectMapper().registerModule(new ClmJacksonModule()).enable(SerializationFeature.WRITE_ENUM_KEYS_USING_INDEX),
            new ObjectMapper().registerModule(new ClmJacksonModule()).enable(SerializationFeature.WRITE_ENUMS_USING_TO_STRING))) {
      String json = mapper.writeValueAsString(METRICS);
      assertThat(json).contains("\"attributes\":{\"REVENUE\":{", "\"consents\":{\"PROFILING\":{");
      assertThat(plain.readValue(json, MetricsSnapshot.class)).isEqualTo(METRICS);
    }
  }

  @Test
  void aMapKeyThatIsAConstantIsReadByItsExactNameOnlyWhateverTheMappersEnumSettings() throws Exception {
    ObjectMapper plain = ClmJacksonModuleTest.mapper();
    String json = plain.writeValueAsString(METRICS);
    assertThat(json).contains("\"REVENUE\"");
    List<ObjectMapper> mappers =
        List.of(
            plain,
            JsonMapper.builder().addModule(new ClmJacksonModule()).enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS).build(),
            JsonMapper.builder().addModule(new ClmJacksonModule()).enable(EnumFeature.READ_ENUM_KEYS_USING_INDEX).build(),
            JsonMapper.builder().addModule(new ClmJacksonModule()).enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL).build());
    for (ObjectMapper mapper : mappers) {
      assertThat(mapper.readValue(json, MetricsSnapshot.class)).isEqualTo(METRICS);
      // REVENUE is constant 2 of Attribute
      for (String key : List.of("2", "0", "revenue", " REVENUE", "NOPE")) {
        assertThat(catchException(() -> mapper.readValue(json.replace("\"REVENUE\"", "\"" + key + "\""), MetricsSnapshot.class)))
            .as(key)
            .isInstanceOf(MismatchedInputException.class)
            .hasMessageContaining("a map key of Attribute must be one of [CREDIT_SCORE, TOTAL_BUSINESS, REVENUE, ")
            .hasMessageContaining("not '" + key + "'");
      }
    }
  }
}
