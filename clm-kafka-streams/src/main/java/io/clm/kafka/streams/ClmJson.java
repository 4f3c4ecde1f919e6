package io.clm.kafka.streams;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
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
 * decimals. Everything written to or read from a topic or a store goes through {@link #MAPPER}.
 */
final class ClmJson {
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new ClmJacksonModule())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
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

  /**
   * What is wrong with bytes that could not be read, without the parser's own message for bytes
   * that are not well-formed JSON: that message quotes the text it could not read, which may be a
   * customer id or other personal data.
   */
  static String unreadable(IOException e) {
    // A deserializer may wrap the parser's exception (and its message) in its own.
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamReadException read) {
        JsonLocation at = read.getLocation();
        return "not well-formed JSON"
            + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
            + " (" + t.getClass().getSimpleName() + ")";
      }
    }
    return e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
  }
}
