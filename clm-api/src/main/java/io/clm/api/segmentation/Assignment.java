package io.clm.api.segmentation;

import io.clm.api.CustomerId;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
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
 *     days-since-last-transaction}, scores such as {@code recency-score}, cut points used); finite,
 *     sorted by name; an input that is undefined for the customer is absent
 */
@Experimental
public record Assignment(
    String schemeId, CustomerId customer, String segment, String reason, Map<String, Double> inputs) {

  /** The segment of a customer the scheme cannot place; {@link #reason()} says why. */
  public static final String UNCLASSIFIED = "unclassified";

  /**
   * Validates and copies.
   *
   * @param schemeId the scheme
   * @param customer the customer
   * @param segment one of the scheme's segments, or {@link #UNCLASSIFIED}
   * @param reason why the customer is unclassified (such as {@code credit score not supplied});
   *     empty when classified
   * @param inputs the values that decided the segment, by name (metric names such as {@code
   *     days-since-last-transaction}, scores such as {@code recency-score}, cut points used); finite,
   *     sorted by name; an input that is undefined for the customer is absent
   * @throws NullPointerException if a component, an input name or an input value is null
   * @throws ValidationException if the scheme id or segment is blank, an unclassified assignment
   *     has no reason, a classified one has a reason, or an input is not finite (an undefined
   *     input is left out, not given as NaN)
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
              + " to "
              + TextRules.excerpt(segment)
              + ": an unclassified assignment has a reason, a classified one has none");
    }
    TreeMap<String, Double> copy = new TreeMap<>();
    for (Map.Entry<String, Double> e : inputs.entrySet()) {
      String name = Objects.requireNonNull(e.getKey(), "input name");
      double value = Objects.requireNonNull(e.getValue(), name);
      if (!Double.isFinite(value)) {
        throw new ValidationException(
            "assignment of customer " + customer.masked() + ": input " + TextRules.excerpt(name) + " is not finite: " + value);
      }
      copy.put(name, value);
    }
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
