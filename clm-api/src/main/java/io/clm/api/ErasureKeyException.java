package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * A store or a snapshot remembers erased customers under another key than the engine's {@link
 * CustomerIdMask}: with this key the engine could not recognise those customers and would let them
 * be created again. Build the engine with the mask under the key the tombstones were written with.
 * Nothing was loaded or changed.
 */
@Stable
public class ErasureKeyException extends ClmException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what went wrong: where the tombstones are and that their key check value is not
   *     the engine's
   */
  public ErasureKeyException(String message) {
    super(message);
  }
}
