package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clm.complaints.HolidayCalendars;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** IDEs complete the clm.* properties from the metadata Spring Boot's processor writes into the jar. */
class ConfigurationMetadataTest {
  @Test
  void everyPropertyIsDescribedForIdes() throws Exception {
    JsonNode metadata;
    try (InputStream in = ClmProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("metadata generated at compile time").isNotNull();
      metadata = new ObjectMapper().readTree(in);
    }
    List<String> names = new ArrayList<>();
    for (JsonNode property : metadata.get("properties")) {
      names.add(property.get("name").asText());
      assertThat(property.path("description").asText()).as(property.get("name").asText()).isNotBlank();
    }
    assertThat(names).contains(
        "clm.model", "clm.currency", "clm.store.use-data-source", "clm.complaints.workflow",
        "clm.complaints.calendar", "clm.scheduling.interval", "clm.id-mask-key", "clm.customers-in-memory",
        "clm.store.health-timeout");
  }

  @Test
  void theCalendarsAnIdeSuggestsAreAccepted() throws Exception {
    String description = null;
    try (InputStream in = ClmProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      for (JsonNode property : new ObjectMapper().readTree(in).get("properties")) {
        if (property.get("name").asText().equals("clm.complaints.calendar")) {
          description = property.get("description").asText();
        }
      }
    }
    Matcher examples = Pattern.compile("such as (\\S+) or ([^\\s;,.]+)").matcher(String.valueOf(description));
    assertThat(examples.find()).as(description).isTrue();
    for (String jurisdiction : List.of(examples.group(1), examples.group(2))) {
      assertThatCode(() -> HolidayCalendars.of(jurisdiction)).as(jurisdiction).doesNotThrowAnyException();
    }
  }
}
