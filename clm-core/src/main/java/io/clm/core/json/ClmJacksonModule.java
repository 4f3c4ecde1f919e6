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
import io.clm.api.Cause;
import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.ManualMove;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Transaction;
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
 * {@link Cause} with a {@code type} property ({@code "transaction"}, {@code "manual-move"}, {@code
 * "rule"}, ...). Reading validates through the records' constructors, so an invalid value fails
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
    setMixInAnnotation(Event.class, TypedMixin.class);
    setMixInAnnotation(Cause.class, TypedMixin.class);
    registerSubtypes(
        new NamedType(Transaction.class, "transaction"),
        new NamedType(Interaction.class, "interaction"),
        new NamedType(ProductOpened.class, "product-opened"),
        new NamedType(ProductClosed.class, "product-closed"),
        new NamedType(ComplaintOpened.class, "complaint-opened"),
        new NamedType(ComplaintResolved.class, "complaint-resolved"),
        new NamedType(RelationshipClosed.class, "relationship-closed"),
        new NamedType(ManualMove.class, "manual-move"),
        new NamedType(AttributeUpdate.class, "attribute-update"),
        new NamedType(ConsentChange.class, "consent-change"),
        new NamedType(Cause.Rule.class, "rule"),
        new NamedType(Cause.Manual.class, "manual"),
        new NamedType(Cause.Import.class, "import"));
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
