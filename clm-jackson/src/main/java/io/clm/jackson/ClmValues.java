package io.clm.jackson;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.AnnotationIntrospector;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.clm.api.ClmException;
import io.clm.api.Money;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The formats of JDK types (instants, durations, currencies, decimals, optionals, and the strict
 * reading of booleans, numbers and text of {@link Scalars}) where, and only where, they are components of
 * clm's own types. Jackson asks the {@link Introspector} about every property it
 * meets; it answers for properties declared by a clm type and says nothing about any other, so the
 * application's types keep whatever its mapper does with them.
 */
final class ClmValues {

  private static final Map<Class<?>, Text<?>> WRITERS =
      Map.of(
          Instant.class, new Text<>(Instant.class, Instant::toString),
          Duration.class, new Text<>(Duration.class, Duration::toString),
          Currency.class, new Text<>(Currency.class, Currency::getCurrencyCode));

  private static final Map<Class<?>, TextReader<?>> READERS =
      Map.of(
          Instant.class, new TextReader<>(Instant.class, Instant::parse),
          Duration.class, new TextReader<>(Duration.class, Duration::parse),
          Currency.class, new TextReader<>(Currency.class, Money::currency));

  private ClmValues() {}

  /** Whether a type is one of clm's own (declared in a package of clm). */
  static boolean isClmType(Class<?> type) {
    return type.getName().startsWith("io.clm.");
  }

  private static boolean declaredByClm(Annotated annotated) {
    return annotated instanceof AnnotatedMember member && isClmType(member.getDeclaringClass());
  }

  /** The type a property holds, or its element type for a collection or map. */
  private static Class<?> content(Annotated annotated) {
    JavaType type = annotated.getType();
    JavaType content = type == null ? null : type.getContentType();
    return content == null ? null : content.getRawClass();
  }

  /** Answers for the properties of clm's types only; for every other property it has no opinion. */
  static final class Introspector extends AnnotationIntrospector {
    private static final long serialVersionUID = 1L;
    private static final JsonInclude.Value ALWAYS =
        JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS);

    @Override
    public Version version() {
      return Version.unknownVersion();
    }

    /**
     * Every component of a clm type is written, whatever the mapper's inclusion: a document without
     * an empty list, a false or a zero is not read back (the record refuses the missing component).
     */
    @Override
    public JsonInclude.Value findPropertyInclusion(Annotated annotated) {
      return declaredByClm(annotated) ? ALWAYS : JsonInclude.Value.empty();
    }

    @Override
    public Object findSerializer(Annotated annotated) {
      if (!declaredByClm(annotated)) {
        return null;
      }
      Class<?> raw = annotated.getRawType();
      return raw == Optional.class ? new OptionalWriter(null, null) : writer(raw);
    }

    @Override
    public Object findContentSerializer(Annotated annotated) {
      return declaredByClm(annotated) ? writer(content(annotated)) : null;
    }

    @Override
    public Object findDeserializer(Annotated annotated) {
      if (!declaredByClm(annotated)) {
        return null;
      }
      Class<?> raw = annotated.getRawType();
      return raw == Optional.class ? new OptionalReader(null, null, null) : reader(raw);
    }

    @Override
    public Object findContentDeserializer(Annotated annotated) {
      return declaredByClm(annotated) ? reader(content(annotated)) : null;
    }
  }

  /**
   * The writer of a JDK value or an enum constant inside a clm type (a constant by its name, a
   * decimal with its scale, whatever the mapper's enum and decimal settings), or null for a type
   * left to the mapper.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static JsonSerializer<?> writer(Class<?> type) {
    if (type == BigDecimal.class) {
      return new Decimal();
    }
    JsonSerializer<?> text = type == null ? null : WRITERS.get(type);
    return text != null || type == null || !type.isEnum() ? text : new Text<Enum>((Class<Enum>) type, Enum::name);
  }

  /** The reader of a JDK value inside a clm type, or null for a type left to the mapper. */
  private static JsonDeserializer<?> reader(Class<?> type) {
    JsonDeserializer<?> text = READERS.get(type);
    return text != null || type == null ? text : Scalars.reader(type);
  }

  /** Writes a value as one string. */
  static final class Text<T> extends StdSerializer<T> {
    private static final long serialVersionUID = 1L;
    private final transient Function<T, String> write;

    Text(Class<T> type, Function<T, String> write) {
      super(type);
      this.write = write;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeString(write.apply(value));
    }
  }

  /**
   * Reads a value from one string, through the value's own parser, so bad text fails as in code. A
   * reader of personal data never quotes the text: its failure carries the parser's message only,
   * which for a {@link io.clm.api.CustomerId} never contains the id.
   */
  static final class TextReader<T> extends JsonDeserializer<T> {
    private final Class<T> type;
    private final Function<String, T> read;
    private final boolean quotes;

    /** A reader whose failures quote the text (an instant, a duration, a currency code). */
    TextReader(Class<T> type, Function<String, T> read) {
      this(type, read, true);
    }

    private TextReader(Class<T> type, Function<String, T> read, boolean quotes) {
      this.type = type;
      this.read = read;
      this.quotes = quotes;
    }

    /** A reader of personal data, such as a customer id: its failures never quote the text. */
    static <T> TextReader<T> personal(Class<T> type, Function<String, T> read) {
      return new TextReader<>(type, read, false);
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return type.cast(ctxt.handleUnexpectedToken(type, p));
      }
      String text = p.getText();
      try {
        return read.apply(text);
      } catch (ClmException e) {
        if (!quotes) {
          throw JsonMappingException.from(p, e.getMessage(), e);
        }
        return type.cast(ctxt.handleWeirdStringValue(type, text, "not a valid %s", type.getSimpleName()));
      } catch (DateTimeException e) {
        return type.cast(ctxt.handleWeirdStringValue(type, text, "not a valid %s", type.getSimpleName()));
      }
    }

    @Override
    public Class<?> handledType() {
      return type;
    }
  }

  /**
   * Writes a decimal as the JSON number its {@link BigDecimal#toString()} is, scale included ({@code
   * 5E+3} stays {@code 5E+3}), also on a mapper that writes decimals in plain notation, which would
   * write {@code 5000}: a number that reads back with another scale, so not the same value.
   */
  static final class Decimal extends StdSerializer<BigDecimal> {
    private static final long serialVersionUID = 1L;

    Decimal() {
      super(BigDecimal.class);
    }

    @Override
    public void serialize(BigDecimal value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeNumber(value.toString());
    }
  }

  /** Writes an {@link Optional} component as its value or null. */
  static final class OptionalWriter extends StdSerializer<Optional<?>> implements ContextualSerializer {
    private static final long serialVersionUID = 1L;
    private final transient JsonSerializer<Object> content;
    private final transient BeanProperty property;

    @SuppressWarnings({"unchecked", "rawtypes"})
    OptionalWriter(JsonSerializer<Object> content, BeanProperty property) {
      super((Class) Optional.class);
      this.content = content;
      this.property = property;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property)
        throws JsonMappingException {
      JavaType type = property == null ? null : property.getType().containedType(0);
      if (type == null) {
        return new OptionalWriter(null, property);
      }
      JsonSerializer<?> text = writer(type.getRawClass());
      JsonSerializer<Object> found =
          text != null ? (JsonSerializer<Object>) text : provider.findTypedValueSerializer(type, true, property);
      return new OptionalWriter(found, property);
    }

    @Override
    public boolean isEmpty(SerializerProvider provider, Optional<?> value) {
      return value == null || value.isEmpty();
    }

    @Override
    public void serialize(Optional<?> value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value.isEmpty()) {
        gen.writeNull();
      } else if (content != null) {
        content.serialize(value.get(), gen, provider);
      } else {
        provider.findTypedValueSerializer(value.get().getClass(), true, property).serialize(value.get(), gen, provider);
      }
    }

    @Override
    public void serializeWithType(
        Optional<?> value, JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer) throws IOException {
      serialize(value, gen, provider);
    }
  }

  /** Reads an {@link Optional} component: null or absent is empty, anything else its value. */
  static final class OptionalReader extends JsonDeserializer<Optional<?>> implements ContextualDeserializer {
    private final JsonDeserializer<Object> content;
    private final TypeDeserializer contentType;
    private final JavaType type;

    OptionalReader(JsonDeserializer<Object> content, TypeDeserializer contentType, JavaType type) {
      this.content = content;
      this.contentType = contentType;
      this.type = type;
    }

    @Override
    @SuppressWarnings("unchecked")
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
        throws JsonMappingException {
      JavaType optional = property != null ? property.getType() : ctxt.getContextualType();
      JavaType value = optional == null ? null : optional.containedType(0);
      if (value == null) {
        return ctxt.reportBadDefinition(
            Optional.class, "clm's Optional components need their value type; found none");
      }
      JsonDeserializer<?> text = reader(value.getRawClass());
      JsonDeserializer<Object> found =
          text != null
              ? (JsonDeserializer<Object>) ctxt.handleSecondaryContextualization(text, property, value)
              : ctxt.findContextualValueDeserializer(value, property);
      TypeDeserializer typed =
          text != null ? null : ctxt.getFactory().findTypeDeserializer(ctxt.getConfig(), value);
      return new OptionalReader(found, typed, optional);
    }

    @Override
    public Optional<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      Object value = contentType == null ? content.deserialize(p, ctxt) : content.deserializeWithType(p, ctxt, contentType);
      return Optional.ofNullable(value);
    }

    @Override
    public Optional<?> getNullValue(DeserializationContext ctxt) {
      return Optional.empty();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return Optional.empty();
    }

    @Override
    public Class<?> handledType() {
      return type == null ? Optional.class : type.getRawClass();
    }
  }
}
