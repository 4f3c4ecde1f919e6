package io.clm.jackson;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.google.auto.service.AutoService;
import io.clm.api.Cause;
import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.annotation.Experimental;
import io.clm.api.event.Event;
import io.clm.api.retention.ActionType;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
 * <p>The module is a good citizen of the application's mapper: it changes nothing about types that
 * are not clm's, and no setting of the mapper. It registers serialisers only for clm's own types
 * ({@link Money}, {@link CustomerId}, the sealed hierarchies); JDK types are written its way only
 * where they are a component of a clm type, so the application's own {@link Instant}s follow the
 * application's Java-time module and date settings, and clm's follow clm's format whatever those
 * are and in whichever order the modules are registered.
 *
 * <p>Formats: {@link Instant} and {@link Duration} as ISO-8601 strings ({@code
 * "2026-01-31T09:00:00Z"}, {@code "PT5M"}); {@link Currency} as its ISO 4217 code; a {@link
 * java.math.BigDecimal} (an attribute's value) as the JSON number of its {@code toString()}, scale
 * included, also on a mapper that writes decimals in plain notation; {@link
 * CustomerId} as a plain string; {@link Money} as {@code {"amount": "12.50", "currency": "EUR"}}
 * with the amount as a string so that no reader turns it into floating point (a JSON number is
 * read too, from its own digits, never through a double, with the same rules as a string: no
 * exponent, no more fraction digits than the currency has; a property other than the two fails
 * as an unknown property of a record does, the two are read in any case where a record's
 * properties are, and either of the two given twice is refused; where the application's {@code
 * DeserializationProblemHandler} answers for a bad amount or currency, its answer is the amount and
 * the rest of the object is skipped); {@link Event} and
 * {@link Cause} and {@link ActionType} with a {@code type} property ({@code "transaction"}, {@code
 * "manual-move"}, {@code "rule"}, {@code "service-recovery"}, ...); {@link java.util.Optional} as
 * its value or null; records as their components only, every one of them whatever the mapper's
 * inclusion settings ({@code NON_NULL}, {@code NON_EMPTY}, {@code NON_DEFAULT} would leave out
 * the null, the empty list or the {@code false} that the record needs to be read back). Reading
 * validates through the records' constructors, so an invalid value fails with the same message as
 * in code (a Jackson {@code ValueInstantiationException}); but a component the record cannot be
 * without, missing or null, fails as a {@code MismatchedInputException} naming the record and the
 * component as the document spells it ({@code Transaction.customer is missing or null}, {@code
 * Complaint.audit holds a null}), never quoting a value, where the constructor's message would name
 * a component in code only, or for a list or map not at all; a component the record takes as null
 * ({@code Interaction.satisfaction}) is read as null. Both are bad input to a web framework, which
 * answers an {@code InvalidDefinitionException} alone as its own fault. A property of a clm
 * record given twice is refused on any mapper ({@code Transaction has 'direction' twice}), where
 * Jackson would keep the later value, also in two spellings on a mapper that accepts property
 * names in any case, for every type or for the record's alone ({@code "direction"} and {@code
 * "DIRECTION"}), with or without the parser's own check, and in an array of one on a mapper that
 * reads such an array as its element ({@code DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS});
 * on a parser with {@code
 * StreamReadFeature.STRICT_DUPLICATE_DETECTION} the parser refuses it first, as it does any repeat.
 * Text after the document ({@code {...} {...}}) is the mapper's to refuse: enable {@code
 * DeserializationFeature.FAIL_ON_TRAILING_TOKENS} on a mapper that reads input from outside. So is
 * a repeat in a document read as a tree first ({@code readTree}, then {@code treeToValue}): the
 * tree keeps the later value before the module sees the object, unless {@code
 * DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY} is enabled. A boolean, whole
 * number, double or text component of a clm type is read only from a JSON value of its own kind
 * ({@code true} or {@code false}; an integer within the component's range; a number, or {@code
 * "NaN"} and the infinities as Jackson writes them; a string), never coerced: {@code 7.9} is not
 * read as a score of 7, {@code 1} not as {@code true}, {@code 5} not as the id {@code "5"}; and a
 * boolean or number component that cannot be absent ({@code ConsentChange.granted}, {@code
 * Offer.discountPercent}) is refused when missing or null rather than read as {@code false} or 0.
 * An enum component is written as its constant's name whatever the mapper's enum settings and
 * read by that exact name only: not by its ordinal ({@code 0} is not {@code DEBIT}), not in another
 * case or with spaces. So is a map key that is a clm constant, such as an attribute's or a consent's
 * ({@code "attributes": {"REVENUE": ...}}), also under the mapper's settings for enum keys. Such failures are Jackson's {@code MismatchedInputException} naming the
 * component ({@code ConsentChange.granted is missing or null; it must be true or false}, {@code
 * Transaction.direction must be one of [DEBIT, CREDIT], not 0}) and quoting a number or an unknown
 * constant's name, never other text. A mapper that writes numbers as strings ({@code
 * JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS}) therefore writes clm's whole numbers in a form that
 * is not read back; leave that feature off on a mapper that writes clm's types. Lifecycle models
 * are code, not data, and are not serialised.
 */
@AutoService(Module.class)
@SuppressWarnings("exports")
@Experimental
public final class ClmJacksonModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Creates the module. */
  public ClmJacksonModule() {
    super("clm", Version.unknownVersion());
    addSerializer(CustomerId.class, new ClmValues.Text<>(CustomerId.class, CustomerId::value));
    addDeserializer(CustomerId.class, ClmValues.TextReader.personal(CustomerId.class, CustomerId::new));
    addSerializer(Money.class, new MoneySerializer());
    addDeserializer(Money.class, new MoneyDeserializer());
    registerSealed(Event.class);
    registerSealed(Cause.class);
    registerSealed(ActionType.class);
  }

  /**
   * What is wrong with JSON that could not be read, fit for an error message or a log: for bytes
   * that are not well-formed JSON, where reading stopped, never the parser's own message, which
   * quotes the text there (a customer id, a complaint's content); for any other failure its message
   * (Jackson's own without the location it appends).
   *
   * @param e the failure of reading, or of a deserializer that wrapped the parser's
   * @return the description
   */
  public static String describeUnreadable(Exception e) {
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

  /**
   * Registers the serialisers, the sealed hierarchies and, as the mapper's last annotation
   * introspector (so that annotations the application writes still win), the formats of JDK types
   * inside clm's types, the writers and readers of map keys that are clm's enum constants, the
   * check of repeated properties and the naming of components a record refuses as missing.
   *
   * @param context the mapper's set-up context
   */
  @Override
  public void setupModule(SetupContext context) {
    super.setupModule(context);
    context.appendAnnotationIntrospector(new ClmValues.Introspector());
    context.addKeySerializers(new EnumKeys.Writers());
    context.addKeyDeserializers(new EnumKeys.Readers());
    context.addBeanSerializerModifier(new RecordComponentsOnly());
    context.addBeanDeserializerModifier(new RepeatedProperties());
    context.addValueInstantiators(new RequiredComponents());
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
   * Writes a clm record's components and nothing else, so that derived accessors such as {@code
   * Assignment.isClassified()} never appear in JSON and every document reads back through the
   * canonical constructor. Other types, the application's records among them, are left as they are.
   */
  private static final class RecordComponentsOnly extends BeanSerializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public List<BeanPropertyWriter> changeProperties(
        SerializationConfig config, BeanDescription description, List<BeanPropertyWriter> properties) {
      Class<?> type = description.getBeanClass();
      if (!type.isRecord() || !ClmValues.isClmType(type)) {
        return properties;
      }
      Set<String> components = new HashSet<>();
      for (RecordComponent component : type.getRecordComponents()) {
        components.add(component.getName());
      }
      List<BeanPropertyWriter> kept = new ArrayList<>();
      for (BeanPropertyWriter property : properties) {
        // the member's own name, not the property's: a naming strategy may rename the property
        if (property.getMember() != null && components.contains(property.getMember().getName())) {
          kept.add(property);
        }
      }
      return kept;
    }
  }

  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
  private abstract static class TypedMixin {}

  private static final class MoneySerializer extends JsonSerializer<Money> {
    @Override
    public void serialize(Money value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeStartObject();
      gen.writeStringField("amount", value.amount().toPlainString());
      gen.writeStringField("currency", value.currency().getCurrencyCode());
      gen.writeEndObject();
    }
  }

  /**
   * Reads {@code amount} and {@code currency} from the token stream, never through a tree: a tree
   * holds a JSON number as a double unless the mapper is told otherwise, which would round an
   * amount such as {@code 12345678901234567.89} or {@code 1.0000000000000001} silently. A number
   * is read from its own digits with the same rules as a string amount ({@link Money#of}). A
   * property given twice is refused rather than the last one winning. The names are read in any
   * case where a record's would be.
   */
  private static final class MoneyDeserializer extends JsonDeserializer<Money> {
    @Override
    public Money deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken token = p.currentToken();
      if (token == JsonToken.START_OBJECT) {
        token = p.nextToken();
      }
      String amount = null;
      String currency = null;
      boolean anyCase = anyCase(ctxt);
      for (; token == JsonToken.FIELD_NAME; token = p.nextToken()) {
        String given = p.currentName();
        String name = anyCase ? given.toLowerCase(Locale.ROOT) : given;
        JsonToken value = p.nextToken();
        if (("amount".equals(name) && amount != null) || ("currency".equals(name) && currency != null)) {
          return ctxt.reportInputMismatch(Money.class, "Money has \"%s\" twice", name);
        }
        if ("amount".equals(name)
            && (value == JsonToken.VALUE_STRING || value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT)) {
          amount = p.getText();
        } else if ("currency".equals(name) && value == JsonToken.VALUE_STRING) {
          currency = p.getText();
        } else if ("amount".equals(name) || "currency".equals(name)) {
          return skippingTheRest((Money) ctxt.handleUnexpectedToken(Money.class, p), p);
        } else {
          ctxt.handleUnknownProperty(p, this, Money.class, given);
        }
      }
      if (token != JsonToken.END_OBJECT || amount == null || currency == null) {
        return (Money) ctxt.handleUnexpectedToken(Money.class, p);
      }
      try {
        return Money.of(amount, currency);
      } catch (ClmException e) {
        throw JsonMappingException.from(p, e.getMessage(), e);
      }
    }

    /**
     * The amount the application's {@code DeserializationProblemHandler} gave for a bad amount or
     * currency, after the rest of the object, unread, so that reading goes on after it.
     */
    private static Money skippingTheRest(Money answer, JsonParser p) throws IOException {
      p.skipChildren();
      for (JsonToken token = p.nextToken(); token == JsonToken.FIELD_NAME; token = p.nextToken()) {
        p.nextToken();
        p.skipChildren();
      }
      return answer;
    }

    /** Whether names are read in any case, as a record's would be: for every type or for money alone. */
    private static boolean anyCase(DeserializationContext ctxt) {
      Boolean forMoney =
          ctxt.getConfig().getDefaultPropertyFormat(Money.class).getFeature(JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES);
      return forMoney != null ? forMoney : ctxt.isEnabled(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES);
    }
  }
}
