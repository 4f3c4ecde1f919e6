package io.clm.api.spi;

import io.clm.api.annotation.Experimental;
import java.util.Objects;

/**
 * What remains of an erased customer: no id, only a fingerprint of it (so that later events for the
 * customer are refused) and the stage it was in (so that aggregate counts stay correct).
 *
 * <p>Tombstones written now are {@link Scheme#KEYED}: the fingerprint is an HMAC of the id under the
 * secret key of the engine's {@link io.clm.api.CustomerIdMask}, and {@code check} is the mask's
 * {@link io.clm.api.CustomerIdMask#keyCheck() key check value}, which tells an engine restarted
 * with another key to refuse rather than forget the erasure. Neither is computable from an id
 * without the key. {@link Scheme#SALTED} tombstones were written by earlier versions and are still
 * read: their fingerprint is an unkeyed hash of the salt and the id, so anyone holding the salt
 * (which {@code check} holds) can test guessed ids against it.
 *
 * @param scheme how the fingerprint was taken
 * @param check for {@link Scheme#KEYED}, the key check value of the key; for {@link
 *     Scheme#SALTED}, the salt
 * @param fingerprint the 64-bit fingerprint of the customer id
 * @param stage the id of the stage the customer was in when erased
 */
@Experimental
public record Tombstone(Scheme scheme, long check, long fingerprint, String stage) {

  /** How a tombstone's fingerprint was taken. */
  @Experimental
  public enum Scheme {
    /** FNV-1a 64 of a salt and the id, written by earlier versions; weaker, still honoured. */
    SALTED,
    /** HMAC-SHA256 of the id under the engine's secret key, truncated to 64 bits. */
    KEYED
  }

  /**
   * Checks the scheme and the stage.
   *
   * @throws NullPointerException if the scheme or the stage is null
   * @param scheme how the fingerprint was taken
   * @param check for {@link Scheme#KEYED}, the key check value of the key; for {@link Scheme#SALTED}, the salt
   * @param fingerprint the 64-bit fingerprint of the customer id
   * @param stage the id of the stage the customer was in when erased
   */
  public Tombstone {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(stage, "stage");
  }
}
