package io.clm.core.engine;

import io.clm.api.CustomerMetrics;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.Severity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A customer's facts: the order-independent aggregates every metric reads, in primitive fields and
 * small lazily allocated arrays, and the {@link CustomerMetrics} view over them. The fold that
 * applies events to them is {@link FactFold}. Guarded by the engine's lock of the customer.
 */
class Facts implements CustomerMetrics {
  static final ProductType[] PRODUCTS = ProductType.values();
  static final Attribute[] ATTRIBUTES = Attribute.values();
  static final Purpose[] PURPOSES = Purpose.values();

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
  static final int SLOTS = 4;
  /** Largest count kept per product and direction. */
  static final long MAX_COUNT = Integer.MAX_VALUE;

  final Shape shape;

  /** The customer's time: the latest event timestamp, {@link #NONE} before the first event. */
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

  Facts(Shape shape) {
    this.shape = shape;
  }

  static long high(long packed) {
    return packed >>> 32;
  }

  static long low(long packed) {
    return packed & 0xffff_ffffL;
  }

  /**
   * Records a supplied attribute's value; the latest timestamp wins, at equal timestamps the larger
   * value, and of equal values the one written with more fraction digits ({@code 700.00} over
   * {@code 700}), so that the value kept does not depend on the arrival order. Returns these facts.
   */
  Facts setAttribute(Attribute attribute, BigDecimal value, long at) {
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
        || (at == x.attributeAt[i] && larger(value, old))) {
      x.attributeValues[i] = value;
      x.attributeDoubles[i] = value.doubleValue();
      x.attributeAt[i] = at;
    }
    return this;
  }

  /** Whether {@code value} wins a tie of timestamps over {@code old}: larger, or equal with more fraction digits. */
  private static boolean larger(BigDecimal value, BigDecimal old) {
    int c = value.compareTo(old);
    return c > 0 || (c == 0 && value.scale() > old.scale());
  }

  /** The attribute's index in the extras' arrays, or -1 when it was never set. */
  static int attributeSlot(Extras x, int ordinal) {
    if ((x.attributeMask & (1 << ordinal)) == 0) {
      return -1;
    }
    return Integer.bitCount(x.attributeMask & ((1 << ordinal) - 1));
  }

  /** Records a consent change; the latest timestamp wins, and a tie withholds. Returns these facts. */
  Facts setConsent(Purpose purpose, boolean granted, long at) {
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
    return this;
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

  int productSlot(int ordinal) {
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

  /** Takes over every fact of {@code o}, copying its arrays. */
  void copyFactsFrom(Facts o) {
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
  }

  /** Complaint ids to {openedAt, resolvedAt}: a view for comparing two states in tests of the codec. */
  Map<String, long[]> complaintTimes() {
    Map<String, long[]> times = new HashMap<>();
    if (extras != null && extras.complaints != null) {
      for (Complaint c : extras.complaints) {
        times.put(c.id, new long[] {c.openedAt, c.resolvedAt});
      }
    }
    return times;
  }


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
    return countComplaints(Complaint::open);
  }

  @Override
  public int openUrgentComplaints() {
    return countComplaints(c -> c.open() && c.severity == Severity.URGENT);
  }

  @Override
  public int acceptedResolutions() {
    return countComplaints(c -> !c.open() && c.accepted);
  }

  @Override
  public int rejectedResolutions() {
    return countComplaints(c -> !c.open() && !c.accepted);
  }

  private int countComplaints(Predicate<Complaint> counted) {
    if (extras == null || extras.complaints == null) {
      return 0;
    }
    int n = 0;
    for (Complaint c : extras.complaints) {
      n += counted.test(c) ? 1 : 0;
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
}
