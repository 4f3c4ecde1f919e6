package io.clm.api;

import io.clm.api.annotation.Stable;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed masks of customer ids: HMAC-SHA256 under a secret key, so that nobody without the key can
 * recover an id by hashing plausible ids (a bank's ids are few and shaped alike: a million guesses
 * take a second).
 *
 * <p>Two forms, derived under separate labels so that one cannot be matched against the other:
 *
 * <ul>
 *   <li>{@link #mask(CustomerId)}: for display in reports, logs and receipts; {@code #} and 32 hex
 *       digits (128 bits). Among 100 million customers the expected number of pairs sharing a mask
 *       is about 1.5e-23.
 *   <li>{@link #tombstone(CustomerId)}: for remembering that an id was erased; 64 hex digits (the
 *       full 256 bits). An engine keeps the first 16 of them (64 bits) as an erased customer's
 *       fingerprint.
 * </ul>
 *
 * <p>A third label gives the {@link #keyCheck() key check value}: a fixed value under the key,
 * stored beside tombstones so that an engine given another key notices it, and computable from
 * nothing but the key.
 *
 * <p>The key is either the integrator's ({@link #withKey(byte[])}: masks stay the same across
 * processes and machines, so reports from different runs can be compared) or random ({@link
 * #random()}, {@link #process()}: masks last as long as the object). The key is never returned,
 * printed or serialised; keep an integrator's key where other secrets are kept, never in a snapshot
 * or a store next to the masks.
 *
 * <p>Instances are immutable and thread-safe.
 */
@Stable
public final class CustomerIdMask {

  /** The shortest key accepted, in bytes: as long as the hash, as RFC 2104 recommends. */
  public static final int MIN_KEY_BYTES = 32;

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] MASK_LABEL = "clm-mask\u0000".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TOMBSTONE_LABEL = "clm-erased\u0000".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEY_CHECK_LABEL = "clm-key-check\u0000".getBytes(StandardCharsets.US_ASCII);
  private static final HexFormat HEX = HexFormat.of();

  private final SecretKeySpec key;

  private CustomerIdMask(byte[] key) {
    this.key = new SecretKeySpec(key, ALGORITHM);
  }

  /**
   * A mask under the integrator's secret key.
   *
   * @param key the secret, at least {@value #MIN_KEY_BYTES} bytes; it is copied
   * @return the mask
   * @throws NullPointerException if {@code key} is null
   * @throws ValidationException if the key is shorter than {@value #MIN_KEY_BYTES} bytes or all its
   *     bytes are equal
   */
  public static CustomerIdMask withKey(byte[] key) {
    Objects.requireNonNull(key, "key");
    if (key.length < MIN_KEY_BYTES) {
      throw new ValidationException(
          "mask key has " + key.length + " bytes, fewer than " + MIN_KEY_BYTES);
    }
    boolean allSame = true;
    for (byte b : key) {
      allSame &= b == key[0];
    }
    if (allSame) {
      throw new ValidationException("mask key has " + key.length + " equal bytes; use a random secret");
    }
    return new CustomerIdMask(key.clone());
  }

  /**
   * A mask under a new random key from {@link SecureRandom}, known to no one.
   *
   * @return the mask
   */
  public static CustomerIdMask random() {
    byte[] key = new byte[MIN_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    CustomerIdMask mask = new CustomerIdMask(key);
    Arrays.fill(key, (byte) 0);
    return mask;
  }

  /**
   * The mask of this process: a random key generated when first needed and kept only in memory.
   * {@link CustomerId#masked()} and {@link CustomerId#toString()} use it.
   *
   * @return the process's mask
   */
  public static CustomerIdMask process() {
    return ProcessMask.MASK;
  }

  /**
   * The id's mask for display.
   *
   * @param id the customer
   * @return {@code #} and 32 lowercase hex digits
   * @throws NullPointerException if {@code id} is null
   */
  public String mask(CustomerId id) {
    byte[] h = hmac(MASK_LABEL, id);
    return "#" + HEX.formatHex(h, 0, 16);
  }

  /**
   * The id's tombstone: what a store keeps to remember that the id was erased, without keeping
   * the id.
   *
   * @param id the customer
   * @return 64 lowercase hex digits
   * @throws NullPointerException if {@code id} is null
   */
  public String tombstone(CustomerId id) {
    return HEX.formatHex(hmac(TOMBSTONE_LABEL, id));
  }

  /**
   * The key check value: the first 64 bits, big-endian, of the HMAC of a fixed label under the key.
   * Two masks have the same key check value exactly when (but for a chance of 2<sup>-64</sup>) they
   * have the same key; the value reveals nothing of the key nor of any id.
   *
   * @return the key check value
   */
  public long keyCheck() {
    return ByteBuffer.wrap(hmac(KEY_CHECK_LABEL, new byte[0])).getLong();
  }

  private byte[] hmac(byte[] label, CustomerId id) {
    Objects.requireNonNull(id, "customer id");
    return hmac(label, id.value().getBytes(StandardCharsets.UTF_8));
  }

  private byte[] hmac(byte[] label, byte[] message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      mac.update(label);
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is required of every Java platform.
      throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
    }
  }

  /** Never shows the key. */
  @Override
  public String toString() {
    return "CustomerIdMask[HMAC-SHA256, key hidden]";
  }

  /** Holds the process's mask; created on first use. */
  private static final class ProcessMask {
    static final CustomerIdMask MASK = random();
  }
}
