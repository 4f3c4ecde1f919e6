package io.clm.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Reals in the JSON form of a record: numbers when finite, three fixed strings when not. */
class JsonRecordRealsTest {
  private static final JsonFactory JSON = new JsonFactory();

  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private static String write(double... values) throws IOException {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(text)) {
      out.writeStartObject();
      JsonRecordWriter w = new JsonRecordWriter(out);
      for (int i = 0; i < values.length; i++) {
        w.real("v" + i, values[i]);
      }
      out.writeEndObject();
    }
    return text.toString();
  }

  private static JsonRecordReader reader(String json) throws IOException {
    JsonParser in = JSON.createParser(json);
    JsonRecordReader r = new JsonRecordReader(in, Refused::new);
    r.next();
    return r;
  }

  @Test
  void nonFiniteRealsAreTheStringsNanAndInfinityAndReadBackAsThemselves() throws IOException {
    String json = write(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.5, 3);
    assertThat(json)
        .isEqualTo("{\"v0\":\"NaN\",\"v1\":\"Infinity\",\"v2\":\"-Infinity\",\"v3\":-0.5,\"v4\":3.0}");
    JsonRecordReader r = reader(json);
    assertThat(r.real("v0")).isNaN();
    assertThat(r.real("v1")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(r.real("v2")).isEqualTo(Double.NEGATIVE_INFINITY);
    assertThat(r.real("v3")).isEqualTo(-0.5);
    assertThat(r.real("v4")).isEqualTo(3.0);
  }

  @Test
  void anyOtherStringOrTypeIsNotANumber() throws IOException {
    for (String value : new String[] {"\"nan\"", "\"inf\"", "\"1.5\"", "\"\"", "true", "null", "[]"}) {
      JsonRecordReader r = reader("{\"v\":" + value + "}");
      assertThatThrownBy(() -> r.real("v"))
          .as(value)
          .isExactlyInstanceOf(Refused.class)
          .hasMessage("field 'v' is not a number");
    }
  }
}
