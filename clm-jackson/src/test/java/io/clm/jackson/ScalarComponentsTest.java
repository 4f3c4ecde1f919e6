package io.clm.jackson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchException;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.clm.api.CustomerId;
import io.clm.api.Erasure;
import io.clm.api.StageChange;
import io.clm.api.complaints.ComplaintReport;
import io.clm.api.event.Channel;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.Purpose;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.Risk;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scalar components of clm's types (booleans, whole numbers, text) are read only from a JSON
 * value of their own kind, and a boolean or number that is missing or null is refused: Jackson's
 * defaults would read a missing consent as withdrawn, a survey score of 7.9 as 7 and an id of 5 as
 * {@code "5"}.
 */
class ScalarComponentsTest {
  private static final String COMMON = "\"id\":\"e1\",\"customer\":\"cust-1\",\"at\":\"2026-03-01T10:15:30Z\"";

  private static Exception reading(String json, Class<?> type) {
    return catchException(() -> ClmJacksonModuleTest.mapper().readValue(json, type));
  }

  @Test
  void aMissingOrNullBooleanOrNumberIsRefusedNamingIt() {
    String consent = "{\"type\":\"consent-change\"," + COMMON + ",\"purpose\":\"MARKETING\"";
    for (String json : List.of(consent + "}", consent + ",\"granted\":null}")) {
      assertThat(reading(json, Event.class))
          .as(json)
          .isInstanceOf(MismatchedInputException.class)
          .hasMessageContaining("ConsentChange.granted is missing or null");
    }
    assertThat(reading("{\"type\":\"relationship-closed\"," + COMMON + "}", Event.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("RelationshipClosed.debtsSettled is missing or null");
    assertThat(reading("{\"type\":\"complaint-resolved\"," + COMMON + ",\"complaintId\":\"k-1\",\"accepted\":null}", Event.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("ComplaintResolved.accepted is missing or null");
    assertThat(reading("{\"type\":\"offer\"}", ActionType.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Offer.discountPercent is missing or null");
    assertThat(reading("{\"maskedId\":\"#1a2b\",\"at\":\"2026-03-01T10:15:30Z\",\"stageAtErasure\":\"growth\"}", Erasure.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Erasure.historyEntriesRemoved is missing or null");
  }

  @Test
  void aWholeNumberIsNeitherTruncatedNorReadFromText() throws Exception {
    ObjectMapper mapper = ClmJacksonModuleTest.mapper();
    String survey = "{\"type\":\"interaction\"," + COMMON + ",\"kind\":\"SURVEY\",\"channel\":\"ONLINE\",\"satisfaction\":";
    assertThat(reading(survey + "7.9}", Event.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Interaction.satisfaction must be a whole number from -2147483648 to 2147483647, not 7.9");
    assertThat(reading(survey + "7.0}", Event.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Interaction.satisfaction must be a whole number from -2147483648 to 2147483647, not 7.0");
    assertThat(reading(survey + "\"7\"}", Event.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Interaction.satisfaction must be a whole number from -2147483648 to 2147483647, not a string");
    assertThat(reading("{\"type\":\"offer\",\"discountPercent\":12.9}", ActionType.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Offer.discountPercent must be a whole number from -2147483648 to 2147483647, not 12.9");
    assertThat(reading("{\"maskedId\":\"#1a2b\",\"at\":\"2026-03-01T10:15:30Z\",\"historyEntriesRemoved\":2.5,\"stageAtErasure\":\"growth\"}", Erasure.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Erasure.historyEntriesRemoved must be a whole number from -2147483648 to 2147483647, not 2.5");
    // a whole number that is a whole number is read, a null for a score that may be absent is null
    assertThat(mapper.readValue(survey + "7}", Event.class))
        .isEqualTo(Interaction.survey("e1", CustomerId.of("cust-1"), Instant.parse("2026-03-01T10:15:30Z"), Channel.ONLINE, 7));
  }

  @Test
  void aBooleanIsReadFromTrueOrFalseOnly() throws Exception {
    ObjectMapper mapper = ClmJacksonModuleTest.mapper();
    String consent = "{\"type\":\"consent-change\"," + COMMON + ",\"purpose\":\"MARKETING\",\"granted\":";
    assertThat(reading(consent + "1}", Event.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("ConsentChange.granted must be true or false, not 1")
        .extracting(e -> ((MismatchedInputException) e).getTargetType())
        .isEqualTo(boolean.class);
    assertThat(reading(consent + "\"true\"}", Event.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("ConsentChange.granted must be true or false, not a string");
    assertThat(mapper.readValue(consent + "true}", Event.class))
        .isEqualTo(new ConsentChange("e1", CustomerId.of("cust-1"), Instant.parse("2026-03-01T10:15:30Z"), Purpose.MARKETING, true));
  }

  @Test
  void textIsReadFromAStringOnly() {
    String opened = ",\"customer\":\"cust-1\",\"at\":\"2026-03-01T10:15:30Z\",\"product\":\"CARD\"}";
    assertThat(reading("{\"type\":\"product-opened\",\"id\":5" + opened, Event.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("ProductOpened.id must be a string, not 5");
    assertThat(reading("{\"type\":\"product-opened\",\"id\":true" + opened, Event.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("ProductOpened.id must be a string, not true or false");
  }

  @Test
  void aLongIsAWholeNumberWithinItsRangeOnly() throws Exception {
    String compliance = "{\"firstResponseBreached\":1,\"resolutionMet\":2,\"resolutionBreached\":0,\"firstResponseMet\":";
    assertThat(ClmJacksonModuleTest.mapper().readValue(compliance + "9223372036854775807}", ComplaintReport.PolicyCompliance.class))
        .isEqualTo(new ComplaintReport.PolicyCompliance(Long.MAX_VALUE, 1, 2, 0));
    for (String value : List.of("1.5", "9223372036854775808", "\"3\"")) {
      assertThat(reading(compliance + value + "}", ComplaintReport.PolicyCompliance.class))
          .as(value)
          .isInstanceOf(MismatchedInputException.class)
          .hasMessageContaining(
              "PolicyCompliance.firstResponseMet must be a whole number from -9223372036854775808 to 9223372036854775807, not "
                  + (value.startsWith("\"") ? "a string" : value));
    }
  }

  @Test
  void aDoubleIsANumberOrTheNonFiniteValuesAsJacksonWritesThem() throws Exception {
    ObjectMapper mapper = ClmJacksonModuleTest.mapper();
    String contribution = "{\"factor\":\"tenure\",\"signal\":0.5,\"contribution\":0.5,\"weight\":";
    // a whole number is a number too
    assertThat(mapper.readValue(contribution + "1}", Risk.Contribution.class)).isEqualTo(new Risk.Contribution("tenure", 1, 0.5, 0.5));
    for (String value : List.of("\"1\"", "true", "\"nan\"")) {
      assertThat(reading(contribution + value + "}", Risk.Contribution.class))
          .as(value)
          .isInstanceOf(MismatchedInputException.class)
          .hasMessageContaining("Contribution.weight must be a number, not " + (value.equals("true") ? "true or false" : "a string"));
    }
    String change =
        "{\"customer\":\"cust-1\",\"from\":\"a\",\"to\":\"b\",\"at\":\"2026-03-01T10:15:30Z\","
            + "\"cause\":{\"type\":\"rule\",\"ruleId\":\"r\"},\"evidence\":{\"x\":\"NaN\",\"y\":\"Infinity\",\"z\":\"-Infinity\"}}";
    assertThat(mapper.readValue(change, StageChange.class).evidence())
        .isEqualTo(Map.of("x", Double.NaN, "y", Double.POSITIVE_INFINITY, "z", Double.NEGATIVE_INFINITY));
    assertThat(reading(change.replace("\"NaN\"", "\"Infinite\""), StageChange.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("must be a number, not a string");
  }

  @Test
  void aNumberIsQuotedUpToFortyCharactersAndCountedBeyond() {
    String survey = "{\"type\":\"interaction\"," + COMMON + ",\"kind\":\"SURVEY\",\"channel\":\"ONLINE\",\"satisfaction\":";
    String forty = "1234567890".repeat(4);
    assertThat(reading(survey + forty + "}", Event.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Interaction.satisfaction must be a whole number from -2147483648 to 2147483647, not " + forty);
    assertThat(reading(survey + forty + "1}", Event.class))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining("Interaction.satisfaction must be a whole number from -2147483648 to 2147483647, not a number of 41 characters")
        .hasMessageNotContaining(forty);
  }
}
