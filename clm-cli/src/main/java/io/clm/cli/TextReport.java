package io.clm.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The report as plain text for a terminal, 100 columns at most. */
final class TextReport {
  private TextReport() {}

  static void write(Report r, PrintStream out) {
    out.println(r.title());
    out.println("=".repeat(r.title().length()));
    r.source().forEach(s -> out.println("  " + s));
    out.printf(Locale.ROOT, "  model %s, currency %s, events from %s, report as of %s\n\n", r.modelId(), r.currency(),
        r.periodStart() == null ? "-" : r.periodStart().toString().substring(0, 10), r.asOf().toString().substring(0, 10));

    heading(out, "Input");
    out.printf(Locale.ROOT, "  %-28s %12s %12s %12s %12s\n", "source", "read", "accepted", "duplicates", "rejected");
    for (Report.InputCount c : r.input()) {
      out.printf(Locale.ROOT, "  %-28s %,12d %,12d %,12d %,12d\n", c.name(), c.read(), c.accepted(), c.duplicates(), c.rejected());
    }
    if (!r.rejections().isEmpty()) {
      out.println("  first rejected rows:");
      r.rejections().forEach(m -> out.println("    " + m));
    }
    out.println();

    heading(out, "Lifecycle stages (" + r.modelId() + ")");
    long total = r.customers();
    for (Report.StageCount s : r.stages()) {
      double share = total == 0 ? 0 : 100.0 * s.customers() / total;
      out.printf(Locale.ROOT, "  %-16s %-9s %,10d %6.1f%%  %s\n", s.id(), s.phase(), s.customers(), share, bar(share));
    }
    out.printf(Locale.ROOT, "  %-16s %-9s %,10d\n\n", "all", "", total);

    List<Report.StageCount> stages = r.stages();
    heading(out, r.flowStart() == null
        ? "Stage flow: customers by stage now (all new in the period)"
        : "Stage flow: stage on " + r.flowStart().toString().substring(0, 10) + " (rows) to stage now (columns)");
    matrix(out, stages, r.flow(), true);
    heading(out, "Stage changes over the run: from (rows) to (columns)");
    matrix(out, stages, r.transitions(), false);

    heading(out, "Segments");
    if (!r.segments().included()) {
      out.println("  " + r.segments().note());
    } else {
      for (Report.SegmentTable t : r.segments().data()) {
        out.println("  " + t.title() + " (" + t.schemeId() + ")");
        double value = t.value();
        long customers = t.customers();
        for (Report.Segment s : t.segments()) {
          out.printf(Locale.ROOT, "    %-24s %,10d customers %6.1f%%   value %6.1f%%\n", s.label(), s.customers(),
              pct(s.customers(), customers), value == 0 ? 0 : 100 * s.value() / value);
          if (!s.reasons().isEmpty()) {
            out.println("      why: " + s.why());
          }
        }
      }
    }
    out.println();

    heading(out, "Churn risk and retention");
    if (!r.risk().included()) {
      out.println("  " + r.risk().note());
    } else {
      Report.RiskReport risk = r.risk().data();
      out.println("  " + risk.method());
      for (Report.Band b : risk.distribution()) {
        out.printf(Locale.ROOT, "    %-12s %,10d\n", b.label(), b.customers());
      }
      out.println("  top at-risk high-value customers:");
      for (Report.AtRisk a : risk.atRisk()) {
        out.printf(Locale.ROOT, "    %-33s %-12s value %,12.2f  risk %.2f\n", a.maskedId(), a.stage(), a.value(), a.risk());
        out.println("      factors: " + String.join("; ", a.factors()));
        out.println("      actions: " + String.join("; ", a.actions()));
      }
    }
    out.println();

    heading(out, "Complaints");
    if (!r.complaints().included()) {
      out.println("  " + r.complaints().note());
    } else {
      out.println("  SLA policy: " + r.complaints().data().policy());
      double compliance = r.complaints().data().compliance();
      out.println(Double.isNaN(compliance) ? "  no ticket was resolved"
          : String.format(Locale.ROOT, "  SLA compliance: %.1f%% of resolved tickets resolved within the deadline", 100 * compliance));
      r.complaints().data().figures().forEach((k, v) -> out.printf(Locale.ROOT, "    %-48s %,10d\n", k, v));
    }
    out.println();

    heading(out, "Reconciliation");
    for (Report.Check c : r.checks()) {
      out.printf(Locale.ROOT, "  %-4s %-74s %,d%s\n", c.ok() ? "ok" : "FAIL", c.what(), c.actual(),
          c.ok() ? "" : " (expected " + String.format(Locale.ROOT, "%,d", c.expected()) + ")");
    }
    out.println(r.reconciles() ? "  all figures reconcile." : "  SOME FIGURES DO NOT RECONCILE.");
  }

  private static void matrix(PrintStream out, List<Report.StageCount> stages, long[][] m, boolean withNewRow) {
    StringBuilder header = new StringBuilder(String.format(Locale.ROOT, "  %-14s", ""));
    for (Report.StageCount s : stages) {
      header.append(String.format(Locale.ROOT, " %11s", abbreviate(s.id())));
    }
    header.append(String.format(Locale.ROOT, " %11s", "total"));
    out.println(header);
    for (int i = 0; i < m.length; i++) {
      String label = withNewRow ? (i == 0 ? Report.NEW : stages.get(i - 1).id()) : stages.get(i).id();
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-14s", abbreviate(label)));
      long sum = 0;
      for (long v : m[i]) {
        line.append(String.format(Locale.ROOT, " %,11d", v));
        sum += v;
      }
      line.append(String.format(Locale.ROOT, " %,11d", sum));
      out.println(line);
    }
    out.println();
  }

  private static String abbreviate(String s) {
    return s.length() <= 11 ? s : s.substring(0, 10) + ".";
  }

  private static void heading(PrintStream out, String text) {
    out.println(text);
    out.println("-".repeat(text.length()));
  }

  private static String bar(double percent) {
    return "#".repeat((int) Math.round(percent / 2));
  }

  private static double pct(long part, long whole) {
    return whole == 0 ? 0 : 100.0 * part / whole;
  }
}
