package io.clm.api.segmentation;

import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Where one customer falls in a scheme, and why: the segment, or {@link #UNCLASSIFIED} with the
 * reason, plus the input values that decided it.
 *
 * <p>{@link #toString()} shows the scheme, the masked customer id and the segment only: the inputs
 * are the customer's financial data and stay out of logs.
 *
 * @param schemeId the scheme
 * @param customer the customer
 * @param segment one of the scheme's segments, or {@link #UNCLASSIFIED}
 * @param reason why the customer is unclassified (such as {@code credit score not supplied});
 *     empty when classified
 * @param inputs the values that decided the segment, by name (metric names such as {@code
 *     days-since-last-transaction}, scores such as {@code recency-score}); sorted by name
 */
public record Assignment(
    String schemeId, CustomerId customer, String segment, String reason, Map<String, Double> inputs) {

  /** The segment of a customer the scheme cannot place; {@link #reason()} says why. */
  public static final String UNCLASSIFIED = "unclassified";

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a component, an input name or an input value is null
   * @throws ValidationException if the scheme id or segment is blank, an unclassified assignment
   *     has no reason, or a classified one has a reason
   */
  public Assignment {
    Objects.requireNonNull(schemeId, "schemeId");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(inputs, "inputs");
    if (schemeId.isBlank() || segment.isBlank()) {
      throw new ValidationException("assignment scheme id and segment must not be blank");
    }
    if (UNCLASSIFIED.equals(segment) == reason.isBlank()) {
      throw new ValidationException(
          "assignment of customer "
              + customer.masked()
              + " to '"
              + segment
              + "': an unclassified assignment has a reason, a classified one has none");
    }
    TreeMap<String, Double> copy = new TreeMap<>();
    inputs.forEach(
        (k, v) -> copy.put(Objects.requireNonNull(k, "input name"), Objects.requireNonNull(v, k)));
    inputs = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * Whether the scheme placed the customer in one of its segments.
   *
   * @return false for {@link #UNCLASSIFIED}
   */
  public boolean isClassified() {
    return !UNCLASSIFIED.equals(segment);
  }

  /** Returns the scheme, the masked customer id and the segment: no inputs, no personal data. */
  @Override
  public String toString() {
    return "Assignment[" + schemeId + ", " + customer.masked() + ", " + segment + "]";
  }
}
