package io.clm.cli;

import io.clm.api.LifecycleEngine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the report from a finished run: the stage figures from the pipeline, and the segment,
 * risk and complaint sections from the modules on the class path. A section whose module is not
 * available says so and shows no figures.
 */
final class Sections {
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
    List<Report.Check> checks = new ArrayList<>();
    for (Report.InputCount c : input) {
      checks.add(new Report.Check(
          c.name() + ": read = accepted + duplicates + rejected", c.read(), c.accepted() + c.duplicates() + c.rejected()));
    }
    long accepted = input.stream().mapToLong(Report.InputCount::accepted).sum();
    checks.add(new Report.Check("events accepted by the engine = accepted rows", accepted, pipeline.accepted()));
    checks.addAll(outcome.checks());
    Report.Section<List<Report.SegmentTable>> segments =
        Report.Section.notIncluded("segmentation is not included in this build: the clm-segmentation module provides no schemes yet");
    Report.Section<Report.RiskReport> risk =
        Report.Section.notIncluded("early warning and retention actions are not included in this build: the clm-retention module provides no strategies yet");
    Report.Section<Report.ComplaintReport> complaintSection = complaintSection(complaints, asOf, checks);
    return new Report(
        title, source, engine.model().id(), options.currency.getCurrencyCode(), pipeline.earliest(), outcome.flowStart(), asOf,
        input, rejections, outcome.stages(), outcome.transitions(), outcome.flow(), segments, risk, complaintSection, checks);
  }

  private static Report.Section<Report.ComplaintReport> complaintSection(ComplaintLog log, Instant asOf, List<Report.Check> checks) {
    Map<String, Long> figures = new LinkedHashMap<>();
    long resolved = log.resolved().size();
    long open = log.open().size();
    figures.put("tickets opened", log.opened());
    figures.put("resolved", resolved);
    figures.put("still open", open);
    figures.put("resolutions accepted by the customer", log.resolved().stream().filter(ComplaintLog.Resolved::accepted).count());
    figures.put("resolutions for tickets not opened in the data", log.resolutionsWithoutOpening());
    checks.add(new Report.Check("complaint tickets opened = resolved + still open", log.opened(), resolved + open));
    return new Report.Section<>(
        new Report.ComplaintReport("none: SLA status is not included in this build, the clm-complaints module provides no SLA policies yet", figures),
        null);
  }
}
