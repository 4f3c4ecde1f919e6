package io.clm.cli;

import io.clm.retention.FittedModel;
import io.clm.retention.GammaGamma;
import io.clm.retention.ParameterEstimate;
import io.clm.retention.TransactionModel;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * {@code clm clv --html}: one self-contained page with inline SVG charts (no script, no external
 * resource): the cumulative tracking of repeat transactions over calibration and hold-out, actual
 * against each model; the conditional expectations of the hold-out by calibration frequency; the
 * P(alive) histogram of the model of lowest AIC; and the parameter table.
 */
final class ClvHtml {

  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
  private static final int WIDTH = 720;
  private static final int HEIGHT = 320;
  private static final int LEFT = 60;
  private static final int BOTTOM = 40;
  private static final int TOP = 20;
  private static final int RIGHT = 150;

  private ClvHtml() {}

  static String render(
      ClvAnalysis analysis, List<ClvCommand.Fit> fits, ClvCommand.Fit best, FittedModel<GammaGamma> spend,
      LocalDate calibrationEnd, LocalDate holdoutEnd, int periodDays) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>clm clv</title>\n")
        .append("<style>body{font-family:sans-serif;max-width:900px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ddd;text-align:right}")
        .append("th:first-child,td:first-child{text-align:left}svg text{font-size:12px}</style></head><body>\n");
    h.append("<h1>Customer-base analysis</h1>\n<p>")
        .append(analysis.customers()).append(" customers; calibration to ").append(calibrationEnd)
        .append(", hold-out to ").append(holdoutEnd).append("; time unit ").append(periodDays).append(" days.</p>\n");

    h.append("<h2>Models</h2>\n<table><tr><th>model</th><th>log-likelihood</th><th>AIC</th><th>parameters (± standard error)</th></tr>\n");
    for (ClvCommand.Fit f : fits) {
      h.append("<tr><td>").append(f.name()).append(f == best ? " (lowest AIC)" : "").append("</td>");
      if (f.fitted() == null) {
        h.append("<td colspan=\"3\">not fitted: ").append(escape(f.failure())).append("</td></tr>\n");
      } else {
        h.append(String.format(Locale.ROOT, "<td>%.2f</td><td>%.2f</td><td>%s</td></tr>\n",
            f.fitted().logLikelihood(), f.fitted().aic(), parameters(f.fitted().parameters())));
      }
    }
    if (spend != null) {
      h.append(String.format(Locale.ROOT, "<tr><td>Gamma-Gamma</td><td>%.2f</td><td>%.2f</td><td>%s</td></tr>\n",
          spend.logLikelihood(), spend.aic(), parameters(spend.parameters())));
    }
    h.append("</table>\n");

    h.append("<h2>Tracking: cumulative repeat transactions</h2>\n");
    double[] actual = analysis.actualCumulative();
    double max = actual[actual.length - 1];
    double[][] series = new double[fits.size() + 1][];
    String[] names = new String[fits.size() + 1];
    series[0] = actual;
    names[0] = "actual";
    int k = 1;
    for (ClvCommand.Fit f : fits) {
      if (f.fitted() != null) {
        series[k] = analysis.predictedCumulative(f.fitted().model());
        names[k] = f.name();
        max = Math.max(max, series[k][series[k].length - 1]);
        k++;
      }
    }
    h.append(lineChart(series, names, k, max, analysis.calibrationPeriods(), "period"));
    h.append("<p>The dashed line marks the end of calibration; to its right the models forecast.</p>\n");

    h.append("<h2>Hold-out: transactions per customer by calibration frequency</h2>\n");
    double[][] bars = new double[k][ClvAnalysis.BINS + 1];
    for (int b = 0; b <= ClvAnalysis.BINS; b++) {
      bars[0][b] = analysis.actualMean(b);
      int j = 1;
      for (ClvCommand.Fit f : fits) {
        if (f.fitted() != null) {
          bars[j++][b] = analysis.predictedMean(f.fitted().model(), b);
        }
      }
    }
    h.append(barChart(bars, names, k));

    if (best != null) {
      h.append("<h2>P(alive) at the end of calibration (").append(best.name()).append(")</h2>\n");
      h.append(histogram(analysis.probabilitiesAlive(best.fitted().model())));
    }
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String parameters(List<ParameterEstimate> estimates) {
    StringBuilder s = new StringBuilder();
    for (ParameterEstimate e : estimates) {
      s.append(s.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%s %.4g ± %.2g", e.name(), e.value(), e.standardError()));
    }
    return s.toString();
  }

  private static String lineChart(double[][] series, String[] names, int count, double max, int marker, String xLabel) {
    int n = series[0].length;
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder s = svgStart();
    axes(s, max, n, xLabel);
    double mx = LEFT + plotW * marker / n;
    s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#888\" stroke-dasharray=\"4 4\"/>\n", mx, TOP, mx, HEIGHT - BOTTOM));
    for (int j = 0; j < count; j++) {
      StringBuilder points = new StringBuilder();
      for (int i = 0; i < n; i++) {
        double x = LEFT + plotW * (i + 1) / n;
        double y = HEIGHT - BOTTOM - plotH * series[j][i] / max;
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      s.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"%s\" points=\"%s\"/>\n",
          COLOURS[j % COLOURS.length], j == 0 ? "2.5" : "1.5", points.toString().trim()));
      legend(s, j, names[j]);
    }
    return s.append("</svg>\n").toString();
  }

  private static String barChart(double[][] bars, String[] names, int count) {
    int bins = bars[0].length;
    double max = 0;
    for (int j = 0; j < count; j++) {
      for (double v : bars[j]) {
        max = Math.max(max, v);
      }
    }
    max = max > 0 ? max : 1;
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder s = svgStart();
    axes(s, max, 0, "transactions in calibration (x)");
    double group = plotW / bins;
    double bar = group * 0.8 / count;
    for (int b = 0; b < bins; b++) {
      double gx = LEFT + group * b + group * 0.1;
      for (int j = 0; j < count; j++) {
        double height = plotH * bars[j][b] / max;
        s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n",
            gx + bar * j, HEIGHT - BOTTOM - height, bar, height, COLOURS[j % COLOURS.length]));
      }
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
          gx + group * 0.4, HEIGHT - BOTTOM + 15, b == bins - 1 ? b + "+" : String.valueOf(b)));
    }
    for (int j = 0; j < count; j++) {
      legend(s, j, names[j]);
    }
    return s.append("</svg>\n").toString();
  }

  private static String histogram(double[] values) {
    int[] counts = new int[10];
    for (double v : values) {
      counts[Math.min(9, (int) (v * 10))]++;
    }
    int max = 1;
    for (int c : counts) {
      max = Math.max(max, c);
    }
    double plotW = WIDTH - LEFT - RIGHT;
    double plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder s = svgStart();
    axes(s, max, 0, "P(alive)");
    for (int b = 0; b < 10; b++) {
      double height = plotH * counts[b] / max;
      double x = LEFT + plotW * b / 10;
      s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%d customers</title></rect>\n",
          x + 1, HEIGHT - BOTTOM - height, plotW / 10 - 2, height, COLOURS[0], counts[b]));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f</text>\n", x, HEIGHT - BOTTOM + 15, b / 10.0));
    }
    return s.append("</svg>\n").toString();
  }

  private static StringBuilder svgStart() {
    return new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
  }

  private static void axes(StringBuilder s, double max, int periods, String xLabel) {
    double plotH = HEIGHT - TOP - BOTTOM;
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>\n", LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#000\"/>\n", LEFT, TOP, LEFT, HEIGHT - BOTTOM));
    for (int i = 0; i <= 4; i++) {
      double y = HEIGHT - BOTTOM - plotH * i / 4;
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT - 5, y + 4, number(max * i / 4)));
    }
    if (periods > 0) {
      for (int i = 0; i <= 4; i++) {
        double x = LEFT + (WIDTH - LEFT - RIGHT) * i / 4.0;
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", x, HEIGHT - BOTTOM + 15, periods * i / 4));
      }
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", LEFT + (WIDTH - LEFT - RIGHT) / 2, HEIGHT - 5, escape(xLabel)));
  }

  private static void legend(StringBuilder s, int j, String name) {
    int y = TOP + 10 + 18 * j;
    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>\n",
        WIDTH - RIGHT + 15, y - 10, COLOURS[j % COLOURS.length], WIDTH - RIGHT + 32, y, escape(name)));
  }

  private static String number(double v) {
    return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
