package io.clm.cli;

import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.CustomerIdMask;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginFailureException;
import io.clm.api.Plugins;
import io.clm.api.StageFamily;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Purpose;
import io.clm.api.event.Severity;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionPlan;
import io.clm.api.retention.RetentionStrategy;
import io.clm.api.retention.Risk;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.CheckedSegmenter;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.spi.PluginCalls;
import io.clm.complaints.BusinessCalendar;
import io.clm.retention.RiskScorer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Builds the report from a finished run: the stage figures from the pipeline, the segment matrices
 * from clm-segmentation, early warning and actions from clm-retention, and the complaint service
 * levels from clm-complaints. Value is profit contribution (supplied revenue minus cost to serve,
 * {@link Metric#PROFIT}, zero where not supplied), or transaction volume when no customer has
 * revenue and cost data.
 */
final class Sections {
  static final String DEFAULT_WORKFLOW = "standard";
  private static final int RISK_BANDS = 10;

  private Sections() {}

  static Report report(
      String title,
      List<String> source,
      RunOptions options,
      LifecycleEngine engine,
      Pipeline pipeline,
      Pipeline.Outcome outcome,
      List<Report.InputCount> input,
      List<String> rejections,
      Instant asOf,
      ComplaintLog complaints) {
    return report(title, source, options, engine, pipeline, outcome, input, List.of(), rejections, asOf, complaints);
  }

  /** The report, with checks of the input that only the readers can make (physical line counts). */
  static Report report(
      String title,
      List<String> source,
      RunOptions options,
      LifecycleEngine engine,
      Pipeline pipeline,
      Pipeline.Outcome outcome,
      List<Report.InputCount> input,
      List<Report.Check> inputChecks,
      List<String> rejections,
      Instant asOf,
      ComplaintLog complaints) {
    long started = System.nanoTime();
    List<Report.Check> checks = new ArrayList<>(inputChecks);
    for (Report.InputCount c : input) {
      checks.add(new Report.Check(
          c.name() + ": read = accepted + duplicates + rejected", c.read(), c.accepted() + c.duplicates() + c.rejected()));
    }
    long accepted = input.stream().mapToLong(Report.InputCount::accepted).sum();
    checks.add(new Report.Check("events accepted by the engine = accepted rows", accepted, pipeline.accepted()));
    checks.addAll(outcome.checks());
    Plugins plugins = Clm.plugins();
    List<Customer> customers = outcome.customers().stream().filter(c -> !objectsToProfiling(c)).toList();
    long objected = outcome.customers().size() - customers.size();
    // Value is profit contribution where the data has it; without any revenue and cost to serve,
    // transaction volume is the best measure of value there is.
    boolean profits = customers.stream().anyMatch(c -> !Double.isNaN(c.metric(Metric.PROFIT, asOf)));
    Metric valueMetric = profits ? Metric.PROFIT : Metric.TRANSACTION_VOLUME;
    double[] value = new double[customers.size()];
    for (int i = 0; i < value.length; i++) {
      double v = customers.get(i).metric(valueMetric, asOf);
      value[i] = Double.isNaN(v) ? 0 : v;
    }
    Map<String, Set<String>> segmentsOf = new HashMap<>();
    Report.Section<List<Report.SegmentTable>> segments = segments(plugins, customers, value, asOf, segmentsOf, checks);
    Report.Section<Report.RiskReport> risk =
        risk(plugins, engine, customers, value, profits ? "profit contribution" : "transaction volume", asOf, segmentsOf, options.top, options.retentionCosts, options.mask, checks);
    Report.Section<Report.ComplaintReport> complaintSection = complaints(plugins, options.workflow, complaints, asOf, checks);
    List<String> lines = new ArrayList<>(source);
    lines.add(profits
        ? "value = profit contribution: supplied revenue minus cost to serve"
        : "value = transaction volume: no revenue and cost to serve were supplied");
    if (objected > 0) {
      lines.add(objected + (objected == 1 ? " customer" : " customers") + " objected to profiling (the latest profiling consent "
          + "row withdraws it): counted in the stages, left out of segments, risk and actions");
    }
    lines.add(String.format(Locale.ROOT, "segments, risk, actions and complaint service levels computed in %.1f s", (System.nanoTime() - started) / 1e9));
    return new Report(
        title, lines, engine.model().id(), options.currency.getCurrencyCode(), pipeline.earliest(), outcome.flowStart(), asOf,
        input, rejections, outcome.stages(), outcome.transitions(), outcome.flow(), segments, risk, complaintSection, checks);
  }

  /**
   * Whether the customer's latest profiling decision withdraws consent: an objection to profiling
   * (GDPR Art. 21), which segments, risk scores and the actions chosen from them are. A customer
   * who never decided is profiled: the legal basis is the bank's to choose, not the report's.
   */
  static boolean objectsToProfiling(Customer c) {
    MetricsSnapshot.ConsentValue decision = c.metrics().consents().get(Purpose.PROFILING);
    return decision != null && !decision.granted();
  }

  // ---- segments ---------------------------------------------------------------------------

  private static Report.Section<List<Report.SegmentTable>> segments(
      Plugins plugins, List<Customer> customers, double[] value, Instant asOf, Map<String, Set<String>> segmentsOf,
      List<Report.Check> checks) {
    List<SegmentationScheme> found = plugins.all(SegmentationScheme.class);
    if (found.isEmpty()) {
      return Report.Section.notIncluded("segmentation is not included: no segmentation scheme was found on the class path");
    }
    List<Report.SegmentTable> tables = new ArrayList<>();
    double total = 0;
    for (double v : value) {
      total += v;
    }
    for (String id : List.of("value-pyramid", "loyalty-credit")) {
      SegmentationScheme scheme;
      try {
        scheme = plugins.get(SegmentationScheme.class, id);
      } catch (PluginConfigurationException e) {
        continue;
      }
      boolean matrix = id.equals("loyalty-credit");
      String title = matrix ? "Loyalty \u00d7 credit (seed 003)" : "Value pyramid by profit (seed 003)";
      Population population = Population.of(customers, asOf, scheme.columns());
      Segmentation result;
      try {
        result = CheckedSegmenter.of(scheme, scheme.fit(population)).assignAll(population);
      } catch (ValidationException e) {
        // Nothing to learn from (no customer has the data the scheme needs): everyone unclassified.
        Report.SegmentTable table = new Report.SegmentTable(id, title + ": not fitted, " + e.getMessage(), List.of(), List.of(),
            List.of(new Report.Segment(Assignment.UNCLASSIFIED, Assignment.UNCLASSIFIED, -1, -1, customers.size(), total, List.of())));
        tables.add(table);
        checks.add(new Report.Check(id + ": customers over all segments = customers", customers.size(), table.customers()));
        continue;
      }
      Map<String, long[]> counts = new LinkedHashMap<>();
      Map<String, Double> values = new HashMap<>();
      Map<String, Long> reasons = new HashMap<>();
      List<String> order = new ArrayList<>(result.labels());
      order.add(Assignment.UNCLASSIFIED);
      order.forEach(l -> counts.put(l, new long[1]));
      for (int row = 0; row < result.size(); row++) {
        String segment = result.segment(row);
        counts.computeIfAbsent(segment, k -> new long[1])[0]++;
        values.merge(segment, value[row], Double::sum);
        if (segment.equals(Assignment.UNCLASSIFIED)) {
          reasons.merge(result.reason(row), 1L, Long::sum);
        }
        segmentsOf.computeIfAbsent(result.customer(row).value(), k -> new TreeSet<>()).add(id + ":" + segment);
      }
      List<Report.Segment> segments = new ArrayList<>();
      for (Map.Entry<String, long[]> e : counts.entrySet()) {
        boolean unclassified = e.getKey().equals(Assignment.UNCLASSIFIED);
        if (unclassified && e.getValue()[0] == 0) {
          continue;
        }
        int[] cell = matrix ? loyaltyCreditCell(e.getKey()) : new int[] {-1, -1};
        segments.add(new Report.Segment(e.getKey(), label(e.getKey()), cell[0], cell[1], e.getValue()[0],
            values.getOrDefault(e.getKey(), 0.0), unclassified ? mostFrequent(reasons) : List.of()));
      }
      Report.SegmentTable table = matrix
          ? new Report.SegmentTable(id, title, List.of("high credit", "low credit"), List.of("low loyalty", "high loyalty"), segments)
          : new Report.SegmentTable(id, title, List.of(), List.of(), segments);
      tables.add(table);
      checks.add(new Report.Check(id + ": customers over all segments = customers", customers.size(), table.customers()));
      checks.add(new Report.Check(id + ": value over all segments = total value (whole " + "units)",
          Math.round(total), Math.round(table.value())));
    }
    if (tables.isEmpty()) {
      return Report.Section.notIncluded("segmentation is not included: the value-pyramid and loyalty-credit schemes were not found");
    }
    return Report.Section.of(tables);
  }

  /** The three most frequent reasons, most frequent first (then by text). */
  static List<Report.Reason> mostFrequent(Map<String, Long> reasons) {
    return reasons.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(3)
        .map(e -> new Report.Reason(e.getKey(), e.getValue()))
        .toList();
  }

  private static int[] loyaltyCreditCell(String segment) {
    switch (segment) {
      case "star":
        return new int[] {0, 0};
      case "gold":
        return new int[] {0, 1};
      case "junk":
        return new int[] {1, 0};
      case "risk":
        return new int[] {1, 1};
      default:
        return new int[] {-1, -1};
    }
  }

  private static String label(String segment) {
    switch (segment) {
      case "star":
        return "Star (\u660e\u661f)";
      case "gold":
        return "Gold (\u9ec4\u91d1)";
      case "junk":
        return "Junk (\u5783\u573e)";
      case "risk":
        return "Risk (\u98ce\u9669)";
      case "key":
        return "Key customers";
      case "potential":
        return "Potential customers";
      case "ordinary":
        return "Ordinary customers";
      default:
        return segment;
    }
  }

  // ---- risk and retention -----------------------------------------------------------------

  private static Report.Section<Report.RiskReport> risk(
      Plugins plugins, LifecycleEngine engine, List<Customer> customers, double[] value, String valueName, Instant asOf,
      Map<String, Set<String>> segmentsOf, int top, Map<String, Double> costs, CustomerIdMask mask, List<Report.Check> checks) {
    List<RetentionStrategy> strategies = strategies(plugins, costs);
    if (strategies.isEmpty()) {
      return Report.Section.notIncluded("retention is not included: no retention strategy was found on the class path");
    }
    RiskScorer scorer = RiskScorer.withDefaultWeights();
    long[] bands = new long[RISK_BANDS];
    Risk[] risks = new Risk[customers.size()];
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < risks.length; i++) {
      Customer c = customers.get(i);
      risks[i] = scorer.score(c, asOf);
      bands[Math.min(RISK_BANDS - 1, (int) (risks[i].score() * RISK_BANDS))]++;
      StageFamily family = engine.model().stage(c.stage()).orElseThrow().family();
      if (family != StageFamily.PROSPECT && family != StageFamily.EXIT && value[i] > 0 && risks[i].score() > 0) {
        candidates.add(i);
      }
    }
    candidates.sort(Comparator.<Integer>comparingDouble(i -> -value[i] * risks[i].score())
        .thenComparing(i -> customers.get(i).id()));
    List<Report.AtRisk> atRisk = new ArrayList<>();
    for (int k = 0; k < Math.min(top, candidates.size()); k++) {
      int i = candidates.get(k);
      Customer c = customers.get(i);
      StageFamily family = engine.model().stage(c.stage()).orElseThrow().family();
      Money money = new Money(BigDecimal.valueOf(value[i]).setScale(c.metrics().currency().getDefaultFractionDigits(), RoundingMode.HALF_UP),
          c.metrics().currency());
      RetentionContext context = new RetentionContext(c, family, segmentsOf.getOrDefault(c.id().value(), Set.of()), risks[i], money, asOf);
      RetentionPlan plan = RetentionPlan.of(context, strategies);
      List<String> factors = new ArrayList<>();
      risks[i].contributions().stream()
          .filter(f -> f.contribution() > 0)
          .sorted(Comparator.comparingDouble(Risk.Contribution::contribution).reversed())
          .forEach(f -> factors.add(String.format(Locale.ROOT, "%s %.2f", f.factor(), f.contribution())));
      atRisk.add(new Report.AtRisk(mask.mask(c.id()), c.stage(), value[i], risks[i].score(), factors,
          actionLines(plan, context.marketingConsent())));
    }
    List<Report.Band> distribution = new ArrayList<>();
    long banded = 0;
    for (int b = 0; b < RISK_BANDS; b++) {
      distribution.add(new Report.Band(String.format(Locale.ROOT, "%.1f-%.1f", b / 10.0, (b + 1) / 10.0), bands[b]));
      banded += bands[b];
    }
    checks.add(new Report.Check("customers over all risk bands = customers", customers.size(), banded));
    return Report.Section.of(new Report.RiskReport(
        "early-warning score 0 to 1 (falling volume, inactivity, open and repeated complaints, closed products, falling"
            + " satisfaction); at-risk customers ranked by " + valueName + " \u00d7 risk, excluding prospects and"
            + " customers already gone; actions from " + strategies.size() + " retention strategies, consent-aware",
        distribution, atRisk));
  }

  /**
   * The report's lines for a customer's plan: its first three actions, then what was left out and
   * why (marketing without consent, strategies that failed); never empty.
   */
  static List<String> actionLines(RetentionPlan plan, boolean marketingConsent) {
    List<String> lines = new ArrayList<>();
    for (RetentionAction a : plan.actions()) {
      if (lines.size() == 3) {
        break;
      }
      lines.add(describe(a.type()) + " (priority " + a.priority() + ", " + a.strategy() + ")");
    }
    if (plan.withheld() > 0) {
      lines.add(plan.withheld() + " marketing action(s) withheld: no marketing consent");
    } else if (!marketingConsent) {
      lines.add("no marketing consent: no offer, sale or sold exit barrier is proposed");
    }
    plan.failures().forEach(f -> lines.add("strategy failed, its actions are left out: " + f.getMessage()));
    if (lines.isEmpty()) {
      lines.add("none proposed");
    }
    return lines;
  }

  static String describe(ActionType type) {
    if (type instanceof ActionType.Communication) {
      return "contact: " + ((ActionType.Communication) type).topic();
    } else if (type instanceof ActionType.Offer) {
      int d = ((ActionType.Offer) type).discountPercent();
      return d == 0 ? "offer" : "offer with " + d + "% discount";
    } else if (type instanceof ActionType.ServiceRecovery) {
      return "service recovery, compensation " + ((ActionType.ServiceRecovery) type).compensation();
    } else if (type instanceof ActionType.ExitBarrier) {
      return Fields.lower(((ActionType.ExitBarrier) type).kind()) + " exit barrier";
    } else if (type instanceof ActionType.CrossSell) {
      return "cross-sell " + Fields.lower(((ActionType.CrossSell) type).product());
    } else if (type instanceof ActionType.UpSell) {
      return "up-sell " + Fields.lower(((ActionType.UpSell) type).product());
    } else if (type instanceof ActionType.WinBack) {
      return "win back";
    } else if (type instanceof ActionType.Abandon) {
      return "abandon (spend no more)";
    }
    return type.toString();
  }

  // ---- complaints -------------------------------------------------------------------------

  /**
   * The complaint workflow of this id, or empty when no workflow is on the class path (the report
   * then leaves complaint service levels out).
   *
   * @throws PluginConfigurationException if there are workflows and none has this id
   */
  static Optional<ComplaintWorkflow> workflow(Plugins plugins, String id) {
    try {
      return Optional.of(plugins.get(ComplaintWorkflow.class, id));
    } catch (PluginConfigurationException e) {
      if (plugins.all(ComplaintWorkflow.class).isEmpty()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Every retention strategy found, each configured with the costs it has among those given.
   * Without costs the strategies are as discovered, and none is called.
   *
   * @throws UsageException if a cost is one no strategy has, or a strategy refuses its value
   * @throws PluginConfigurationException if a strategy fails to tell its parameters or to be
   *     configured (it throws, or answers null)
   */
  static List<RetentionStrategy> strategies(Plugins plugins, Map<String, Double> costs) {
    List<RetentionStrategy> found = plugins.all(RetentionStrategy.class);
    if (costs.isEmpty()) {
      return found;
    }
    List<RetentionStrategy> configured = new ArrayList<>();
    Set<String> known = new TreeSet<>();
    for (RetentionStrategy s : found) {
      Map<String, Double> own = new TreeMap<>(costs);
      try {
        Set<String> names = PluginCalls.call(s, "--retention-costs", "parameters", RetentionStrategy::parameters).keySet();
        own.keySet().retainAll(names);
        known.addAll(names);
        configured.add(own.isEmpty() ? s : PluginCalls.call(s, "--retention-costs", "configure", x -> x.configure(own)));
      } catch (PluginFailureException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ValidationException refused) {
          throw new UsageException("--retention-costs: " + refused.getMessage());
        }
        throw new PluginConfigurationException(e.getMessage(), e);
      }
    }
    for (String name : costs.keySet()) {
      if (!known.contains(name)) {
        throw new UsageException("--retention-costs: no retention strategy has a parameter " + TextRules.excerpt(name)
            + "; they have " + known);
      }
    }
    return configured;
  }

  private static Report.Section<Report.ComplaintReport> complaints(
      Plugins plugins, String workflowId, ComplaintLog log, Instant asOf, List<Report.Check> checks) {
    long resolved = log.resolved().size();
    long open = log.open().size();
    checks.add(new Report.Check("complaint tickets opened = resolved + still open", log.opened(), resolved + open));
    Optional<ComplaintWorkflow> found = workflow(plugins, workflowId);
    if (found.isEmpty()) {
      return Report.Section.notIncluded("complaint service levels are not included: no complaint workflow was found on the class path");
    }
    ComplaintWorkflow workflow = found.get();
    int first = Integer.MAX_VALUE;
    int last = LocalDate.ofInstant(asOf, ZoneOffset.UTC).getYear() + 2;
    for (ComplaintLog.Resolved r : log.resolved()) {
      first = Math.min(first, LocalDate.ofInstant(r.openedAt(), ZoneOffset.UTC).getYear());
    }
    for (ComplaintLog.Open o : log.open()) {
      first = Math.min(first, LocalDate.ofInstant(o.openedAt(), ZoneOffset.UTC).getYear());
    }
    BusinessCalendar.Builder calendar = BusinessCalendar.builder("weekdays-utc", ZoneOffset.UTC);
    for (int y = Math.min(first, last - 2); y <= last; y++) {
      calendar.noHolidays(y);
    }
    BusinessCalendar weekdays = calendar.build();
    long[] within = new long[Severity.values().length];
    long[] late = new long[Severity.values().length];
    for (ComplaintLog.Resolved r : log.resolved()) {
      SlaPolicy policy = workflow.slaPolicy(r.severity(), ComplaintWorkflow.GENERAL);
      Instant deadline = weekdays.deadline(r.openedAt(), policy.resolution());
      if (!r.openedAt().plus(r.took()).isAfter(deadline)) {
        within[r.severity().ordinal()]++;
      } else {
        late[r.severity().ordinal()]++;
      }
    }
    long openWithin = 0;
    long overdue = 0;
    for (ComplaintLog.Open o : log.open()) {
      SlaPolicy policy = workflow.slaPolicy(o.severity(), ComplaintWorkflow.GENERAL);
      if (asOf.isAfter(weekdays.deadline(o.openedAt(), policy.resolution()))) {
        overdue++;
      } else {
        openWithin++;
      }
    }
    Map<String, Long> figures = new LinkedHashMap<>();
    figures.put("tickets opened", log.opened());
    figures.put("resolved within the deadline", within[0] + within[1]);
    figures.put("resolved late", late[0] + late[1]);
    figures.put("urgent resolved within the deadline", within[Severity.URGENT.ordinal()]);
    figures.put("urgent resolved late", late[Severity.URGENT.ordinal()]);
    figures.put("open, within the deadline", openWithin);
    figures.put("open, overdue", overdue);
    figures.put("resolutions the customer accepted", log.resolved().stream().filter(ComplaintLog.Resolved::accepted).count());
    figures.put("resolutions for tickets not opened in the data", log.resolutionsWithoutOpening());
    checks.add(new Report.Check("complaint tickets: within + late + open within + overdue = opened", log.opened(),
        within[0] + within[1] + late[0] + late[1] + openWithin + overdue));
    SlaPolicy urgent = workflow.slaPolicy(Severity.URGENT, ComplaintWorkflow.GENERAL);
    SlaPolicy normal = workflow.slaPolicy(Severity.NORMAL, ComplaintWorkflow.GENERAL);
    String policy = String.format(Locale.ROOT, "%s workflow: resolution within %s (urgent), %s (normal); business days Monday to Friday,"
        + " UTC, no public holidays", workflow.id(), limit(urgent), limit(normal));
    long allResolved = within[0] + within[1] + late[0] + late[1];
    return Report.Section.of(new Report.ComplaintReport(policy, figures,
        allResolved == 0 ? Double.NaN : (within[0] + within[1]) / (double) allResolved));
  }

  private static String limit(SlaPolicy p) {
    return p.resolution().amount() + " " + p.resolution().unit().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
