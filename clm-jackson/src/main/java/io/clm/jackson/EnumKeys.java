package io.clm.jackson;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.ser.Serializers;
import io.clm.api.TextRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Map keys that are clm's enum constants ({@code MetricsSnapshot.attributes} by {@code Attribute},
 * {@code consents} by {@code Purpose}, a complaint's deadlines by {@code SlaTarget}, a report's
 * counts by {@code AgeBand} and {@code Severity}): written as the constant's name and read by that
 * exact name only, whatever the mapper's enum settings. Jackson's own keys would be written as
 * indexes under {@code WRITE_ENUM_KEYS_USING_INDEX} and read back as whatever constant has that
 * index, read in any case under {@code ACCEPT_CASE_INSENSITIVE_ENUMS}, and read as null under
 * {@code READ_UNKNOWN_ENUM_VALUES_AS_NULL}.
 */
final class EnumKeys {

  private EnumKeys() {}

  private static boolean clmEnum(Class<?> type) {
    return type.isEnum() && ClmValues.isClmType(type);
  }

  /** The key writers: a clm constant by its name. */
  static final class Writers extends Serializers.Base {
    @Override
    public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription description) {
      return clmEnum(type.getRawClass()) ? new Writer() : null;
    }
  }

  private static final class Writer extends JsonSerializer<Enum<?>> {
    @Override
    public void serialize(Enum<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeFieldName(value.name());
    }
  }

  /** The key readers: a clm constant by its exact name. */
  static final class Readers implements KeyDeserializers {
    @Override
    public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config, BeanDescription description) {
      return clmEnum(type.getRawClass()) ? new Reader(type.getRawClass()) : null;
    }
  }

  private static final class Reader extends KeyDeserializer {
    private final Class<?> type;

    Reader(Class<?> type) {
      this.type = type;
    }

    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
      List<String> names = new ArrayList<>();
      for (Object constant : type.getEnumConstants()) {
        String name = ((Enum<?>) constant).name();
        if (name.equals(key)) {
          return constant;
        }
        names.add(name);
      }
      throw InvalidFormatException.from(
          ctxt.getParser(),
          "a map key of " + type.getSimpleName() + " must be one of " + names + ", not " + TextRules.excerpt(key),
          null,
          type);
    }
  }
}
