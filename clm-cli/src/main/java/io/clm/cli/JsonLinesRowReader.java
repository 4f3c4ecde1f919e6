package io.clm.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import io.clm.api.DecimalText;
import java.io.IOException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads JSON Lines: one JSON object per physical line, keys as the field names of the {@link
 * RecordKind} (unknown keys are ignored, a key given twice is refused), values strings, numbers,
 * booleans or null. Blank lines are skipped and counted. Each line is parsed on its own, so that a
 * malformed line never affects the next one. Parse errors never quote the line's content.
 */
final class JsonLinesRowReader implements RowReader {
  private static final JsonFactory JSON = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(DecimalText.MAX_LENGTH)
          .maxNestingDepth(64).build())
      .build();

  private final LineSource lines;
  private final String file;
  private final RecordKind kind;
  private final Dialect dialect;
  private long blank;
  private long line;
  private final Set<String> unread = new TreeSet<>();

  JsonLinesRowReader(LineSource lines, String file, RecordKind kind, Dialect dialect) {
    this.lines = lines;
    this.file = file;
    this.kind = kind;
    this.dialect = dialect;
  }

  @Override
  public Set<String> unreadColumns() {
    return Collections.unmodifiableSet(unread);
  }

  @Override
  public Row next() throws IOException, BadRowException {
    String text;
    while (true) {
      try {
        text = lines.next();
      } catch (LineSource.BadLine e) {
        line = e.number();
        throw bad(BadRowException.ROW, e.getMessage());
      }
      if (text == null) {
        return null;
      }
      line = lines.lines();
      if (!text.isBlank()) {
        break;
      }
      blank++;
    }
    String[] values = new String[kind.fields().size()];
    boolean[] seen = new boolean[values.length];
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw bad(BadRowException.ROW, "is not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        int f = kind.fields().indexOf(name);
        if (f < 0) {
          RowReader.unread(unread, name);
        }
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
        if (seen[f]) {
          throw bad(name, "appears twice");
        }
        seen[f] = true;
        String v = value == JsonToken.VALUE_NULL ? null : p.getText();
        if (value == JsonToken.VALUE_NUMBER_FLOAT && kind.decimal(f)) {
          // A JSON number always has a decimal point, whatever the export's decimal separator.
          v = v.replace('.', dialect.decimalSeparator());
        }
        values[f] = v;
      }
      if (t != JsonToken.END_OBJECT) {
        throw bad(BadRowException.ROW, "is not a complete JSON object");
      }
      if (p.nextToken() != null) {
        throw bad(BadRowException.ROW, "has text after the JSON object");
      }
    } catch (JsonProcessingException e) {
      int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
      throw bad(BadRowException.ROW, "is not valid JSON" + (column > 0 ? " at column " + column : "") + ": " + describe(e));
    }
    return new Row(file, line, kind, values, dialect);
  }

  /**
   * Jackson's description of a syntax error without the input it quotes (which may be anyone's
   * data): the text up to its first quote or parenthesis, lowercase.
   */
  static String describe(JsonProcessingException e) {
    String message = String.valueOf(e.getOriginalMessage());
    int cut = message.length();
    for (String stop : new String[] {" (", "'", "\"", "\n", "\r"}) {
      int at = message.indexOf(stop);
      if (at > 0 && at < cut) {
        cut = at;
      }
    }
    message = message.substring(0, Math.min(cut, 100)).strip();
    if (message.isEmpty()) {
      return "malformed";
    }
    return Character.toLowerCase(message.charAt(0)) + message.substring(1);
  }

  private BadRowException bad(String field, String problem) {
    return new BadRowException(file, line, field, problem);
  }

  @Override
  public long lines() {
    return lines.lines();
  }

  @Override
  public long blankLines() {
    return blank;
  }

  @Override
  public long headerLines() {
    return 0;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
