package io.clm.jackson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import io.clm.api.TextRules;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Refuses a JSON object of a clm record that gives one property twice, on any mapper. Jackson
 * keeps the last of two values read before the record is complete ({@code "direction": "CREDIT",
 * ..., "direction": "DEBIT"} is a debit) and fails with an {@code InvalidDefinitionException}, the
 * kind a web framework reports as its own fault, on one read after it. The object's properties are
 * copied into a buffer, checked, and read from it. Two names are the same property if the record's
 * deserializer reads them into the same one, so where a record is read with property names in any
 * case ({@link MapperFeature#ACCEPT_CASE_INSENSITIVE_PROPERTIES}, or the same feature in the
 * format of the record's type alone), {@code "direction"} and {@code "DIRECTION"} are one property
 * given twice. A parser with {@link StreamReadFeature#STRICT_DUPLICATE_DETECTION} refuses a repeat
 * of the exact name itself: where names are exact, the object is read as it is, without a copy;
 * where they are read in any case, it is copied and checked as on any other parser. On a mapper
 * with {@link DeserializationFeature#UNWRAP_SINGLE_VALUE_ARRAYS}, an object in an array of one is
 * checked too.
 */
final class RepeatedProperties extends BeanDeserializerModifier {
  private static final long serialVersionUID = 1L;

  @Override
  public JsonDeserializer<?> modifyDeserializer(
      DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
    Class<?> type = description.getBeanClass();
    // a record read by a deserializer of the module's own (Money) checks its properties itself
    return deserializer instanceof BeanDeserializerBase && type.isRecord() && ClmValues.isClmType(type)
        ? new Refusing(deserializer, type)
        : deserializer;
  }

  /** A record's deserializer that first checks the object's property names. */
  private static final class Refusing extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;
    private final Class<?> type;

    Refusing(JsonDeserializer<?> delegate, Class<?> type) {
      super(delegate);
      this.type = type;
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new Refusing(delegate, type);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.isEnabled(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
          && !(_delegatee instanceof BeanDeserializerBase bean && bean.isCaseInsensitive())) {
        // The parser refuses a repeat itself, and with exact names no two spellings are one
        // property: nothing to copy (the Kafka Streams adapter reads every record this way).
        return _delegatee.deserialize(p, ctxt);
      }
      JsonToken token = p.currentToken();
      if (token == JsonToken.START_ARRAY && ctxt.isEnabled(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)) {
        return unwrapped(p, ctxt);
      }
      if (token != JsonToken.START_OBJECT && token != JsonToken.FIELD_NAME) {
        return _delegatee.deserialize(p, ctxt);
      }
      TokenBuffer copy = ctxt.bufferForInputBuffering(p);
      copy.writeStartObject();
      if (token == JsonToken.START_OBJECT) {
        token = p.nextToken();
      }
      Set<String> names = new HashSet<>();
      for (; token == JsonToken.FIELD_NAME; token = p.nextToken()) {
        String name = property(p.currentName());
        if (!names.add(name)) {
          return ctxt.reportInputMismatch(this, "%s has %s twice", type.getSimpleName(), TextRules.excerpt(name));
        }
        copy.copyCurrentStructure(p);
      }
      if (token != JsonToken.END_OBJECT) {
        return ctxt.handleUnexpectedToken(type, p);
      }
      copy.writeEndObject();
      try (JsonParser buffered = copy.asParserOnFirstToken()) {
        return _delegatee.deserialize(buffered, ctxt);
      }
    }

    /**
     * An array that a mapper with {@link DeserializationFeature#UNWRAP_SINGLE_VALUE_ARRAYS} reads as
     * its one element: an object there is checked as any other; any other array is the record's
     * deserializer's to read or refuse.
     */
    private Object unwrapped(JsonParser p, DeserializationContext ctxt) throws IOException {
      TokenBuffer array = ctxt.bufferForInputBuffering(p);
      array.copyCurrentStructure(p);
      try (JsonParser elements = array.asParserOnFirstToken()) {
        if (elements.nextToken() == JsonToken.START_OBJECT) {
          Object value = deserialize(elements, ctxt);
          if (elements.nextToken() == JsonToken.END_ARRAY) {
            return value;
          }
        }
      }
      try (JsonParser again = array.asParserOnFirstToken()) {
        return _delegatee.deserialize(again, ctxt);
      }
    }

    /**
     * The property a name is read into, as the record's deserializer finds it: the same for two
     * spellings on a mapper that accepts property names in any case; the name itself if unknown.
     */
    private String property(String name) {
      SettableBeanProperty property = _delegatee instanceof BeanDeserializerBase bean ? bean.findProperty(name) : null;
      return property == null ? name : property.getName();
    }

    @Override
    public Object deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer)
        throws IOException {
      // the type deserializer reads the type id, then hands the rest to deserialize of the subtype's
      return typeDeserializer.deserializeTypedFromObject(p, ctxt);
    }
  }
}
