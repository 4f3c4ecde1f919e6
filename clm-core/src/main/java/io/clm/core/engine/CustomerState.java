package io.clm.core.engine;

import io.clm.api.ClmException;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.CustomerMetrics;
import io.clm.api.InvalidEventException;
import io.clm.api.MetricsSnapshot;
import io.clm.api.StageChange;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One customer's mutable state: stage, stage timing, metrics, history and seen event ids, in
 * primitive fields and small lazily allocated arrays. Every metric is an order-independent
 * aggregate. Guarded by the engine's per-customer lock (this object's monitor plus {@link
 * #claimed}); never shared outside the engine.
 */
final class CustomerState implements CustomerMetrics {
  static final byte NEW = 0;
  static final byte LIVE = 1;
  static final byte DEAD = 2;

  private static final ProductType[] PRODUCTS = ProductType.values();
  private static final Attribute[] ATTRIBUTES = Attribute.values();
  private static final Purpose[] PURPOSES = Purpose.values();

  static {
    if (ATTRIBUTES.length > 31 || PRODUCTS.length > 31) {
      throw new ExceptionInInitializerError("attribute and product sets must fit an int mask");
    }
  }
  /**
   * Per product four longs: the debit and credit counts packed (debit in the high 32 bits), debit
   * minor, credit minor, and the opened and closed counts packed (opened in the high 32 bits).
   * Counts are kept within {@code 0..Integer.MAX_VALUE}.
   */
  private static final int SLOTS = 4;
  /** Largest count kept per product and direction. */
  static final long MAX_COUNT = Integer.MAX_VALUE;

  final CustomerId id;
  final Shape shape;

  byte status = NEW;
  boolean claimed;
  short stage;
  int cycle;
  /** The customer's time: the latest event timestamp. */
  long time = NONE;
  long firstSeen = NONE;
  long firstTransaction = NONE;
  long lastTransaction = NONE;
  long stageEnteredAt;
  long transactionsInStage;
  long digital;
  long interactions;
  long lastInteraction = NONE;

  /** The latest three windows with transactions, window0 the latest. */
  byte windowCount;
  int window0;
  int window1;
  int window2;
  long volume0;
  long volume1;
  long volume2;

  int productMask;
  long[] products;
  Extras extras;
  /**
   * Completed millis per stage index, -1 for a stage never left; null until the first move, and
   * only as long as the highest stage index left.
   */
  long[] completed;
  StageChange[] history;

  /** Open-addressing set of event id fingerprints (0 = empty slot). */
  long[] seen;
  /** Timestamps parallel to {@link #seen}, only with a deduplication window. */
  long[] seenAt;
  int seenCount;

  /** Next instant a time-driven rule can fire, and the earliest entry queued in the due index. */
  long due = Long.MAX_VALUE;
  long queued = Long.MAX_VALUE;
  /** This customer's slot in the due index, -1 when not queued; written under the index's lock. */
  int heapIndex = -1;

  CustomerState(CustomerId id, Shape shape) {
    this.id = id;
    this.shape = shape;
  }

  /** Rarely used facts, allocated on first use. */
  static final class Extras {
    int surveys;
    long satisfactionSum;
    int lastSatisfaction = -1;
    long lastSurveyAt = NONE;
    long relationshipClosedAt = NONE;
    boolean debtsSettled;
    /** Attributes held (bit = ordinal); the three arrays hold only those, in ordinal order. */
    int attributeMask;
    BigDecimal[] attributeValues;
    double[] attributeDoubles;
    long[] attributeAt;
    long[] consentAt;
    boolean[] consentGranted;
    /** Sorted by complaint id. */
    ArrayList<Complaint> complaints;

    Extras copy() {
      Extras e = new Extras();
      e.surveys = surveys;
      e.attributeMask = attributeMask;
      e.satisfactionSum = satisfactionSum;
      e.lastSatisfaction = lastSatisfaction;
      e.lastSurveyAt = lastSurveyAt;
      e.relationshipClosedAt = relationshipClosedAt;
      e.debtsSettled = debtsSettled;
      if (attributeValues != null) {
        e.attributeValues = attributeValues.clone();
        e.attributeDoubles = attributeDoubles.clone();
        e.attributeAt = attributeAt.clone();
      }
      if (consentAt != null) {
        e.consentAt = consentAt.clone();
        e.consentGranted = consentGranted.clone();
      }
      if (complaints != null) {
        e.complaints = new ArrayList<>(complaints.size());
        for (Complaint c : complaints) {
          e.complaints.add(c.copy());
        }
      }
      return e;
    }
  }

  /**
   * One complaint: open while its latest open is later than its latest resolution. A resolution
   * that arrives before its open counts as a complaint opened elsewhere, severity NORMAL until the
   * open arrives.
   */
  static final class Complaint {
    final String id;
    Severity severity = Severity.NORMAL;
    long openedAt = NONE;
    long resolvedAt = NONE;
    boolean accepted;

    Complaint(String id) {
      this.id = id;
    }

    boolean open() {
      return openedAt != NONE && openedAt > resolvedAt;
    }

    Complaint copy() {
      Complaint c = new Complaint(id);
      c.severity = severity;
      c.openedAt = openedAt;
      c.resolvedAt = resolvedAt;
      c.accepted = accepted;
      return c;
    }
  }

  // ---------------------------------------------------------------- applying events

  /** Starts a customer never seen before, in stage {@code initial} at {@code at}. */
  void initFresh(int initial, long at) {
    stage = (short) initial;
    firstSeen = at;
    time = at;
    stageEnteredAt = at;
  }

  /**
   * Checks what could fail before anything changes: sums that would overflow.
   *
   * @return a transaction's amount in minor units, else 0
   * @throws InvalidEventException naming the event
   */
  long precheck(Event event, long at) {
    if (event instanceof Transaction) {
      Transaction t = (Transaction) event;
      long minor = t.amount().minorUnits();
      int slot = productSlot(t.product().ordinal());
      boolean debit = t.direction() == Direction.DEBIT;
      long sum = slot < 0 ? 0 : products[slot + (debit ? 1 : 2)];
      if (slot >= 0 && (debit ? high(products[slot]) : low(products[slot])) >= MAX_COUNT) {
        throw new InvalidEventException(
            "transaction count of " + t.product() + " overflows the customer's totals in event '" + t.id() + "'");
      }
      int w = windowOf(at);
      try {
        Math.addExact(sum, minor);
        Math.addExact(windowVolumeMinor(w), minor);
      } catch (ArithmeticException e) {
        throw new InvalidEventException(
            "amount " + t.amount() + " overflows the customer's totals in event '" + t.id() + "'");
      }
      return minor;
    }
    if (event instanceof ProductOpened || event instanceof ProductClosed) {
      boolean opened = event instanceof ProductOpened;
      ProductType product =
          opened ? ((ProductOpened) event).product() : ((ProductClosed) event).product();
      int slot = productSlot(product.ordinal());
      if (slot >= 0 && (opened ? high(products[slot + 3]) : low(products[slot + 3])) >= MAX_COUNT) {
        throw new InvalidEventException(
            "product count of " + product + " overflows the customer's totals in event '" + event.id() + "'");
      }
    }
    return 0;
  }

  private static long high(long packed) {
    return packed >>> 32;
  }

  private static long low(long packed) {
    return packed & 0xffff_ffffL;
  }

  /** Applies an event's facts (not its stage effect). The event was checked by {@link #precheck}. */
  void record(Event event, long at, long minor) {
    if (at > time) {
      time = at;
    }
    if (firstSeen == NONE || at < firstSeen) {
      firstSeen = at;
    }
    if (event instanceof Transaction) {
      transaction((Transaction) event, at, minor);
    } else if (event instanceof Interaction) {
      interaction((Interaction) event, at);
    } else if (event instanceof ProductOpened) {
      int slot = ensureProduct(((ProductOpened) event).product().ordinal());
      products[slot + 3] += 1L << 32;
    } else if (event instanceof ProductClosed) {
      int slot = ensureProduct(((ProductClosed) event).product().ordinal());
      products[slot + 3]++;
    } else if (event instanceof ComplaintOpened) {
      ComplaintOpened c = (ComplaintOpened) event;
      Complaint complaint = complaint(c.complaintId());
      if (at > complaint.openedAt) {
        complaint.openedAt = at;
        complaint.severity = c.severity();
      } else if (at == complaint.openedAt && c.severity() == Severity.URGENT) {
        complaint.severity = Severity.URGENT;
      }
    } else if (event instanceof ComplaintResolved) {
      ComplaintResolved r = (ComplaintResolved) event;
      Complaint complaint = complaint(r.complaintId());
      if (at > complaint.resolvedAt) {
        complaint.resolvedAt = at;
        complaint.accepted = r.accepted();
      } else if (at == complaint.resolvedAt) {
        complaint.accepted &= r.accepted();
      }
    } else if (event instanceof RelationshipClosed) {
      RelationshipClosed r = (RelationshipClosed) event;
      Extras x = extras();
      if (at > x.relationshipClosedAt) {
        x.relationshipClosedAt = at;
        x.debtsSettled = r.debtsSettled();
      } else if (at == x.relationshipClosedAt) {
        x.debtsSettled &= r.debtsSettled();
      }
    } else if (event instanceof AttributeUpdate) {
      AttributeUpdate u = (AttributeUpdate) event;
      setAttribute(u.attribute(), u.value(), at);
    } else if (event instanceof ConsentChange) {
      ConsentChange c = (ConsentChange) event;
      setConsent(c.purpose(), c.granted(), at);
    }
    // ManualMove: only its time counts here; the engine moves the stage.
  }

  private void transaction(Transaction t, long at, long minor) {
    int slot = ensureProduct(t.product().ordinal());
    if (t.direction() == Direction.DEBIT) {
      products[slot] += 1L << 32;
      products[slot + 1] += minor;
    } else {
      products[slot]++;
      products[slot + 2] += minor;
    }
    if (t.channel().isDigital()) {
      digital++;
    }
    if (firstTransaction == NONE || at < firstTransaction) {
      firstTransaction = at;
    }
    if (at > lastTransaction) {
      lastTransaction = at;
    }
    transactionsInStage++;
    addVolume(windowOf(at), minor);
  }

  private void interaction(Interaction i, long at) {
    interactions++;
    if (at > lastInteraction) {
      lastInteraction = at;
    }
    if (i.kind() == InteractionKind.SURVEY) {
      Extras x = extras();
      int score = i.satisfaction();
      x.surveys++;
      x.satisfactionSum += score;
      if (at > x.lastSurveyAt) {
        x.lastSurveyAt = at;
        x.lastSatisfaction = score;
      } else if (at == x.lastSurveyAt && score < x.lastSatisfaction) {
        x.lastSatisfaction = score;
      }
    }
  }

  void setAttribute(Attribute attribute, BigDecimal value, long at) {
    Extras x = extras();
    int ordinal = attribute.ordinal();
    int i = attributeSlot(x, ordinal);
    if (i < 0) {
      i = Integer.bitCount(x.attributeMask & ((1 << ordinal) - 1));
      int n = x.attributeValues == null ? 0 : x.attributeValues.length;
      BigDecimal[] values = new BigDecimal[n + 1];
      double[] doubles = new double[n + 1];
      long[] ats = new long[n + 1];
      if (n > 0) {
        System.arraycopy(x.attributeValues, 0, values, 0, i);
        System.arraycopy(x.attributeValues, i, values, i + 1, n - i);
        System.arraycopy(x.attributeDoubles, 0, doubles, 0, i);
        System.arraycopy(x.attributeDoubles, i, doubles, i + 1, n - i);
        System.arraycopy(x.attributeAt, 0, ats, 0, i);
        System.arraycopy(x.attributeAt, i, ats, i + 1, n - i);
      }
      ats[i] = NONE;
      x.attributeValues = values;
      x.attributeDoubles = doubles;
      x.attributeAt = ats;
      x.attributeMask |= 1 << ordinal;
    }
    BigDecimal old = x.attributeValues[i];
    if (old == null
        || at > x.attributeAt[i]
        || (at == x.attributeAt[i] && value.compareTo(old) > 0)) {
      x.attributeValues[i] = value;
      x.attributeDoubles[i] = value.doubleValue();
      x.attributeAt[i] = at;
    }
  }

  /** The attribute's index in the extras' arrays, or -1 when it was never set. */
  private static int attributeSlot(Extras x, int ordinal) {
    if ((x.attributeMask & (1 << ordinal)) == 0) {
      return -1;
    }
    return Integer.bitCount(x.attributeMask & ((1 << ordinal) - 1));
  }

  void setConsent(Purpose purpose, boolean granted, long at) {
    Extras x = extras();
    if (x.consentAt == null) {
      x.consentAt = new long[PURPOSES.length];
      x.consentGranted = new boolean[PURPOSES.length];
      Arrays.fill(x.consentAt, NONE);
    }
    int i = purpose.ordinal();
    if (at > x.consentAt[i]) {
      x.consentAt[i] = at;
      x.consentGranted[i] = granted;
    } else if (at == x.consentAt[i]) {
      x.consentGranted[i] &= granted;
    }
  }

  int windowOf(long at) {
    return (int) Math.floorDiv(at, shape.trendWindowMillis);
  }

  void addVolume(int w, long v) {
    if (windowCount > 0 && w == window0) {
      volume0 += v;
    } else if (windowCount > 1 && w == window1) {
      volume1 += v;
    } else if (windowCount > 2 && w == window2) {
      volume2 += v;
    } else if (windowCount == 3 && w < window2) {
      // older than the three windows kept: not part of the trend
    } else {
      if (windowCount == 0 || w > window0) {
        window2 = window1;
        volume2 = volume1;
        window1 = window0;
        volume1 = volume0;
        window0 = w;
        volume0 = v;
      } else if (windowCount == 1 || w > window1) {
        window2 = window1;
        volume2 = volume1;
        window1 = w;
        volume1 = v;
      } else {
        window2 = w;
        volume2 = v;
      }
      if (windowCount < 3) {
        windowCount++;
      }
    }
  }

  Extras extras() {
    if (extras == null) {
      extras = new Extras();
    }
    return extras;
  }

  Complaint complaint(String complaintId) {
    Extras x = extras();
    if (x.complaints == null) {
      x.complaints = new ArrayList<>(2);
    }
    int i = findComplaint(x.complaints, complaintId);
    if (i >= 0) {
      return x.complaints.get(i);
    }
    Complaint c = new Complaint(complaintId);
    x.complaints.add(-i - 1, c);
    return c;
  }

  private static int findComplaint(List<Complaint> list, String complaintId) {
    int lo = 0;
    int hi = list.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int cmp = list.get(mid).id.compareTo(complaintId);
      if (cmp < 0) {
        lo = mid + 1;
      } else if (cmp > 0) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -(lo + 1);
  }

  private int productSlot(int ordinal) {
    if ((productMask & (1 << ordinal)) == 0) {
      return -1;
    }
    return Integer.bitCount(productMask & ((1 << ordinal) - 1)) * SLOTS;
  }

  int ensureProduct(int ordinal) {
    int slot = productSlot(ordinal);
    if (slot >= 0) {
      return slot;
    }
    int at = Integer.bitCount(productMask & ((1 << ordinal) - 1)) * SLOTS;
    long[] grown = new long[(products == null ? 0 : products.length) + SLOTS];
    if (products != null) {
      System.arraycopy(products, 0, grown, 0, at);
      System.arraycopy(products, at, grown, at + SLOTS, products.length - at);
    }
    products = grown;
    productMask |= 1 << ordinal;
    return at;
  }

  // ---------------------------------------------------------------- stage

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
    int n = history == null ? 0 : history.length;
    StageChange[] grown = history == null ? new StageChange[1] : Arrays.copyOf(history, n + 1);
    grown[n] = change;
    history = grown;
  }

  List<StageChange> historyList() {
    return history == null ? List.of() : List.of(history);
  }

  // ---------------------------------------------------------------- seen event ids

  boolean seenContains(long fp) {
    if (seen == null) {
      return false;
    }
    int mask = seen.length - 1;
    int i = mix(fp) & mask;
    while (true) {
      long k = seen[i];
      if (k == 0) {
        return false;
      }
      if (k == fp) {
        return true;
      }
      i = (i + 1) & mask;
    }
  }

  /**
   * Remembers a fingerprint. With a deduplication window, entries older than {@code cutoff} are
   * dropped whenever the table would otherwise grow.
   */
  void seenAdd(long fp, long at, long cutoff) {
    boolean timed = shape.dedupWindowMillis >= 0;
    if (seen == null) {
      seen = new long[4];
      seenAt = timed ? new long[4] : null;
    } else if (seenFull(seenCount + 1, seen.length)) {
      rebuildSeen(timed ? cutoff : NONE);
    }
    insertSeen(fp, at);
  }

  private void insertSeen(long fp, long at) {
    int mask = seen.length - 1;
    int i = mix(fp) & mask;
    while (seen[i] != 0) {
      if (seen[i] == fp) {
        return;
      }
      i = (i + 1) & mask;
    }
    seen[i] = fp;
    if (seenAt != null) {
      seenAt[i] = at;
    }
    seenCount++;
  }

  private void rebuildSeen(long cutoff) {
    long[] oldKeys = seen;
    long[] oldAt = seenAt;
    int live = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0 && (oldAt == null || oldAt[i] >= cutoff)) {
        live++;
      }
    }
    int capacity = 4;
    while (seenFull(live + 1, capacity)) {
      capacity <<= 1;
    }
    seen = new long[capacity];
    seenAt = oldAt == null ? null : new long[capacity];
    seenCount = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0 && (oldAt == null || oldAt[i] >= cutoff)) {
        insertSeen(oldKeys[i], oldAt == null ? 0 : oldAt[i]);
      }
    }
  }

  /**
   * Whether {@code count} fingerprints overfill a table of {@code capacity} slots: at most seven
   * eighths full (linear probing stays short at that load in tables this small, and most customers
   * keep tens of ids, not thousands).
   */
  private static boolean seenFull(int count, int capacity) {
    return count * 8L > capacity * 7L;
  }

  private static int mix(long fp) {
    long h = fp * 0x9e3779b97f4a7c15L;
    return (int) (h ^ (h >>> 32));
  }

  /** The remembered fingerprints and their timestamps (0 without a window), sorted by fingerprint. */
  long[][] seenSorted() {
    long[][] pairs = new long[seenCount][];
    int n = 0;
    if (seen != null) {
      for (int i = 0; i < seen.length; i++) {
        if (seen[i] != 0) {
          pairs[n++] = new long[] {seen[i], seenAt == null ? 0 : seenAt[i]};
        }
      }
    }
    Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
    return pairs;
  }

  // ---------------------------------------------------------------- copies

  CustomerState copy() {
    CustomerState c = new CustomerState(id, shape);
    c.copyFrom(this);
    c.claimed = false;
    return c;
  }

  /**
   * Takes over every field of {@code o} except the due index's ({@link #queued}, {@link
   * #heapIndex}); {@code o} must not be used afterwards.
   */
  void copyFrom(CustomerState o) {
    status = o.status;
    stage = o.stage;
    cycle = o.cycle;
    time = o.time;
    firstSeen = o.firstSeen;
    firstTransaction = o.firstTransaction;
    lastTransaction = o.lastTransaction;
    stageEnteredAt = o.stageEnteredAt;
    transactionsInStage = o.transactionsInStage;
    digital = o.digital;
    interactions = o.interactions;
    lastInteraction = o.lastInteraction;
    windowCount = o.windowCount;
    window0 = o.window0;
    window1 = o.window1;
    window2 = o.window2;
    volume0 = o.volume0;
    volume1 = o.volume1;
    volume2 = o.volume2;
    productMask = o.productMask;
    products = o.products == null ? null : o.products.clone();
    extras = o.extras == null ? null : o.extras.copy();
    completed = o.completed == null ? null : o.completed.clone();
    history = o.history;
    seen = o.seen == null ? null : o.seen.clone();
    seenAt = o.seenAt == null ? null : o.seenAt.clone();
    seenCount = o.seenCount;
    due = o.due;
  }

  /** Forgets everything personal (erasure). */
  void clear() {
    products = null;
    extras = null;
    completed = null;
    history = null;
    seen = null;
    seenAt = null;
    seenCount = 0;
  }

  // ---------------------------------------------------------------- views

  Customer toCustomer(List<String> stageIds) {
    Map<String, Long> done = new HashMap<>();
    if (completed != null) {
      for (int i = 0; i < completed.length; i++) {
        if (completed[i] >= 0) {
          done.put(stageIds.get(i), completed[i]);
        }
      }
    }
    return new Customer(id, stageIds.get(stage), cycle, toSnapshot(), done);
  }

  MetricsSnapshot toSnapshot() {
    List<MetricsSnapshot.ProductActivity> activities = new ArrayList<>();
    for (ProductType p : PRODUCTS) {
      int slot = productSlot(p.ordinal());
      if (slot >= 0) {
        activities.add(
            new MetricsSnapshot.ProductActivity(
                p,
                high(products[slot]),
                products[slot + 1],
                low(products[slot]),
                products[slot + 2],
                (int) high(products[slot + 3]),
                (int) low(products[slot + 3])));
      }
    }
    List<MetricsSnapshot.WindowVolume> windows = new ArrayList<>();
    if (windowCount > 2) {
      windows.add(new MetricsSnapshot.WindowVolume(window2, volume2));
    }
    if (windowCount > 1) {
      windows.add(new MetricsSnapshot.WindowVolume(window1, volume1));
    }
    if (windowCount > 0) {
      windows.add(new MetricsSnapshot.WindowVolume(window0, volume0));
    }
    Extras x = extras != null ? extras : new Extras();
    List<MetricsSnapshot.ComplaintRecord> complaints = new ArrayList<>();
    if (x.complaints != null) {
      for (Complaint c : x.complaints) {
        boolean open = c.open();
        complaints.add(
            new MetricsSnapshot.ComplaintRecord(c.id, c.severity, open, open ? null : c.accepted));
      }
    }
    Map<Attribute, MetricsSnapshot.AttributeValue> attributes = new EnumMap<>(Attribute.class);
    if (x.attributeValues != null) {
      for (Attribute a : ATTRIBUTES) {
        int i = attributeSlot(x, a.ordinal());
        if (i >= 0) {
          attributes.put(a, new MetricsSnapshot.AttributeValue(x.attributeValues[i], x.attributeAt[i]));
        }
      }
    }
    Map<Purpose, MetricsSnapshot.ConsentValue> consents = new EnumMap<>(Purpose.class);
    if (x.consentAt != null) {
      for (Purpose p : PURPOSES) {
        if (x.consentAt[p.ordinal()] != NONE) {
          consents.put(
              p,
              new MetricsSnapshot.ConsentValue(x.consentGranted[p.ordinal()], x.consentAt[p.ordinal()]));
        }
      }
    }
    return new MetricsSnapshot(
        shape.currency,
        firstSeen,
        activities,
        digital,
        firstTransaction,
        lastTransaction,
        shape.trendWindowMillis,
        windows,
        interactions,
        lastInteraction,
        x.surveys,
        x.satisfactionSum,
        x.lastSatisfaction,
        x.lastSurveyAt,
        complaints,
        attributes,
        consents,
        x.relationshipClosedAt,
        x.debtsSettled,
        stageEnteredAt,
        transactionsInStage);
  }

  /**
   * Restores from a stored customer. {@code complaintTimes} maps complaint ids to their latest open
   * and resolution instants; when absent (a store), an open complaint is taken as opened at the
   * customer's time and a resolved one as resolved then.
   */
  void restore(
      Customer c, int stageIndex, long customerTime, Map<String, long[]> complaintTimes, List<String> stageIds) {
    MetricsSnapshot m = c.metrics();
    stage = (short) stageIndex;
    cycle = c.cycle();
    time = customerTime;
    firstSeen = m.firstSeen();
    firstTransaction = m.firstTransaction();
    lastTransaction = m.lastTransaction();
    stageEnteredAt = m.stageEnteredAt();
    transactionsInStage = m.transactionsInStage();
    digital = m.digitalTransactions();
    interactions = m.interactions();
    lastInteraction = m.lastInteraction();
    windowCount = 0;
    for (MetricsSnapshot.WindowVolume w : m.windows()) {
      addVolume(Math.toIntExact(w.window()), w.volumeMinor());
    }
    productMask = 0;
    products = null;
    for (MetricsSnapshot.ProductActivity p : m.products()) {
      int slot = ensureProduct(p.product().ordinal());
      if (p.debitCount() > MAX_COUNT || p.creditCount() > MAX_COUNT) {
        throw new ClmException(
            "customer " + c.id().masked() + " has more than " + MAX_COUNT + " transactions of " + p.product());
      }
      products[slot] = (p.debitCount() << 32) | p.creditCount();
      products[slot + 1] = p.debitMinor();
      products[slot + 2] = p.creditMinor();
      products[slot + 3] = ((long) p.opened() << 32) | p.closed();
    }
    extras = null;
    if (m.surveys() > 0 || m.lastSurveyAt() != NONE) {
      Extras x = extras();
      x.surveys = m.surveys();
      x.satisfactionSum = m.satisfactionSum();
      x.lastSatisfaction = m.lastSatisfaction();
      x.lastSurveyAt = m.lastSurveyAt();
    }
    if (m.relationshipClosedAt() != NONE || m.debtsSettled()) {
      extras().relationshipClosedAt = m.relationshipClosedAt();
      extras().debtsSettled = m.debtsSettled();
    }
    m.attributes().forEach((a, v) -> setAttribute(a, v.value(), v.at()));
    m.consents().forEach((p, v) -> setConsent(p, v.granted(), v.at()));
    for (MetricsSnapshot.ComplaintRecord r : m.complaints()) {
      Complaint k = complaint(r.complaintId());
      k.severity = r.severity();
      long[] times = complaintTimes == null ? null : complaintTimes.get(r.complaintId());
      if (times != null) {
        k.openedAt = times[0];
        k.resolvedAt = times[1];
      } else if (r.open()) {
        k.openedAt = customerTime;
      } else {
        k.resolvedAt = customerTime;
      }
      k.accepted = r.accepted() != null && r.accepted();
    }
    completed = null;
    c.completedStageMillis()
        .forEach(
            (stageId, millis) -> {
              int index = stageIds.indexOf(stageId);
              ensureCompleted(index);
              completed[index] = millis;
            });
  }

  /** Complaint ids to {openedAt, resolvedAt}, for snapshots. */
  Map<String, long[]> complaintTimes() {
    Map<String, long[]> times = new HashMap<>();
    if (extras != null && extras.complaints != null) {
      for (Complaint c : extras.complaints) {
        times.put(c.id, new long[] {c.openedAt, c.resolvedAt});
      }
    }
    return times;
  }

  // ---------------------------------------------------------------- CustomerMetrics

  @Override
  public Currency currency() {
    return shape.currency;
  }

  @Override
  public long firstSeen() {
    return firstSeen;
  }

  @Override
  public long transactionCount(ProductType product, Direction direction) {
    int slot = productSlot(product.ordinal());
    if (slot < 0) {
      return 0;
    }
    return direction == Direction.DEBIT ? high(products[slot]) : low(products[slot]);
  }

  @Override
  public long transactionMinor(ProductType product, Direction direction) {
    int slot = productSlot(product.ordinal());
    return slot < 0 ? 0 : products[slot + (direction == Direction.DEBIT ? 1 : 2)];
  }

  @Override
  public long transactionCount(Direction direction) {
    long sum = 0;
    if (products != null) {
      boolean debit = direction == Direction.DEBIT;
      for (int slot = 0; slot < products.length; slot += SLOTS) {
        sum += debit ? high(products[slot]) : low(products[slot]);
      }
    }
    return sum;
  }

  @Override
  public long transactionMinor(Direction direction) {
    long sum = 0;
    if (products != null) {
      int offset = direction == Direction.DEBIT ? 1 : 2;
      for (int slot = 0; slot < products.length; slot += SLOTS) {
        sum += products[slot + offset];
      }
    }
    return sum;
  }

  @Override
  public long digitalTransactionCount() {
    return digital;
  }

  @Override
  public long firstTransaction() {
    return firstTransaction;
  }

  @Override
  public long lastTransaction() {
    return lastTransaction;
  }

  @Override
  public long trendWindowMillis() {
    return shape.trendWindowMillis;
  }

  @Override
  public long windowVolumeMinor(long window) {
    if (windowCount > 0 && window == window0) {
      return volume0;
    }
    if (windowCount > 1 && window == window1) {
      return volume1;
    }
    if (windowCount > 2 && window == window2) {
      return volume2;
    }
    return 0;
  }

  @Override
  public int productsOpened(ProductType product) {
    int slot = productSlot(product.ordinal());
    return slot < 0 ? 0 : (int) high(products[slot + 3]);
  }

  @Override
  public int productsClosed(ProductType product) {
    int slot = productSlot(product.ordinal());
    return slot < 0 ? 0 : (int) low(products[slot + 3]);
  }

  @Override
  public long interactionCount() {
    return interactions;
  }

  @Override
  public long lastInteraction() {
    return lastInteraction;
  }

  @Override
  public int surveyCount() {
    return extras == null ? 0 : extras.surveys;
  }

  @Override
  public long satisfactionSum() {
    return extras == null ? 0 : extras.satisfactionSum;
  }

  @Override
  public int lastSatisfaction() {
    return extras == null ? -1 : extras.lastSatisfaction;
  }

  @Override
  public int complaintsOpened() {
    return extras == null || extras.complaints == null ? 0 : extras.complaints.size();
  }

  @Override
  public int openComplaints() {
    return countComplaints(0);
  }

  @Override
  public int openUrgentComplaints() {
    return countComplaints(1);
  }

  @Override
  public int acceptedResolutions() {
    return countComplaints(2);
  }

  @Override
  public int rejectedResolutions() {
    return countComplaints(3);
  }

  private int countComplaints(int what) {
    if (extras == null || extras.complaints == null) {
      return 0;
    }
    int n = 0;
    for (Complaint c : extras.complaints) {
      boolean open = c.open();
      boolean hit;
      switch (what) {
        case 0:
          hit = open;
          break;
        case 1:
          hit = open && c.severity == Severity.URGENT;
          break;
        case 2:
          hit = !open && c.accepted;
          break;
        default:
          hit = !open && !c.accepted;
          break;
      }
      n += hit ? 1 : 0;
    }
    return n;
  }

  @Override
  public double attribute(Attribute attribute) {
    if (extras == null) {
      return Double.NaN;
    }
    int i = attributeSlot(extras, attribute.ordinal());
    return i < 0 ? Double.NaN : extras.attributeDoubles[i];
  }

  @Override
  public boolean consents(Purpose purpose) {
    return extras != null && extras.consentGranted != null && extras.consentGranted[purpose.ordinal()];
  }

  @Override
  public long relationshipClosedAt() {
    return extras == null ? NONE : extras.relationshipClosedAt;
  }

  @Override
  public boolean debtsSettled() {
    return extras != null && extras.debtsSettled;
  }

  @Override
  public long stageEnteredAt() {
    return stageEnteredAt;
  }

  @Override
  public long transactionsInStage() {
    return transactionsInStage;
  }

  /** The masked id only. */
  @Override
  public String toString() {
    return "CustomerState[" + id.masked() + "]";
  }
}
