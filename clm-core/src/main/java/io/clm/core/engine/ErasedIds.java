package io.clm.core.engine;

import io.clm.api.CorruptRecordException;
import io.clm.api.CustomerId;
import io.clm.api.CustomerIdMask;
import io.clm.api.ErasureKeyException;
import io.clm.api.spi.Tombstone;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fingerprints of erased customers, each to the stage index the customer was in. Erasures made
 * now are keyed: the first 64 bits of {@link CustomerIdMask#tombstone}, an HMAC under the engine's
 * secret key, so that nothing stored beside them lets anyone test a guessed id. Fingerprints read
 * from stores and snapshots of earlier versions are salted FNV-1a ({@link Fingerprints#salted}) and
 * are kept and honoured as they are, under their one salt.
 */
final class ErasedIds {
  private final CustomerIdMask mask;
  /** The key check value of {@link #mask}: stored beside keyed fingerprints, never the key. */
  final long keyCheck;
  /** Keyed fingerprints to stage indexes. */
  final Map<Long, Integer> keyed = new ConcurrentHashMap<>();
  /** Salted fingerprints of earlier versions to stage indexes. */
  final Map<Long, Integer> salted = new ConcurrentHashMap<>();
  /** The salt of {@link #salted}; meaningless while it is empty. */
  volatile long salt;

  ErasedIds(CustomerIdMask mask) {
    this.mask = mask;
    this.keyCheck = mask.keyCheck();
  }

  /** The keyed fingerprint of an id under this engine's key. */
  long fingerprint(CustomerId id) {
    return Long.parseUnsignedLong(mask.tombstone(id), 0, 16, 16);
  }

  boolean contains(CustomerId id) {
    return lists(keyed, salt, salted, id);
  }

  /**
   * Whether keyed fingerprints (under this engine's key) or salted ones (under {@code saltOfOthers})
   * list {@code id}: those held, or a snapshot's before they replace them.
   */
  boolean lists(Map<Long, Integer> keyedFingerprints, long saltOfOthers, Map<Long, Integer> saltedFingerprints, CustomerId id) {
    return (!keyedFingerprints.isEmpty() && keyedFingerprints.containsKey(fingerprint(id)))
        || (!saltedFingerprints.isEmpty() && saltedFingerprints.containsKey(Fingerprints.salted(saltOfOthers, id.value())));
  }

  /** Every erased customer's stage index. */
  List<Integer> stages() {
    List<Integer> all = new ArrayList<>(keyed.values());
    all.addAll(salted.values());
    return all;
  }

  /**
   * Checks that a store's or snapshot's keyed fingerprints were taken under this engine's key.
   *
   * @param where the store or snapshot, for the message
   * @param check the key check value stored with them
   * @throws ErasureKeyException if it is not this engine's
   */
  void requireKey(String where, long check) {
    if (check != keyCheck) {
      throw new ErasureKeyException(
          where
              + " holds erased customers' fingerprints taken under another key (key check value "
              + Snapshots.hex(check)
              + ", the engine's id mask has "
              + Snapshots.hex(keyCheck)
              + "); build the engine with the id mask they were written with");
    }
  }

  /**
   * Takes over a store's tombstone at a restart.
   *
   * @return the stage index the erased customer was in
   * @throws CorruptRecordException for a stage not of the model or a second salt
   * @throws ErasureKeyException for a fingerprint taken under another key
   */
  int restore(Tombstone t, List<String> stageIds, String modelId) {
    int stage = stageIds.indexOf(t.stage());
    if (stage < 0) {
      throw new CorruptRecordException(
          "a tombstone of the store is in stage '" + t.stage() + "', not a stage of model '" + modelId + "'");
    }
    Map<Long, Integer> fingerprints =
        switch (t.scheme()) {
          case KEYED -> {
            requireKey("the customer store", t.check());
            yield keyed;
          }
          case SALTED -> {
            if (t.check() != salt) {
              throw new CorruptRecordException("a salted tombstone of the store has another salt than the first");
            }
            yield salted;
          }
        };
    fingerprints.put(t.fingerprint(), stage);
    return stage;
  }

  /** Replaces the contents with a snapshot's, already validated. */
  void replaceWith(Map<Long, Integer> keyedFingerprints, long saltOfOthers, Map<Long, Integer> saltedFingerprints) {
    keyed.clear();
    salted.clear();
    salt = saltOfOthers;
    keyed.putAll(keyedFingerprints);
    salted.putAll(saltedFingerprints);
  }

  /** The tombstones of everything held, salted ones first, each kind sorted by fingerprint. */
  List<Tombstone> tombstones(List<String> stageIds) {
    List<Tombstone> all = new ArrayList<>();
    new TreeMap<>(salted)
        .forEach((fp, stage) -> all.add(new Tombstone(Tombstone.Scheme.SALTED, salt, fp, stageIds.get(stage))));
    new TreeMap<>(keyed)
        .forEach((fp, stage) -> all.add(new Tombstone(Tombstone.Scheme.KEYED, keyCheck, fp, stageIds.get(stage))));
    return all;
  }
}
