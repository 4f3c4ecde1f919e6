package io.clm.api.spi;

import io.clm.api.annotation.Experimental;
import java.util.Objects;

/**
 * What remains of an erased customer: no id, only a salted fingerprint of it (so that later events
 * for the customer are refused) and the stage it was in (so that aggregate counts stay correct).
 *
 * @param salt the salt the fingerprint was taken with; one engine uses one salt for all its
 *     tombstones
 * @param fingerprint the salted 64-bit fingerprint of the customer id
 * @param stage the id of the stage the customer was in when erased
 */
@Experimental
public record Tombstone(long salt, long fingerprint, String stage) {

  /**
   * Checks the stage.
   *
   * @throws NullPointerException if the stage is null
   * @param salt the salt the fingerprint was taken with; one engine uses one salt for all its tombstones
   * @param fingerprint the salted 64-bit fingerprint of the customer id
   * @param stage the id of the stage the customer was in when erased
   */
  public Tombstone {
    Objects.requireNonNull(stage, "stage");
  }
}
