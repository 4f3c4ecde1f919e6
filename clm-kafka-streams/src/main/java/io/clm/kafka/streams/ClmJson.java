package io.clm.kafka.streams;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.clm.api.event.Event;
import io.clm.jackson.ClmJacksonModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one place that configures JSON for this module: clm's own Jackson module, amounts read as
 * decimals, and a record's value read as exactly one document: text after it, or a field given
 * twice, makes it unreadable rather than an event read from part of it. Everything written to or
 * read from a topic or a store goes through {@link #MAPPER}.
 */
final class ClmJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new ClmJacksonModule())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

  /** Reads events; built once, so that each read skips looking up the root type's deserializer. */
  static final ObjectReader EVENTS = MAPPER.readerFor(Event.class);

  private ClmJson() {}

  static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as json", e);
    }
  }

  static <T> T read(byte[] bytes, Class<T> type) throws IOException {
    return MAPPER.readValue(bytes, type);
  }

  static Event readEvent(byte[] bytes) throws IOException {
    return EVENTS.readValue(bytes);
  }

  /** What is wrong with bytes that could not be read, without quoting them: see {@link ClmJacksonModule#describeUnreadable}. */
  static String unreadable(IOException e) {
    return ClmJacksonModule.describeUnreadable(e);
  }
}
