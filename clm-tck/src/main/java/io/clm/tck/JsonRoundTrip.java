package io.clm.tck;

import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.clm.api.annotation.Experimental;
import java.util.Optional;

/**
 * Writes values to JSON and reads them back with clm-core's Jackson module ({@code
 * io.clm.jackson.ClmJacksonModule}), the way snapshots and fitted schemes are stored. Available
 * only when clm-core is on the test class path.
 */
@Experimental
public final class JsonRoundTrip {

  /** The class name of clm-core's Jackson module. */
  public static final String MODULE_CLASS = "io.clm.jackson.ClmJacksonModule";

  private final ObjectMapper mapper;

  private JsonRoundTrip(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /**
   * A round trip through clm-core's module, if clm-core is on the class path.
   *
   * @return the round trip, or empty without clm-core
   */
  public static Optional<JsonRoundTrip> withClmModule() {
    Class<?> type;
    try {
      type = Class.forName(MODULE_CLASS, true, JsonRoundTrip.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      return Optional.empty();
    }
    try {
      Module module = (Module) type.getConstructor().newInstance();
      return Optional.of(new JsonRoundTrip(new ObjectMapper().registerModule(module)));
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(MODULE_CLASS + " cannot be instantiated: " + e, e);
    }
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
