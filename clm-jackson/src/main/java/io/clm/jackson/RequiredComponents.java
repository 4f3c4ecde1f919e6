package io.clm.jackson;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.deser.impl.PropertyValueBuffer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Names the component a clm record's constructor refused as null. Jackson reports the constructor's
 * {@link NullPointerException} as a {@link ValueInstantiationException} with the exception's
 * message, which is the component's name in code ({@code customer}), another word ({@code event
 * id}), or, for a list, set or map that the constructor copies, the JDK's words about its own
 * variable ({@code Cannot invoke "java.util.Map.entrySet()" because "map" is null}). Here the
 * failure is a {@link MismatchedInputException} naming the record and the component as the
 * document spells it ({@code Complaint.deadlines is missing or null}, {@code Complaint.audit holds
 * a null}), with the constructor's exception as its cause. A component the record takes as null
 * is still read as null; any other failure of the constructor is left as it is.
 */
final class RequiredComponents extends ValueInstantiators.Base {

  @Override
  public ValueInstantiator findValueInstantiator(
      DeserializationConfig config, BeanDescription description, ValueInstantiator instantiator) {
    Class<?> type = description.getBeanClass();
    return type.isRecord() && ClmValues.isClmType(type) && instantiator.canCreateFromObjectWith()
        ? new Naming(instantiator)
        : instantiator;
  }

  /** A record's instantiator whose failures on a null name the component. */
  private static final class Naming extends ValueInstantiator.Delegating {
    private static final long serialVersionUID = 1L;

    Naming(ValueInstantiator delegate) {
      super(delegate);
    }

    @Override
    public ValueInstantiator createContextual(DeserializationContext ctxt, BeanDescription description)
        throws JsonMappingException {
      return new Naming(delegate().createContextual(ctxt, description));
    }

    @Override
    public Object createFromObjectWith(DeserializationContext ctxt, SettableBeanProperty[] properties, PropertyValueBuffer buffer)
        throws IOException {
      return createFromObjectWith(ctxt, buffer.getParameters(properties));
    }

    @Override
    public Object createFromObjectWith(DeserializationContext ctxt, Object[] args) throws IOException {
      try {
        return delegate().createFromObjectWith(ctxt, args);
      } catch (ValueInstantiationException e) {
        if (!(e.getCause() instanceof NullPointerException npe)) {
          throw e;
        }
        String problem = problem(ctxt.getConfig(), args, npe.getMessage());
        if (problem == null) {
          throw e;
        }
        MismatchedInputException named = MismatchedInputException.from(ctxt.getParser(), getValueClass(), problem);
        named.initCause(npe);
        throw named;
      }
    }

    /** The component the constructor refused, or null if no argument explains the exception. */
    private String problem(DeserializationConfig config, Object[] args, String message) {
      SettableBeanProperty[] properties = getFromObjectArguments(config);
      RecordComponent[] components = getValueClass().getRecordComponents();
      if (components.length != args.length) {
        return null; // a creator of the application's (a mix-in's) rather than the canonical constructor
      }
      List<String> missing = new ArrayList<>();
      String holding = null;
      for (int i = 0; i < args.length; i++) {
        String property = getValueClass().getSimpleName() + "." + properties[i].getName();
        String name = components[i].getName();
        if (args[i] == null && (name.equals(message) || (message != null && message.contains("\"" + name + "\"")))) {
          return property + " is missing or null";
        } else if (args[i] == null) {
          missing.add(property);
        } else if (holding == null && holdsNull(args[i])) {
          holding = property + " holds a null";
        }
      }
      return missing.isEmpty() ? holding : String.join(" or ", missing) + " is missing or null";
    }

    private static boolean holdsNull(Object value) {
      Collection<?> elements = value instanceof Map<?, ?> map ? map.values() : value instanceof Collection<?> c ? c : List.of();
      for (Object element : elements) {
        if (element == null) {
          return true;
        }
      }
      return false;
    }
  }
}
