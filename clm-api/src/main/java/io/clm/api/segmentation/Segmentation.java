package io.clm.api.segmentation;

import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The segments of a whole {@link Population} under one scheme, held columnar: one {@code int} code
 * per customer, no object per customer. Code {@code c >= 0} is {@code labels().get(c)}; code {@code
 * c < 0} is unclassified with reason {@code reasons().get(-1 - c)}. Immutable.
 */
@Experimental
public final class Segmentation {
  private final String schemeId;
  private final Population population;
  private final List<String> labels;
  private final List<String> reasons;
  private final int[] codes;

  private Segmentation(
      String schemeId, Population population, List<String> labels, List<String> reasons, int[] codes) {
    this.schemeId = schemeId;
    this.population = population;
    this.labels = labels;
    this.reasons = reasons;
    this.codes = codes;
  }

  /**
   * Creates a segmentation from codes; for {@link Segmenter} implementations.
   *
   * @param schemeId the scheme
   * @param population the population the codes are for
   * @param labels the segments, indexed by non-negative code; unique, never {@link
   *     Assignment#UNCLASSIFIED}
   * @param reasons the reasons for leaving a customer unclassified, indexed by {@code -1 - code}
   * @param codes one code per row of the population; copied
   * @return the segmentation
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the codes do not match the population's size, a code has no
   *     label or reason, or a label is repeated or is {@code unclassified}
   */
  public static Segmentation of(
      String schemeId, Population population, List<String> labels, List<String> reasons, int[] codes) {
    Objects.requireNonNull(schemeId, "schemeId");
    Objects.requireNonNull(population, "population");
    List<String> l = List.copyOf(labels);
    List<String> r = List.copyOf(reasons);
    if (codes.length != population.size()) {
      throw new ValidationException(
          "segmentation has " + codes.length + " codes for a population of " + population.size());
    }
    if (l.contains(Assignment.UNCLASSIFIED) || l.stream().distinct().count() != l.size()) {
      throw new ValidationException("segmentation labels must be unique and not 'unclassified': " + l);
    }
    int[] copy = codes.clone();
    for (int i = 0; i < copy.length; i++) {
      int c = copy[i];
      if (c >= l.size() || -1 - c >= r.size()) {
        throw new ValidationException("segmentation code " + c + " at row " + i + " has no label or reason");
      }
    }
    return new Segmentation(schemeId, population, l, r, copy);
  }

  /**
   * The scheme.
   *
   * @return the scheme id
   */
  public String schemeId() {
    return schemeId;
  }

  /**
   * The population the segments are for.
   *
   * @return the population
   */
  public Population population() {
    return population;
  }

  /**
   * Number of customers.
   *
   * @return the population's size
   */
  public int size() {
    return codes.length;
  }

  /**
   * The segments, indexed by code.
   *
   * @return the labels
   */
  public List<String> labels() {
    return labels;
  }

  /**
   * The reasons for leaving customers unclassified, indexed by {@code -1 - code}.
   *
   * @return the reasons
   */
  public List<String> reasons() {
    return reasons;
  }

  /**
   * The code of a row: a label index, or a negative reason code.
   *
   * @param row the row
   * @return the code
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public int code(int row) {
    return codes[row];
  }

  /**
   * The customer of a row.
   *
   * @param row the row
   * @return the customer
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public CustomerId customer(int row) {
    return population.id(row);
  }

  /**
   * The segment of a row.
   *
   * @param row the row
   * @return a label, or {@link Assignment#UNCLASSIFIED}
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public String segment(int row) {
    int c = codes[row];
    return c >= 0 ? labels.get(c) : Assignment.UNCLASSIFIED;
  }

  /**
   * Why a row is unclassified.
   *
   * @param row the row
   * @return the reason, or the empty string for a classified row
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public String reason(int row) {
    int c = codes[row];
    return c >= 0 ? "" : reasons.get(-1 - c);
  }

  /**
   * How many customers fell in each segment: every label in order (zero counts included), then
   * {@link Assignment#UNCLASSIFIED} if any customer is.
   *
   * @return counts by segment
   */
  public Map<String, Long> counts() {
    long[] byLabel = new long[labels.size()];
    long unclassified = 0;
    for (int c : codes) {
      if (c >= 0) {
        byLabel[c]++;
      } else {
        unclassified++;
      }
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (int i = 0; i < byLabel.length; i++) {
      counts.put(labels.get(i), byLabel[i]);
    }
    if (unclassified > 0) {
      counts.put(Assignment.UNCLASSIFIED, unclassified);
    }
    return Collections.unmodifiableMap(counts);
  }

  /**
   * The rows of a segment, in row order.
   *
   * @param segment a label or {@link Assignment#UNCLASSIFIED}
   * @return the row numbers
   */
  public int[] rowsIn(String segment) {
    int n = 0;
    for (int i = 0; i < codes.length; i++) {
      n += segment(i).equals(segment) ? 1 : 0;
    }
    int[] rows = new int[n];
    for (int i = 0, k = 0; i < codes.length; i++) {
      if (segment(i).equals(segment)) {
        rows[k++] = i;
      }
    }
    return rows;
  }

  /** Returns the scheme and the counts: no customer ids. */
  @Override
  public String toString() {
    return "Segmentation[" + schemeId + ", " + counts() + "]";
  }
}
