package io.clm.core.json;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.google.auto.service.AutoService;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.clm.api.retention.ActionType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.clm.api.Cause;
import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.event.Event;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.function.Function;

/**
 * Makes every public value type of clm serialisable with Jackson, losslessly: customers, metrics
 * snapshots, stage changes, causes and events. Register it explicitly or let {@code
 * ObjectMapper.findAndRegisterModules()} find it:
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new ClmJacksonModule());
 * String json = mapper.writeValueAsString(event);
 * Event back = mapper.readValue(json, Event.class);
 * }</pre>
 *
 * <p>Formats: {@link Instant} and {@link Duration} as ISO-8601 strings ({@code
 * "2026-01-31T09:00:00Z"}, {@code "PT5M"}); {@link Currency} as its ISO 4217 code; {@link
 * CustomerId} as a plain string; {@link Money} as {@code {"amount": "12.50", "currency": "EUR"}}
 * with the amount as a string so that no reader turns it into floating point; {@link Event} and
 * {@link Cause} and {@link ActionType} with a {@code type} property ({@code "transaction"}, {@code
 * "manual-move"}, {@code "rule"}, {@code "service-recovery"}, ...); {@link java.util.Optional} as
 * its value or null; records as their components only. Reading validates through the records' constructors, so an invalid value fails
 * with the same message as in code. Lifecycle models are code, not data, and are not serialised.
 */
@AutoService(Module.class)
@SuppressWarnings("exports")
public final class ClmJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Creates the module. */
  public ClmJacksonModule() {
    super("clm", Version.unknownVersion());
    text(Instant.class, Instant::toString, Instant::parse);
    text(Duration.class, Duration::toString, Duration::parse);
    text(Currency.class, Currency::getCurrencyCode, Money::currency);
    text(CustomerId.class, CustomerId::value, CustomerId::new);
    addSerializer(Money.class, new MoneySerializer());
    addDeserializer(Money.class, new MoneyDeserializer());
    registerSealed(Event.class);
    registerSealed(Cause.class);
    registerSealed(ActionType.class);
  }

  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    new Jdk8Module().setupModule(context);
    context.addBeanSerializerModifier(new RecordComponentsOnly());
  }

  /**
   * Registers a sealed hierarchy: a {@code type} property whose value is the subtype's simple name
   * in kebab case ({@code ProductOpened} is {@code "product-opened"}).
   */
  private void registerSealed(Class<?> root) {
    setMixInAnnotation(root, TypedMixin.class);
    for (Class<?> subtype : root.getPermittedSubclasses()) {
      registerSubtypes(new NamedType(subtype, kebab(subtype.getSimpleName())));
    }
  }

  static String kebab(String simpleName) {
    StringBuilder name = new StringBuilder();
    for (int i = 0; i < simpleName.length(); i++) {
      char c = simpleName.charAt(i);
      if (Character.isUpperCase(c) && i > 0) {
        name.append('-');
      }
      name.append(Character.toLowerCase(c));
    }
    return name.toString();
  }

  /**
   * Writes a record's components and nothing else, so that derived accessors such as {@code
   * Assignment.isClassified()} never appear in JSON and every document reads back through the
   * canonical constructor.
   */
  private static final class RecordComponentsOnly extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public List<BeanPropertyWriter> changeProperties(
        SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> properties) {
      Class<?> type = description.getBeanClass();
      if (!type.isRecord()) {
        return properties;
      }
      Set<String> components = new HashSet<>();
      for (RecordComponent component : type.getRecordComponents()) {
        components.add(component.getName());
      }
      List<BeanPropertyWriter> kept = new ArrayList<>();
      for (BeanPropertyWriter property : properties) {
        if (components.contains(property.getName())) {
          kept.add(property);
        }
      }
      return kept;
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  private abstract static class TypedMixin {}

  private <T> void text(Class<T> type, Function<T, String> write, Function<String, T> read) {
    addSerializer(
        type,
        new JsonSerializer<T>() {
          @Override
          public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(write.apply(value));
          }
        });
    addDeserializer(
        type,
        new JsonDeserializer<T>() {
          @Override
          public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
              return type.cast(ctxt.handleUnexpectedToken(type, p));
            }
            String text = p.getText();
            try {
              return read.apply(text);
            } catch (DateTimeException | ClmException e) {
              return type.cast(
                  ctxt.handleWeirdStringValue(type, text, "not a valid %s", type.getSimpleName()));
            }
          }
        });
  }

  private static final class MoneySerializer extends JsonSerializer<Money> {
    @Override
    public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      gen.writeStringField("amount", value.amount().toPlainString());
      gen.writeStringField("currency", value.currency().getCurrencyCode());
      gen.writeEndObject();
    }
  }

  private static final class MoneyDeserializer extends JsonDeserializer<Money> {
    @Override
    public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = p.readValueAsTree();
      JsonNode amount = node == null ? null : node.get("amount");
      JsonNode currency = node == null ? null : node.get("currency");
      if (amount == null || currency == null || !currency.isTextual() || !(amount.isTextual() || amount.isNumber())) {
        return (Money) ctxt.handleUnexpectedToken(Money.class, p);
      }
      try {
        return Money.of(
            amount.isTextual() ? amount.textValue() : amount.decimalValue().toPlainString(), currency.textValue());
      } catch (ClmException e) {
        throw com.fasterxml.jackson.databind.JsonMappingException.from(p, e.getMessage(), e);
      }
    }
  }
}
