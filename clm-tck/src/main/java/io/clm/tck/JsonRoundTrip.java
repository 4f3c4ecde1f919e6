package io.clm.tck;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.clm.api.annotation.Experimental;
import io.clm.jackson.ClmJacksonModule;

/**
 * Writes values to JSON and reads them back with clm's Jackson module ({@link ClmJacksonModule}
 * from clm-jackson), the way snapshots and fitted schemes are stored.
 */
@Experimental
public final class JsonRoundTrip {

  private final ObjectMapper mapper;

  private JsonRoundTrip(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * A round trip through a mapper that holds only clm's Jackson module.
   *
   * @return the round trip
   */
  public static JsonRoundTrip withClmModule() {
    return new JsonRoundTrip(new ObjectMapper().registerModule(new ClmJacksonModule()));
  }

  /**
   * Writes a value as JSON and reads it back as {@code type}.
   *
   * @param value the value
   * @param type the type to read
   * @param <T> the type
   * @return the value read back
   * @throws AssertionError naming the value's type and the JSON if either step fails
   */
  public <T> T roundTrip(Object value, Class<T> type) {
    String json;
    try {
      json = mapper.writeValueAsString(value);
    } catch (Exception e) {
      throw new AssertionError("cannot write " + value.getClass().getName() + " as JSON: " + e, e);
    }
    try {
      return mapper.readValue(json, type);
    } catch (Exception e) {
      throw new AssertionError("cannot read " + type.getName() + " back from " + json + ": " + e, e);
    }
  }
}
