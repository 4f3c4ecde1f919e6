package io.clm.segmentation.history;

import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's move from one segment of a scheme to another, found when the customer was
 * re-segmented: the segmentation counterpart of {@link io.clm.api.StageChange}. Either side may be
 * {@link io.clm.api.segmentation.Assignment#UNCLASSIFIED}.
 *
 * @param schemeId the scheme
 * @param customer the customer
 * @param from the segment before
 * @param to the segment after
 * @param at when the new segment was recorded
 */
@Experimental
public record SegmentMove(String schemeId, CustomerId customer, String from, String to, Instant at) {

  /**
   * Validates the move.
   *
   * @param schemeId the scheme
   * @param customer the customer
   * @param from the segment before
   * @param to the segment after
   * @param at when the new segment was recorded
   * @throws NullPointerException if a component is null
   * @throws ValidationException if {@code from} equals {@code to}
   */
  public SegmentMove {
    Objects.requireNonNull(schemeId, "schemeId");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(at, "at");
    if (from.equals(to)) {
      throw new ValidationException("segment move from '" + from + "' to itself");
    }
  }
}
