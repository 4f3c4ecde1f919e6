package io.clm.core.engine;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.StageChange;
import java.util.Arrays;
import java.util.List;

/**
 * One customer's mutable state: its {@link Facts}, its stage and stage timing, its history, its
 * seen event ids ({@link SeenIds}) and its place in the due index ({@link DueIndex}). Guarded by
 * the engine's lock of the customer; never shared outside the engine.
 */
final class CustomerState extends Facts {
  /**
   * The customer's id in two words ({@link IdWords}) when it fits them; then {@link #unpackedId} is
   * null. Otherwise both words are 0 and {@link #unpackedId} holds the id.
   */
  private final long idWord0;
  private final long idWord1;
  private final CustomerId unpackedId;

  short stage;
  int cycle;
  /**
   * Completed millis per stage index, -1 for a stage never left; null until the first move, and
   * only as long as the highest stage index left.
   */
  long[] completed;
  /** The stage history, compact, see {@link History}; null while empty. */
  long[] history;
  /**
   * The number of changes in {@link #history}, kept so that telling whether an event moved the
   * customer reads no history.
   */
  int historySize;
  /** The changes of {@link #history} kept as objects (manual moves); null while there are none. */
  StageChange[] otherChanges;

  /** The seen event ids, see {@link SeenIds}. */
  long[] seen;
  int seenCount;
  /**
   * The size class of {@link #seen}, which gives its number of slots ({@link SeenIds#slots}), so
   * that a probe can read its slot without first reading the array's length (which may sit on
   * another cache line) and without a division. A byte, so that it fills a gap in the object.
   */
  byte seenSize;

  /** Next instant a time-driven rule can fire, and the earliest entry queued in the due index. */
  long due = Long.MAX_VALUE;
  long queued = Long.MAX_VALUE;
  /** This customer's slot in the due index, -1 when not queued; written under the index's lock. */
  int heapIndex = -1;

  CustomerState(CustomerId id, Shape shape) {
    super(shape);
    String text = id.value();
    boolean packed = IdWords.fits(text);
    idWord0 = packed ? IdWords.word(text, 0) : 0;
    idWord1 = packed ? IdWords.word(text, 1) : 0;
    unpackedId = packed ? null : id;
  }

  /** The customer's id; a new object each time for an id held in words. */
  CustomerId id() {
    return unpackedId != null ? unpackedId : CustomerId.of(IdWords.text(idWord0, idWord1));
  }

  /** Whether this is the customer {@code id}; reads no object but {@code id}'s string. */
  boolean hasId(CustomerId id) {
    return unpackedId != null ? unpackedId.equals(id) : IdWords.matches(idWord0, idWord1, id.value());
  }

  /** Whether {@code other} has the same id. */
  boolean sameId(CustomerState other) {
    return unpackedId != null
        ? unpackedId.equals(other.unpackedId)
        : other.unpackedId == null && idWord0 == other.idWord0 && idWord1 == other.idWord1;
  }

  /** The hash of the id's text ({@link String#hashCode()}), without building the id. */
  int idHash() {
    return unpackedId != null ? unpackedId.value().hashCode() : IdWords.hash(idWord0, idWord1);
  }

  /** Orders customers by id as {@link CustomerId#compareTo} does, building no id when both fit. */
  static int compareIds(CustomerState a, CustomerState b) {
    if (a.unpackedId != null || b.unpackedId != null) {
      return a.id().compareTo(b.id());
    }
    int c = Long.compareUnsigned(a.idWord0, b.idWord0);
    return c != 0 ? c : Long.compareUnsigned(a.idWord1, b.idWord1);
  }

  /** A state with the id of {@code other} and nothing else of it. */
  private CustomerState(CustomerState other) {
    super(other.shape);
    idWord0 = other.idWord0;
    idWord1 = other.idWord1;
    unpackedId = other.unpackedId;
  }

  /**
   * Starts a customer never seen before, in stage {@code initial} at {@code at}. Its {@link #time}
   * stays {@link #NONE} until its first event: a registration is no event, so the deduplication
   * window, which counts back from the latest event, does not count back from it.
   */
  void initFresh(int initial, long at) {
    stage = (short) initial;
    firstSeen = at;
    stageEnteredAt = at;
  }

  /**
   * Finishes a customer read from a store or a snapshot, once its seen events are in: one without
   * any has had no event (a window never drops the latest), so its time is {@link #NONE}, whatever
   * records of earlier versions, which gave a registration's instant, say.
   */
  void seenRestored() {
    if (seenCount == 0) {
      time = NONE;
    }
  }

  /** Moves to stage {@code to} at {@code at}, keeping the time spent in the stage left. */
  void moveTo(int to, long at, boolean leavingTerminal) {
    ensureCompleted(stage);
    long spent = Math.max(0, at - stageEnteredAt);
    completed[stage] = completed[stage] < 0 ? spent : completed[stage] + spent;
    stage = (short) to;
    stageEnteredAt = at;
    transactionsInStage = 0;
    if (leavingTerminal) {
      cycle++;
    }
  }

  /** Grows {@link #completed} to hold stage index {@code index}; it is only as long as needed. */
  void ensureCompleted(int index) {
    int n = completed == null ? 0 : completed.length;
    if (index < n) {
      return;
    }
    long[] grown = completed == null ? new long[index + 1] : Arrays.copyOf(completed, index + 1);
    Arrays.fill(grown, n, index + 1, -1);
    completed = grown;
  }

  void append(StageChange change) {
    History.append(this, change);
  }

  List<StageChange> historyList() {
    List<StageChange> all = History.since(this, 0, id());
    return all == null ? List.of() : all;
  }

  int historySize() {
    return historySize;
  }

  /**
   * The stage changes after the first {@code before}, or null if there are none; {@code id} is
   * this customer's id, which the caller has at hand.
   */
  List<StageChange> historySince(int before, CustomerId id) {
    return History.since(this, before, id);
  }

  CustomerState copy() {
    CustomerState c = new CustomerState(this);
    c.copyFrom(this);
    return c;
  }

  /**
   * Takes over every field of {@code o} except the due index's ({@link #queued}, {@link
   * #heapIndex}); {@code o} must not be used afterwards.
   */
  void copyFrom(CustomerState o) {
    copyFactsFrom(o);
    stage = o.stage;
    cycle = o.cycle;
    completed = o.completed == null ? null : o.completed.clone();
    history = o.history;
    historySize = o.historySize;
    otherChanges = o.otherChanges;
    seen = o.seen == null ? null : o.seen.clone();
    seenCount = o.seenCount;
    seenSize = o.seenSize;
    due = o.due;
  }

  /** Forgets everything personal (erasure). */
  void clear() {
    products = null;
    extras = null;
    completed = null;
    history = null;
    historySize = 0;
    otherChanges = null;
    seen = null;
    seenCount = 0;
    seenSize = 0;
  }

  Customer toCustomer(List<String> stageIds) {
    return CustomerViews.customer(this, stageIds);
  }

  /** The masked id only. */
  @Override
  public String toString() {
    return "CustomerState[" + id().masked() + "]";
  }
}
