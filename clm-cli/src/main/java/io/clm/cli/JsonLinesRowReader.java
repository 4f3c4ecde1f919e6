package io.clm.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedReader;
import java.io.IOException;

/**
 * Reads JSON Lines: one JSON object per line, keys as the field names of the {@link RecordKind}
 * (unknown keys are ignored), values strings, numbers, booleans or null. Blank lines are skipped.
 * Each line is parsed on its own, so that a malformed line never affects the next one.
 */
final class JsonLinesRowReader implements RowReader {
  private static final JsonFactory JSON = new JsonFactory();

  private final BufferedReader in;
  private final String file;
  private final RecordKind kind;
  private long line;

  JsonLinesRowReader(BufferedReader in, String file, RecordKind kind) {
    this.in = in;
    this.file = file;
    this.kind = kind;
  }

  @Override
  public Row next() throws IOException, BadRowException {
    String text;
    do {
      text = in.readLine();
      if (text == null) {
        return null;
      }
      line++;
    } while (text.isBlank());
    String[] values = new String[kind.fields().size()];
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw bad(BadRowException.ROW, "is not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        int f = kind.fields().indexOf(name);
        if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
          if (f >= 0) {
            throw bad(name, "is an object or array, not a single value");
          }
          p.skipChildren();
          continue;
        }
        if (f < 0) {
          continue;
        }
        if (values[f] != null) {
          throw bad(name, "appears twice");
        }
        values[f] = value == JsonToken.VALUE_NULL ? null : p.getText();
      }
      if (t != JsonToken.END_OBJECT) {
        throw bad(BadRowException.ROW, "is not a complete JSON object");
      }
      if (p.nextToken() != null) {
        throw bad(BadRowException.ROW, "has text after the JSON object");
      }
    } catch (JsonProcessingException e) {
      String message = e.getOriginalMessage();
      int cut = message.indexOf(" (");
      message = (cut > 0 ? message.substring(0, cut) : message).replace('\n', ' ');
      if (!message.isEmpty()) {
        message = Character.toLowerCase(message.charAt(0)) + message.substring(1);
      }
      int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      throw bad(BadRowException.ROW, "is not valid JSON" + (column > 0 ? " at column " + column : "") + ": " + message);
    }
    return new Row(file, line, kind, values);
  }

  private BadRowException bad(String field, String problem) {
    return new BadRowException(file, line, field, problem);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
