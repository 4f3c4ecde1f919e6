package io.clm.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** Renders the results of one run as Markdown tables, with ratios to clm. */
final class Summary {

  private static final String INGEST = "lifecycle.IngestBenchmark.ingest";
  private static final String PARALLEL = "lifecycle.ParallelIngestBenchmark.ingest";
  private static final String ADVANCE = "lifecycle.AdvanceBenchmark.advance";

  private static final Pattern BREAKDOWN = Pattern.compile(
      "\\{\"class\":\"([^\"]+)\",\"bytesPerCustomer\":([0-9.]+)");

  private Summary() {}

  static String render(Collection<RunResult> runs, List<String> footprints) {
    StringBuilder out = new StringBuilder();
    Map<String, Double> bytes = new LinkedHashMap<>();
    Map<String, String> footprintPopulation = new LinkedHashMap<>();
    Map<String, Double> cpuRate = new LinkedHashMap<>();
    for (String f : footprints) {
      String implementation = field(f, "implementation");
      bytes.put(implementation, Double.parseDouble(field(f, "bytesPerCustomer")));
      footprintPopulation.put(implementation, field(f, "customers"));
      cpuRate.put(implementation, Double.parseDouble(field(f, "eventsPerCpuSecond")));
    }

    Map<String, RunResult> ingest = new LinkedHashMap<>();
    List<RunResult> parallel = new ArrayList<>();
    List<RunResult> advance = new ArrayList<>();
    List<RunResult> other = new ArrayList<>();
    for (RunResult run : runs) {
      String name = run.getParams().getBenchmark();
      if (name.endsWith(INGEST)) {
        ingest.put(
            run.getParams().getParam("implementation")
                + " @ " + run.getParams().getParam("customers")
                + " x " + run.getParams().getParam("eventsPerCustomer"),
            run);
      } else if (name.endsWith(PARALLEL)) {
        parallel.add(run);
      } else if (name.endsWith(ADVANCE)) {
        advance.add(run);
      } else {
        other.add(run);
      }
    }

    if (!ingest.isEmpty() || !parallel.isEmpty() || !bytes.isEmpty()) {
      out.append("## Ingest: clm and the state-machine libraries\n\n");
      out.append("| implementation | customers | events/customer | threads | events/s | ± (99.9 %) "
          + "| clm is faster by | allocated bytes/event | bytes/customer | uses more memory than clm by |\n");
      out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
      Map<String, Double> clmScore = new LinkedHashMap<>();
      for (RunResult run : ingest.values()) {
        if ("clm".equals(run.getParams().getParam("implementation"))) {
          clmScore.put(population(run.getParams()), run.getPrimaryResult().getScore());
        }
      }
      Double clmBytes = bytes.get("clm");
      for (RunResult run : ingest.values()) {
        String implementation = run.getParams().getParam("implementation");
        Result<?> r = run.getPrimaryResult();
        Double reference = clmScore.get(population(run.getParams()));
        Double b = bytes.get(implementation);
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | 1 | %s | %s | %s | %s | %s | %s |\n",
            implementation,
            run.getParams().getParam("customers"),
            run.getParams().getParam("eventsPerCustomer"),
            count(r.getScore()),
            count(r.getScoreError()),
            reference == null ? "" : ratio(reference / r.getScore()),
            allocation(run),
            b == null ? "" : String.format(Locale.ROOT, "%.0f", b)
                + (footprintPopulation.get(implementation).equals(run.getParams().getParam("customers"))
                    ? "" : " (" + footprintPopulation.get(implementation) + " customers)"),
            b == null || clmBytes == null ? "" : ratio(b / clmBytes)));
      }
      for (RunResult run : parallel) {
        Result<?> r = run.getPrimaryResult();
        Double single = clmScore.get(population(run.getParams()));
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %d | %s | %s | %s | %s | | |\n",
            "separate".equals(run.getParams().getParam("engines")) ? "clm, an engine per thread" : "clm",
            run.getParams().getParam("customers"),
            run.getParams().getParam("eventsPerCustomer"),
            run.getParams().getThreads(),
            count(r.getScore()),
            count(r.getScoreError()),
            single == null ? "" : ratio(single / r.getScore()) + " (vs. 1 thread)",
            allocation(run)));
      }
      if (ingest.isEmpty()) {
        for (Map.Entry<String, Double> e : bytes.entrySet()) {
          out.append(String.format(Locale.ROOT, "| %s | %s | | | | | | | %.0f | %s |\n",
              e.getKey(), footprintPopulation.get(e.getKey()), e.getValue(),
              clmBytes == null ? "" : ratio(e.getValue() / clmBytes)));
        }
      }
      out.append('\n');
    }

    if (!footprints.isEmpty()) {
      out.append("## One pass over the feed, in CPU time of the ingesting thread\n\n");
      out.append("| implementation | customers | events | events per CPU-second | clm is faster by |\n");
      out.append("|---|---:|---:|---:|---:|\n");
      Double clmRate = cpuRate.get("clm");
      for (String f : footprints) {
        String implementation = field(f, "implementation");
        double rate = cpuRate.get(implementation);
        out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |\n",
            implementation, field(f, "customers"), field(f, "events"), count(rate),
            clmRate == null ? "" : ratio(clmRate / rate)));
      }
      out.append('\n');
      out.append("## Heap per customer, by class (JOL, against an empty tracker)\n\n");
      for (String f : footprints) {
        out.append("- ").append(field(f, "implementation")).append(" (")
            .append(field(f, "breakdownCustomers")).append(" customers): ");
        Matcher m = BREAKDOWN.matcher(f);
        List<String> parts = new ArrayList<>();
        while (m.find() && parts.size() < 12) {
          parts.add(m.group(1) + " " + m.group(2));
        }
        out.append(String.join(", ", parts)).append('\n');
      }
      out.append('\n');
    }

    if (!advance.isEmpty()) {
      out.append("## Time-driven re-evaluation (advanceTo, 1 % of customers due)\n\n");
      out.append("| customers | ms per advanceTo | ± (99.9 %) | µs per due customer |\n");
      out.append("|---:|---:|---:|---:|\n");
      for (RunResult run : advance) {
        Result<?> r = run.getPrimaryResult();
        int customers = Integer.parseInt(run.getParams().getParam("customers"));
        double due = customers / 100.0;
        out.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f |\n",
            customers, r.getScore(), r.getScoreError(), r.getScore() * 1000 / due));
      }
      out.append('\n');
    }

    if (!other.isEmpty()) {
      out.append("## Other benchmarks\n\n");
      out.append("| benchmark | parameters | threads | score | ± (99.9 %) | unit |\n");
      out.append("|---|---|---:|---:|---:|---|\n");
      for (RunResult run : other) {
        BenchmarkParams p = run.getParams();
        StringBuilder params = new StringBuilder();
        for (String key : p.getParamsKeys()) {
          params.append(params.length() == 0 ? "" : ", ").append(key).append('=').append(p.getParam(key));
        }
        Result<?> r = run.getPrimaryResult();
        String name = p.getBenchmark().replace("io.clm.benchmarks.", "");
        out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %s |\n",
            name, params, p.getThreads(), r.getScore(), r.getScoreError(), r.getScoreUnit()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** JMH's GC profiler result, normalised per operation (here per event). */
  private static String allocation(RunResult run) {
    Result<?> r = run.getSecondaryResults().get("gc.alloc.rate.norm");
    return r == null ? "" : String.format(Locale.ROOT, "%.0f", r.getScore());
  }

  private static String population(BenchmarkParams p) {
    return p.getParam("customers") + "x" + p.getParam("eventsPerCustomer");
  }

  private static String count(double value) {
    return String.format(Locale.ROOT, "%,.0f", value);
  }

  private static String ratio(double value) {
    return String.format(Locale.ROOT, "%.2fx", value);
  }

  private static String field(String json, String name) {
    Matcher m = Pattern.compile("\"" + name + "\":\"?([^,\"}]+)").matcher(json);
    if (!m.find()) {
      throw new IllegalArgumentException("no " + name + " in footprint result " + json);
    }
    return m.group(1);
  }
}
