package io.clm.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** The report as one JSON document (schema in docs/cli.md). */
final class JsonReport {
  static final int FORMAT_VERSION = 1;

  private JsonReport() {}

  static void write(Report r, OutputStream out) throws IOException {
    JsonGenerator g = new JsonFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    // Lines end with a line feed on every platform, as in the text report.
    g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
    g.writeStartObject();
    g.writeNumberField("formatVersion", FORMAT_VERSION);
    g.writeStringField("title", r.title());
    strings(g, "source", r.source());
    g.writeStringField("model", r.modelId());
    g.writeStringField("currency", r.currency());
    instant(g, "periodStart", r.periodStart());
    instant(g, "flowStart", r.flowStart());
    instant(g, "asOf", r.asOf());
    g.writeNumberField("customers", r.customers());
    g.writeArrayFieldStart("input");
    for (Report.InputCount c : r.input()) {
      g.writeStartObject();
      g.writeStringField("name", c.name());
      g.writeNumberField("read", c.read());
      g.writeNumberField("accepted", c.accepted());
      g.writeNumberField("duplicates", c.duplicates());
      g.writeNumberField("rejected", c.rejected());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "rejections", r.rejections());
    g.writeArrayFieldStart("stages");
    for (Report.StageCount s : r.stages()) {
      g.writeStartObject();
      g.writeStringField("id", s.id());
      g.writeStringField("family", s.family());
      g.writeStringField("phase", s.phase());
      g.writeNumberField("customers", s.customers());
      g.writeEndObject();
    }
    g.writeEndArray();
    matrix(g, "flow", r.flow());
    matrix(g, "transitions", r.transitions());

    g.writeObjectFieldStart("segments");
    note(g, r.segments());
    if (r.segments().included()) {
      g.writeArrayFieldStart("schemes");
      for (Report.SegmentTable t : r.segments().data()) {
        g.writeStartObject();
        g.writeStringField("scheme", t.schemeId());
        g.writeStringField("title", t.title());
        strings(g, "rows", t.rows());
        strings(g, "columns", t.columns());
        g.writeArrayFieldStart("segments");
        double value = t.value();
        for (Report.Segment s : t.segments()) {
          g.writeStartObject();
          g.writeStringField("id", s.id());
          g.writeStringField("label", s.label());
          if (t.isMatrix()) {
            g.writeNumberField("row", s.row());
            g.writeNumberField("column", s.column());
          }
          g.writeNumberField("customers", s.customers());
          g.writeNumberField("value", round(s.value()));
          g.writeNumberField("valueShare", value == 0 ? 0 : round(s.value() / value));
          counts(g, "reasons", "reason", s.reasons(), Report.Reason::reason, Report.Reason::customers);
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();

    g.writeObjectFieldStart("risk");
    note(g, r.risk());
    if (r.risk().included()) {
      Report.RiskReport risk = r.risk().data();
      g.writeStringField("method", risk.method());
      counts(g, "distribution", "band", risk.distribution(), Report.Band::label, Report.Band::customers);
      g.writeArrayFieldStart("atRisk");
      for (Report.AtRisk a : risk.atRisk()) {
        g.writeStartObject();
        g.writeStringField("customer", a.maskedId());
        g.writeStringField("stage", a.stage());
        g.writeNumberField("value", round(a.value()));
        g.writeNumberField("risk", round(a.risk()));
        strings(g, "factors", a.factors());
        strings(g, "actions", a.actions());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();

    g.writeObjectFieldStart("complaints");
    note(g, r.complaints());
    if (r.complaints().included()) {
      g.writeStringField("policy", r.complaints().data().policy());
      double compliance = r.complaints().data().compliance();
      if (Double.isNaN(compliance)) {
        g.writeNullField("compliance");
      } else {
        g.writeNumberField("compliance", round(compliance));
      }
      g.writeObjectFieldStart("figures");
      for (Map.Entry<String, Long> e : r.complaints().data().figures().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }
    g.writeEndObject();

    g.writeArrayFieldStart("reconciliation");
    for (Report.Check c : r.checks()) {
      g.writeStartObject();
      g.writeStringField("check", c.what());
      g.writeNumberField("expected", c.expected());
      g.writeNumberField("actual", c.actual());
      g.writeBooleanField("ok", c.ok());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeBooleanField("reconciles", r.reconciles());
    g.writeEndObject();
    g.flush();
    out.write('\n');
    out.flush();
  }

  private static void note(JsonGenerator g, Report.Section<?> section) throws IOException {
    g.writeBooleanField("included", section.included());
    if (section.note() != null) {
      g.writeStringField("note", section.note());
    }
  }

  /** The figure rounded to four decimals, whatever its size; 0 for a figure that is not finite. */
  private static double round(double v) {
    return Double.isFinite(v) ? BigDecimal.valueOf(v).setScale(4, RoundingMode.HALF_UP).doubleValue() : 0;
  }

  private static void instant(JsonGenerator g, String name, Instant at) throws IOException {
    if (at == null) {
      g.writeNullField(name);
    } else {
      g.writeStringField(name, at.toString());
    }
  }

  /** An array of objects, each a label under {@code labelField} and a number of customers. */
  private static <T> void counts(JsonGenerator g, String name, String labelField, List<T> rows, Function<T, String> label,
      ToLongFunction<T> customers) throws IOException {
    g.writeArrayFieldStart(name);
    for (T row : rows) {
      g.writeStartObject();
      g.writeStringField(labelField, label.apply(row));
      g.writeNumberField("customers", customers.applyAsLong(row));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void matrix(JsonGenerator g, String name, long[][] m) throws IOException {
    g.writeArrayFieldStart(name);
    for (long[] row : m) {
      g.writeArray(row, 0, row.length);
    }
    g.writeEndArray();
  }
}
