package io.clm.core.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * The JSON form of a record, for snapshots: the same fields as the binary form, with their names.
 * Decimals are strings (their scale survives), non-finite reals the strings {@code NaN}, {@code
 * Infinity}, {@code -Infinity}.
 */
final class JsonRecordWriter implements RecordWriter {
  private final JsonGenerator out;

  JsonRecordWriter(JsonGenerator out) {
    this.out = out;
  }

  private interface Write {
    void run() throws IOException;
  }

  private static void io(Write w) {
    try {
      w.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void number(String name, long value) {
    io(() -> out.writeNumberField(name, value));
  }

  @Override
  public void real(String name, double value) {
    io(() -> {
      if (Double.isFinite(value)) {
        out.writeNumberField(name, value);
      } else {
        out.writeStringField(name, Double.toString(value));
      }
    });
  }

  @Override
  public void text(String name, String value) {
    io(() -> out.writeStringField(name, value));
  }

  @Override
  public void decimal(String name, BigDecimal value) {
    io(() -> out.writeStringField(name, value.toString()));
  }

  @Override
  public void flag(String name, boolean value) {
    io(() -> out.writeBooleanField(name, value));
  }

  @Override
  public void list(String name, int size) {
    io(() -> out.writeArrayFieldStart(name));
  }

  @Override
  public void entry() {
    io(out::writeStartObject);
  }

  @Override
  public void endEntry() {
    io(out::writeEndObject);
  }

  @Override
  public void endList() {
    io(out::writeEndArray);
  }
}
