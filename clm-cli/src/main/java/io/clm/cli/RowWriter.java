package io.clm.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import io.clm.api.event.Event;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** Writes events of one {@link RecordKind} in the format {@link RowReader} reads. */
abstract class RowWriter implements Closeable {
  final Writer out;
  final RecordKind kind;

  private RowWriter(Writer out, RecordKind kind) {
    this.out = out;
    this.kind = kind;
  }

  static RowWriter of(RowReader.Format format, Writer out, RecordKind kind) throws IOException {
    return format == RowReader.Format.CSV ? new Csv(out, kind) : new JsonLines(out, kind);
  }

  /** Writes one event, which must be of this writer's kind. */
  final void write(Event event) throws IOException {
    writeValues(kind.values(event));
  }

  abstract void writeValues(String[] values) throws IOException;

  @Override
  public void close() throws IOException {
    out.close();
  }

  /** CSV with a header; fields quoted only when they need it. */
  static final class Csv extends RowWriter {
    Csv(Writer out, RecordKind kind) throws IOException {
      super(out, kind);
      writeRecord(kind.fields());
    }

    @Override
    void writeValues(String[] values) throws IOException {
      writeRecord(java.util.Arrays.asList(values));
    }

    private void writeRecord(List<String> values) throws IOException {
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        String v = values.get(i);
        if (v != null) {
          out.write(quote(v));
        }
      }
      out.write('\n');
    }

    static String quote(String v) {
      boolean needs = v.isEmpty() ? false : v.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
      return needs ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
  }

  /** One JSON object per line; absent values are left out. */
  static final class JsonLines extends RowWriter {
    private static final JsonFactory JSON = new JsonFactory();
    private final JsonGenerator json;

    JsonLines(Writer out, RecordKind kind) throws IOException {
      super(out, kind);
      this.json = JSON.createGenerator(out);
      json.setRootValueSeparator(new SerializedString("\n"));
      json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    @Override
    void writeValues(String[] values) throws IOException {
      json.writeStartObject();
      for (int i = 0; i < values.length; i++) {
        if (values[i] != null) {
          json.writeStringField(kind.fields().get(i), values[i]);
        }
      }
      json.writeEndObject();
    }

    @Override
    public void close() throws IOException {
      json.flush();
      out.write('\n');
      super.close();
    }
  }
}
