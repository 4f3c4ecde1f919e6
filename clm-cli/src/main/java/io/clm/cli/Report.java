package io.clm.cli;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Everything a run found, ready to render as text, JSON or HTML. Plain data: no computation
 * happens in the renderers, so all three show the same figures.
 *
 * @param title what was analysed, one line
 * @param source how the data was produced or where it came from, one line per item
 * @param modelId the lifecycle model
 * @param currency the currency of all amounts
 * @param periodStart the earliest event
 * @param flowStart the instant the stage flow starts from, or null if every customer is new
 * @param asOf the instant the report describes
 * @param input rows or events read, accepted, duplicated and rejected, per source
 * @param rejections the first rejected rows' messages (at most {@link #MAX_REJECTIONS_SHOWN})
 * @param stages the model's stages in order, with their counts now
 * @param transitions stage changes over the run, from stage to stage, in model order
 * @param flow customers by stage at {@code flowStart} (first row: customers new since) and stage now
 * @param segments the segmentation section
 * @param risk the risk and retention section
 * @param complaints the complaint section
 * @param checks the reconciliation: every figure checked against the input counts
 */
record Report(
    String title,
    List<String> source,
    String modelId,
    String currency,
    Instant periodStart,
    Instant flowStart,
    Instant asOf,
    List<InputCount> input,
    List<String> rejections,
    List<StageCount> stages,
    long[][] transitions,
    long[][] flow,
    Section<List<SegmentTable>> segments,
    Section<RiskReport> risk,
    Section<ComplaintReport> complaints,
    List<Check> checks) {

  static final int MAX_REJECTIONS_SHOWN = 20;
  static final String NEW = "(new)";

  Report {
    source = List.copyOf(source);
    input = List.copyOf(input);
    rejections = List.copyOf(rejections);
    stages = List.copyOf(stages);
    checks = List.copyOf(checks);
  }

  long customers() {
    return stages.stream().mapToLong(StageCount::customers).sum();
  }

  boolean reconciles() {
    return checks.stream().allMatch(Check::ok);
  }

  /** A source of events and what became of them: read = accepted + duplicates + rejected. */
  record InputCount(String name, long read, long accepted, long duplicates, long rejected) {}

  /** A stage and the customers in it now. */
  record StageCount(String id, String family, String phase, long customers) {}

  /** One reconciliation check: two ways of counting the same thing. */
  record Check(String what, long expected, long actual) {
    boolean ok() {
      return expected == actual;
    }
  }

  /**
   * A report section that a module provides; when the module is not available the section says so
   * and shows no figures.
   */
  record Section<T>(T data, String note) {
    static <T> Section<T> of(T data) {
      return new Section<>(Objects.requireNonNull(data), null);
    }

    static <T> Section<T> notIncluded(String why) {
      return new Section<>(null, why);
    }

    boolean included() {
      return data != null;
    }
  }

  /**
   * A segmentation scheme's result over the portfolio.
   *
   * @param schemeId the scheme
   * @param title a heading
   * @param rows for a matrix, the row labels (top to bottom); empty for a list
   * @param columns for a matrix, the column labels (left to right); empty for a list
   * @param segments every segment with its cell position (or -1 for a list) and figures
   */
  record SegmentTable(String schemeId, String title, List<String> rows, List<String> columns, List<Segment> segments) {
    SegmentTable {
      rows = List.copyOf(rows);
      columns = List.copyOf(columns);
      segments = List.copyOf(segments);
    }

    boolean isMatrix() {
      return !rows.isEmpty();
    }

    long customers() {
      return segments.stream().mapToLong(Segment::customers).sum();
    }

    double value() {
      return segments.stream().mapToDouble(Segment::value).sum();
    }
  }

  /**
   * A segment: its customers and their total value (in the report's currency); for the
   * unclassified, why, as the most frequent reasons with their counts.
   */
  record Segment(String id, String label, int row, int column, long customers, double value, List<Reason> reasons) {
    Segment {
      reasons = List.copyOf(reasons);
    }

    /** The reasons as one line, "reason (customers)" each; empty when there are none. */
    String why() {
      return reasons.stream().map(Reason::toString).collect(Collectors.joining("; "));
    }
  }

  /** Why some customers are unclassified, and how many. */
  record Reason(String reason, long customers) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%s (%,d)", reason, customers);
    }
  }

  /**
   * Early warning over the portfolio.
   *
   * @param method how the risk score is computed, one line
   * @param distribution customers per risk band, lowest risk first
   * @param atRisk the highest value × risk customers, highest first
   */
  record RiskReport(String method, List<Band> distribution, List<AtRisk> atRisk) {
    RiskReport {
      distribution = List.copyOf(distribution);
      atRisk = List.copyOf(atRisk);
    }
  }

  /** A band of the risk distribution. */
  record Band(String label, long customers) {}

  /** A customer to act on: masked id, never the real one. */
  record AtRisk(String maskedId, String stage, double value, double risk, List<String> factors, List<String> actions) {
    AtRisk {
      factors = List.copyOf(factors);
      actions = List.copyOf(actions);
    }
  }

  /**
   * Complaints and their service levels.
   *
   * @param policy the SLA policy applied
   * @param figures labelled counts, in display order
   * @param compliance the share of resolved tickets resolved within their deadline, 0 to 1 (NaN if
   *     none was resolved)
   */
  record ComplaintReport(String policy, Map<String, Long> figures, double compliance) {
    ComplaintReport {
      figures = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(figures));
    }
  }
}
