package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;
import io.clm.api.event.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The complaint desk's management report: open tickets by age and class, SLA compliance per policy,
 * breaches, and root causes (regulators require root-cause analysis, e.g. FCA DISP 1.3.3R).
 *
 * @param asOf the desk clock when the report was made
 * @param openByAge open classified tickets by age band and class
 * @param unclassifiedByAge open tickets not yet classified, by age band
 * @param compliance SLA compliance by policy id
 * @param breaches every breach so far, in the order they fell due
 * @param rootCauses resolved complaints by root-cause category
 */
@Experimental
public record ComplaintReport(
    Instant asOf,
    Map<AgeBand, Map<Severity, Long>> openByAge,
    Map<AgeBand, Long> unclassifiedByAge,
    Map<String, PolicyCompliance> compliance,
    List<SlaEvent> breaches,
    Map<String, Long> rootCauses) {

  /**
   * Copies the collections, the counts by class of each age band too.
   *
   * @param asOf the desk clock when the report was made
   * @param openByAge open classified tickets by age band and class
   * @param unclassifiedByAge open tickets not yet classified, by age band
   * @param compliance SLA compliance by policy id
   * @param breaches every breach so far, in the order they fell due
   * @param rootCauses resolved complaints by root-cause category
   * @throws NullPointerException if a component, or a key or value of its collections, is null
   */
  public ComplaintReport {
    Objects.requireNonNull(asOf, "asOf");
    Map<AgeBand, Map<Severity, Long>> byAge = new java.util.EnumMap<>(AgeBand.class);
    openByAge.forEach((band, counts) -> byAge.put(band, Map.copyOf(counts)));
    openByAge = Map.copyOf(byAge);
    unclassifiedByAge = Map.copyOf(unclassifiedByAge);
    compliance = Map.copyOf(compliance);
    breaches = List.copyOf(breaches);
    rootCauses = Map.copyOf(rootCauses);
  }

  /** Age of an open ticket in calendar days since receipt; the bands follow the regulatory limits. */
  public enum AgeBand {
    /** 0 to 3 days (FCA summary resolution window). */
    DAYS_0_TO_3,
    /** 4 to 15 days (CFPB, China, PSD2 first limits). */
    DAYS_4_TO_15,
    /** 16 to 35 days. */
    DAYS_16_TO_35,
    /** 36 to 56 days (FCA 8 weeks). */
    DAYS_36_TO_56,
    /** More than 56 days. */
    OVER_56_DAYS;

    /**
     * The band of an age.
     *
     * @param days age in whole days
     * @return the band
     */
    public static AgeBand of(long days) {
      if (days <= 3) {
        return DAYS_0_TO_3;
      }
      if (days <= 15) {
        return DAYS_4_TO_15;
      }
      if (days <= 35) {
        return DAYS_16_TO_35;
      }
      if (days <= 56) {
        return DAYS_36_TO_56;
      }
      return OVER_56_DAYS;
    }
  }

  /**
   * Met and breached deadlines of one policy. A deadline counts once its response was given (met)
   * or its breach fell due (breached).
   *
   * @param firstResponseMet first responses in time
   * @param firstResponseBreached first responses late or missing
   * @param resolutionMet resolutions in time
   * @param resolutionBreached resolutions late or missing
   */
  public record PolicyCompliance(
      long firstResponseMet, long firstResponseBreached, long resolutionMet, long resolutionBreached) {

    /**
     * The share of resolution deadlines met.
     *
     * @return met / (met + breached), or NaN when none has counted yet
     */
    public double resolutionRate() {
      long total = resolutionMet + resolutionBreached;
      return total == 0 ? Double.NaN : (double) resolutionMet / total;
    }

    /**
     * The share of first-response deadlines met.
     *
     * @return met / (met + breached), or NaN when none has counted yet
     */
    public double firstResponseRate() {
      long total = firstResponseMet + firstResponseBreached;
      return total == 0 ? Double.NaN : (double) firstResponseMet / total;
    }
  }
}
