package io.clm.core.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import io.clm.api.SnapshotException;
import io.clm.api.TextRules;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.function.Function;

/**
 * Reads the JSON form written by {@link JsonRecordWriter}, strictly: every field must come with
 * its name, in schema order, of its type; a missing, unknown or mistyped field is {@link #corrupt}.
 */
final class JsonRecordReader implements RecordReader {
  private final JsonParser in;
  private final Function<String, RuntimeException> failure;

  JsonRecordReader(JsonParser in, Function<String, RuntimeException> failure) {
    this.in = in;
    this.failure = failure;
  }

  /** The next token; parse errors become {@link SnapshotException}s by the caller's handler. */
  JsonToken next() {
    try {
      return in.nextToken();
    } catch (IOException e) {
      throw new Snapshots.Unreadable(e);
    }
  }

  /** Moves to the value of field {@code name}, which must be the next field. */
  JsonToken field(String name) {
    JsonToken t = next();
    if (t != JsonToken.FIELD_NAME) {
      throw corrupt("field '" + name + "' is missing");
    }
    String found = currentName();
    if (!found.equals(name)) {
      throw corrupt("field '" + name + "' is missing");
    }
    return next();
  }

  String currentName() {
    try {
      return in.currentName();
    } catch (IOException e) {
      throw new Snapshots.Unreadable(e);
    }
  }

  String textValue() {
    try {
      return in.getText();
    } catch (IOException e) {
      throw new Snapshots.Unreadable(e);
    }
  }

  @Override
  public long number(String name) {
    if (field(name) != JsonToken.VALUE_NUMBER_INT) {
      throw corrupt("field '" + name + "' is not a whole number");
    }
    try {
      return in.getLongValue();
    } catch (InputCoercionException e) {
      throw corrupt("field '" + name + "' is out of range");
    } catch (IOException e) {
      throw new Snapshots.Unreadable(e);
    }
  }

  @Override
  public double real(String name) {
    JsonToken t = field(name);
    try {
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        return in.getDoubleValue();
      }
    } catch (IOException e) {
      throw new Snapshots.Unreadable(e);
    }
    if (t == JsonToken.VALUE_STRING) {
      switch (textValue()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw corrupt("field '" + name + "' is not a number");
  }

  @Override
  public String text(String name) {
    if (field(name) != JsonToken.VALUE_STRING) {
      throw corrupt("field '" + name + "' is not a string");
    }
    return textValue();
  }

  @Override
  public BigDecimal decimal(String name) {
    String text = text(name);
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw corrupt("field '" + name + "' is not a decimal number");
    }
  }

  @Override
  public boolean flag(String name) {
    JsonToken t = field(name);
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw corrupt("field '" + name + "' is not true or false");
    }
    return t == JsonToken.VALUE_TRUE;
  }

  @Override
  public void list(String name) {
    if (field(name) != JsonToken.START_ARRAY) {
      throw corrupt("field '" + name + "' is not a list");
    }
  }

  @Override
  public boolean nextEntry() {
    JsonToken t = next();
    if (t == JsonToken.END_ARRAY) {
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      throw corrupt("a list entry is not an object");
    }
    return true;
  }

  @Override
  public void endEntry() {
    end();
  }

  /** Expects the end of the current object: anything else is an unknown field. */
  void end() {
    JsonToken t = next();
    if (t == JsonToken.FIELD_NAME) {
      throw corrupt("field " + TextRules.excerpt(currentName()) + " is unknown");
    }
    if (t != JsonToken.END_OBJECT) {
      throw corrupt("an object does not end where it should");
    }
  }

  @Override
  public RuntimeException corrupt(String detail) {
    return failure.apply(detail);
  }
}
