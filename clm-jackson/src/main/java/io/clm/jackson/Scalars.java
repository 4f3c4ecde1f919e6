package io.clm.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.util.AccessPattern;
import io.clm.api.TextRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the scalar components of clm's types (booleans, whole numbers, decimals as doubles, text,
 * enum constants by their exact names) from a JSON value of their own kind only, and refuses a boolean or number component of a
 * primitive type that is missing or null. Jackson's defaults would read a missing {@code granted}
 * of a consent change as {@code false}, a survey score of {@code 7.9} as 7, {@code 1} as {@code
 * true}, an id of {@code 5} as the text {@code "5"} and {@code 0} as an enum's first constant;
 * none of that happens to a clm type. The message names the component and quotes a number or an
 * unknown constant's name (as a short excerpt); it never quotes other text, which may be personal
 * data.
 */
final class Scalars {

  private Scalars() {}

  /** The kinds of scalar read here. */
  private enum Kind {
    BOOLEAN("true or false"),
    INT("a whole number from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE),
    LONG("a whole number from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE),
    DOUBLE("a number"),
    TEXT("a string"),
    CONSTANT(null);

    private final String expected;

    Kind(String expected) {
      this.expected = expected;
    }
  }

  /**
   * The reader of a component of this type.
   *
   * @param type the component's type, or a collection's element type
   * @return the reader, or null for a type that is not a scalar read here
   */
  static JsonDeserializer<?> reader(Class<?> type) {
    Kind kind = kind(type);
    return kind == null ? null : new Reader(kind, type, type.getSimpleName());
  }

  private static Kind kind(Class<?> type) {
    if (type == boolean.class || type == Boolean.class) {
      return Kind.BOOLEAN;
    }
    if (type == int.class || type == Integer.class) {
      return Kind.INT;
    }
    if (type == long.class || type == Long.class) {
      return Kind.LONG;
    }
    if (type == double.class || type == Double.class) {
      return Kind.DOUBLE;
    }
    if (type.isEnum()) {
      return Kind.CONSTANT;
    }
    return type == String.class ? Kind.TEXT : null;
  }

  /** Reads one kind of scalar; contextual, so that its messages name the component. */
  static final class Reader extends JsonDeserializer<Object> implements ContextualDeserializer {
    private final Kind kind;
    private final Class<?> type;
    private final String name;

    private Reader(Kind kind, Class<?> type, String name) {
      this.kind = kind;
      this.type = type;
      this.name = name;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      if (property == null || property.getMember() == null) {
        return this;
      }
      return new Reader(kind, type, property.getMember().getDeclaringClass().getSimpleName() + "." + property.getName());
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      boolean whole = token == JsonToken.VALUE_NUMBER_INT;
      return switch (kind) {
        case BOOLEAN -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE
            ? (Object) (token == JsonToken.VALUE_TRUE)
            : refuse(p, ctxt);
        case INT -> whole && p.getNumberType() == JsonParser.NumberType.INT ? (Object) p.getIntValue() : refuse(p, ctxt);
        case LONG -> whole && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER
            ? (Object) p.getLongValue()
            : refuse(p, ctxt);
        case DOUBLE -> whole || token == JsonToken.VALUE_NUMBER_FLOAT ? (Object) p.getDoubleValue() : nonFinite(p, ctxt);
        case TEXT -> token == JsonToken.VALUE_STRING ? p.getText() : refuse(p, ctxt);
        case CONSTANT -> token == JsonToken.VALUE_STRING ? constant(p, ctxt) : refuse(p, ctxt);
      };
    }

    /** The constant of exactly this name; no other spelling, no ordinal. */
    private Object constant(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = p.getText();
      for (Object constant : type.getEnumConstants()) {
        if (((Enum<?>) constant).name().equals(text)) {
          return constant;
        }
      }
      return ctxt.reportInputMismatch(this, "%s must be %s, not %s", name, expected(), TextRules.excerpt(text));
    }

    private String expected() {
      if (kind != Kind.CONSTANT) {
        return kind.expected;
      }
      List<String> names = new ArrayList<>();
      for (Object constant : type.getEnumConstants()) {
        names.add(((Enum<?>) constant).name());
      }
      return "one of " + names;
    }

    /** NaN and the infinities, which Jackson writes as strings; any other string is refused. */
    private Object nonFinite(JsonParser p, DeserializationContext ctxt) throws IOException {
      Double value =
          p.currentToken() != JsonToken.VALUE_STRING
              ? null
              : switch (p.getText()) {
                case "NaN" -> Double.NaN;
                case "Infinity" -> Double.POSITIVE_INFINITY;
                case "-Infinity" -> Double.NEGATIVE_INFINITY;
                default -> null;
              };
      return value != null ? value : refuse(p, ctxt);
    }

    private Object refuse(JsonParser p, DeserializationContext ctxt) throws IOException {
      return ctxt.reportInputMismatch(this, "%s must be %s, not %s", name, expected(), found(p));
    }

    /** What was found instead: a number as written (if short), never the text of a string. */
    private static String found(JsonParser p) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
        String number = p.getText();
        return number.length() <= 40 ? number : "a number of " + number.length() + " characters";
      }
      if (token == null) {
        return "nothing";
      }
      return switch (token) {
        case VALUE_STRING -> "a string";
        case VALUE_TRUE, VALUE_FALSE -> "true or false";
        case START_OBJECT, FIELD_NAME -> "an object";
        case START_ARRAY -> "an array";
        case VALUE_NULL -> "null";
        default -> "a " + token.name().toLowerCase(Locale.ROOT).replace('_', ' ');
      };
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) throws JsonMappingException {
      if (type.isPrimitive()) {
        return ctxt.reportInputMismatch(this, "%s is missing or null; it must be %s", name, expected());
      }
      return null;
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
      return getNullValue(ctxt);
    }

    @Override
    public AccessPattern getNullAccessPattern() {
      return type.isPrimitive() ? AccessPattern.DYNAMIC : AccessPattern.CONSTANT;
    }

    @Override
    public Class<?> handledType() {
      return type;
    }
  }
}
