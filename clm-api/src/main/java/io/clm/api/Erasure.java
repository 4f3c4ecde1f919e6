package io.clm.api;

import io.clm.api.annotation.Stable;
import java.time.Instant;
import java.util.Objects;

/**
 * The receipt of an erasure: what was removed. Keep it as evidence that a data subject's request
 * was carried out; it contains no personal data beyond the masked id.
 *
 * @param maskedId the erased customer's id masked with the engine's id mask ({@link
 *     CustomerIdMask#mask}), so that engines built with the same mask give the same masked id
 * @param at when the erasure was done
 * @param historyEntriesRemoved how many stage changes were removed
 * @param stageAtErasure the stage the customer was in; aggregate counts keep counting the customer
 *     there as erased
 */
@Stable
public record Erasure(String maskedId, Instant at, int historyEntriesRemoved, String stageAtErasure) {

  /**
   * Checks that every part of the receipt is there.
   *
   * @param maskedId the erased customer's masked id, not blank
   * @param at when the erasure was done
   * @param historyEntriesRemoved how many stage changes were removed, at least 0
   * @param stageAtErasure the stage the customer was in
   * @throws NullPointerException if the masked id, the instant or the stage is null
   * @throws ValidationException if the masked id is blank or the count is negative
   */
  public Erasure {
    Objects.requireNonNull(maskedId, "maskedId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(stageAtErasure, "stageAtErasure");
    if (maskedId.isBlank()) {
      throw new ValidationException("maskedId is blank");
    }
    if (historyEntriesRemoved < 0) {
      throw new ValidationException("historyEntriesRemoved " + historyEntriesRemoved + " is negative");
    }
  }
}
