package io.clm.api;

import io.clm.api.annotation.Stable;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable copy of a customer's {@link CustomerMetrics}: what {@code LifecycleEngine.customer()}
 * returns, what snapshots and stores persist, and what segmentation and retention read. It holds
 * every fact the engine keeps, so that a snapshot round trip is lossless. Build one for tests with
 * {@link #builder(Currency, Instant)}.
 *
 * @param currency the currency of all amounts
 * @param firstSeen epoch millis of the first event of any kind
 * @param products transaction and holding counts per product type that has any, ordered by type
 * @param digitalTransactions transactions made in digital channels
 * @param firstTransaction epoch millis, or {@link CustomerMetrics#NONE}
 * @param lastTransaction epoch millis, or {@link CustomerMetrics#NONE}
 * @param trendWindowMillis the trend window length, positive
 * @param windows volume of the latest (at most three) windows with transactions, ordered by window
 * @param interactions number of interactions
 * @param lastInteraction epoch millis, or {@link CustomerMetrics#NONE}
 * @param surveys number of survey answers
 * @param satisfactionSum sum of survey scores
 * @param lastSatisfaction the latest survey score, or -1
 * @param lastSurveyAt epoch millis of the latest survey, or {@link CustomerMetrics#NONE}
 * @param complaints every complaint the customer opened, ordered by complaint id
 * @param attributes the latest supplied value of each attribute
 * @param consents the latest consent decision per purpose
 * @param relationshipClosedAt epoch millis of the latest closure, or {@link CustomerMetrics#NONE}
 * @param debtsSettled whether debts were settled at the latest closure
 * @param stageEnteredAt epoch millis when the current stage was entered
 * @param transactionsInStage transactions since then
 */
@Stable
public record MetricsSnapshot(
    Currency currency,
    long firstSeen,
    List<ProductActivity> products,
    long digitalTransactions,
    long firstTransaction,
    long lastTransaction,
    long trendWindowMillis,
    List<WindowVolume> windows,
    long interactions,
    long lastInteraction,
    int surveys,
    long satisfactionSum,
    int lastSatisfaction,
    long lastSurveyAt,
    List<ComplaintRecord> complaints,
    Map<Attribute, AttributeValue> attributes,
    Map<Purpose, ConsentValue> consents,
    long relationshipClosedAt,
    boolean debtsSettled,
    long stageEnteredAt,
    long transactionsInStage)
    implements CustomerMetrics {

  /**
   * Validates and copies.
   *
   * @param currency the currency of all amounts
   * @param firstSeen epoch millis of the first event of any kind
   * @param products transaction and holding counts per product type that has any, ordered by type
   * @param digitalTransactions transactions made in digital channels
   * @param firstTransaction epoch millis, or {@link CustomerMetrics#NONE}
   * @param lastTransaction epoch millis, or {@link CustomerMetrics#NONE}
   * @param trendWindowMillis the trend window length, positive
   * @param windows volume of the latest (at most three) windows with transactions, ordered by window
   * @param interactions number of interactions
   * @param lastInteraction epoch millis, or {@link CustomerMetrics#NONE}
   * @param surveys number of survey answers
   * @param satisfactionSum sum of survey scores
   * @param lastSatisfaction the latest survey score, or -1
   * @param lastSurveyAt epoch millis of the latest survey, or {@link CustomerMetrics#NONE}
   * @param complaints every complaint the customer opened, ordered by complaint id
   * @param attributes the latest supplied value of each attribute
   * @param consents the latest consent decision per purpose
   * @param relationshipClosedAt epoch millis of the latest closure, or {@link CustomerMetrics#NONE}
   * @param debtsSettled whether debts were settled at the latest closure
   * @param stageEnteredAt epoch millis when the current stage was entered
   * @param transactionsInStage transactions since then
   * @throws NullPointerException if a component is null
   * @throws ValidationException if a count is negative, the window is not positive, a product type
   *     appears twice or there are more than three windows
   */
  public MetricsSnapshot {
    Objects.requireNonNull(currency, "currency");
    products = List.copyOf(products);
    windows = List.copyOf(windows);
    complaints = List.copyOf(complaints);
    attributes = Map.copyOf(attributes);
    consents = Map.copyOf(consents);
    nonNegative(digitalTransactions, "digitalTransactions");
    nonNegative(interactions, "interactions");
    nonNegative(surveys, "surveys");
    nonNegative(satisfactionSum, "satisfactionSum");
    nonNegative(transactionsInStage, "transactionsInStage");
    if (trendWindowMillis <= 0) {
      throw new ValidationException("trendWindowMillis " + trendWindowMillis + " is not positive");
    }
    if (windows.size() > 3) {
      throw new ValidationException("windows has " + windows.size() + " entries, at most 3 are kept");
    }
    if (lastSatisfaction < -1 || lastSatisfaction > 10) {
      throw new ValidationException("lastSatisfaction " + lastSatisfaction + " is outside -1..10");
    }
    if (products.stream().map(ProductActivity::product).distinct().count() != products.size()) {
      throw new ValidationException("products lists a product type twice");
    }
  }

  private static void nonNegative(long value, String field) {
    if (value < 0) {
      throw new ValidationException(field + " " + value + " is negative");
    }
  }

  /**
   * Transactions and holdings on one product type.
   *
   * @param product the product type
   * @param debitCount debit transactions
   * @param debitMinor debit amount, minor units
   * @param creditCount credit transactions
   * @param creditMinor credit amount, minor units
   * @param opened products of this type opened
   * @param closed products of this type closed
   */
  public record ProductActivity(
      ProductType product,
      long debitCount,
      long debitMinor,
      long creditCount,
      long creditMinor,
      int opened,
      int closed) {
    /**
     * Validates.
     *
     * @param product the product type
     * @param debitCount debit transactions
     * @param debitMinor debit amount, minor units
     * @param creditCount credit transactions
     * @param creditMinor credit amount, minor units
     * @param opened products of this type opened
     * @param closed products of this type closed
     */
    public ProductActivity {
      Objects.requireNonNull(product, "product");
      nonNegative(debitCount, "debitCount");
      nonNegative(debitMinor, "debitMinor");
      nonNegative(creditCount, "creditCount");
      nonNegative(creditMinor, "creditMinor");
      nonNegative(opened, "opened");
      nonNegative(closed, "closed");
    }
  }

  /**
   * Volume booked in one trend window.
   *
   * @param window the window number from the epoch
   * @param volumeMinor debits plus credits, minor units
   */
  public record WindowVolume(long window, long volumeMinor) {
    /**
     * Validates.
     *
     * @param window the window number from the epoch
     * @param volumeMinor debits plus credits, minor units
     */
    public WindowVolume {
      nonNegative(volumeMinor, "volumeMinor");
    }
  }

  /**
   * One complaint as the lifecycle engine sees it.
   *
   * @param complaintId the ticket id
   * @param severity its classification
   * @param open whether it is open now
   * @param accepted for a resolved complaint, whether the customer accepted the resolution; null
   *     while open
   */
  public record ComplaintRecord(String complaintId, Severity severity, boolean open, Boolean accepted) {
    /**
     * Validates.
     *
     * @param complaintId the ticket id
     * @param severity its classification
     * @param open whether it is open now
     * @param accepted for a resolved complaint, whether the customer accepted the resolution; null
     *     while open
     */
    public ComplaintRecord {
      Objects.requireNonNull(complaintId, "complaintId");
      Objects.requireNonNull(severity, "severity");
      if (open == (accepted != null)) {
        throw new ValidationException(
            "complaint " + TextRules.excerpt(complaintId) + ": an open complaint has no acceptance, a resolved one has one");
      }
    }
  }

  /**
   * A supplied attribute value and when it was measured.
   *
   * @param value the value (money in major units)
   * @param at epoch millis of the update that set it
   */
  public record AttributeValue(BigDecimal value, long at) {
    /**
     * Validates.
     *
     * @param value the value (money in major units)
     * @param at epoch millis of the update that set it
     */
    public AttributeValue {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A consent decision and when it was made.
   *
   * @param granted whether consent is given
   * @param at epoch millis of the decision
   */
  public record ConsentValue(boolean granted, long at) {}

  @Override
  public long firstSeen() {
    return firstSeen;
  }

  @Override
  public long transactionCount(ProductType product, Direction direction) {
    ProductActivity p = activity(product);
    return p == null ? 0 : direction == Direction.DEBIT ? p.debitCount() : p.creditCount();
  }

  @Override
  public long transactionMinor(ProductType product, Direction direction) {
    ProductActivity p = activity(product);
    return p == null ? 0 : direction == Direction.DEBIT ? p.debitMinor() : p.creditMinor();
  }

  @Override
  public long digitalTransactionCount() {
    return digitalTransactions;
  }

  @Override
  public long windowVolumeMinor(long window) {
    for (WindowVolume w : windows) {
      if (w.window() == window) {
        return w.volumeMinor();
      }
    }
    return 0;
  }

  @Override
  public int productsOpened(ProductType product) {
    ProductActivity p = activity(product);
    return p == null ? 0 : p.opened();
  }

  @Override
  public int productsClosed(ProductType product) {
    ProductActivity p = activity(product);
    return p == null ? 0 : p.closed();
  }

  @Override
  public long interactionCount() {
    return interactions;
  }

  @Override
  public int surveyCount() {
    return surveys;
  }

  @Override
  public int complaintsOpened() {
    return complaints.size();
  }

  @Override
  public int openComplaints() {
    return (int) complaints.stream().filter(ComplaintRecord::open).count();
  }

  @Override
  public int openUrgentComplaints() {
    return (int)
        complaints.stream().filter(c -> c.open() && c.severity() == Severity.URGENT).count();
  }

  @Override
  public int acceptedResolutions() {
    return (int) complaints.stream().filter(c -> Boolean.TRUE.equals(c.accepted())).count();
  }

  @Override
  public int rejectedResolutions() {
    return (int) complaints.stream().filter(c -> Boolean.FALSE.equals(c.accepted())).count();
  }

  @Override
  public double attribute(Attribute attribute) {
    AttributeValue v = attributes.get(attribute);
    return v == null ? Double.NaN : v.value().doubleValue();
  }

  @Override
  public boolean consents(Purpose purpose) {
    ConsentValue v = consents.get(purpose);
    return v != null && v.granted();
  }

  /** Returns a summary without personal data: the counts of transactions and complaints only. */
  @Override
  public String toString() {
    return "MetricsSnapshot[transactions="
        + (transactionCount(Direction.DEBIT) + transactionCount(Direction.CREDIT))
        + ", complaints="
        + complaints.size()
        + ", values redacted]";
  }

  private ProductActivity activity(ProductType product) {
    for (ProductActivity p : products) {
      if (p.product() == product) {
        return p;
      }
    }
    return null;
  }

  /**
   * A builder for tests and tools: starts from a customer seen at {@code firstSeen} with no
   * activity, in a stage entered at the same instant, with a 90-day trend window.
   *
   * @param currency the currency of all amounts
   * @param firstSeen when the customer was first seen
   * @return the builder
   */
  public static Builder builder(Currency currency, Instant firstSeen) {
    return new Builder(currency, firstSeen.toEpochMilli());
  }

  /** Builds a {@link MetricsSnapshot} fact by fact. Not thread-safe. */
  public static final class Builder {
    private final Currency currency;
    private final long firstSeen;
    private final Map<ProductType, long[]> products = new EnumMap<>(ProductType.class);
    private long digital;
    private long firstTransaction = NONE;
    private long lastTransaction = NONE;
    private long trendWindowMillis = 90 * Metric.DAY_MILLIS;
    private final List<WindowVolume> windows = new ArrayList<>();
    private long interactions;
    private long lastInteraction = NONE;
    private int surveys;
    private long satisfactionSum;
    private int lastSatisfaction = -1;
    private long lastSurveyAt = NONE;
    private final List<ComplaintRecord> complaints = new ArrayList<>();
    private final Map<Attribute, AttributeValue> attributes = new EnumMap<>(Attribute.class);
    private final Map<Purpose, ConsentValue> consents = new EnumMap<>(Purpose.class);
    private long relationshipClosedAt = NONE;
    private boolean debtsSettled;
    private long stageEnteredAt;
    private long transactionsInStage;

    private Builder(Currency currency, long firstSeen) {
      this.currency = Objects.requireNonNull(currency, "currency");
      this.firstSeen = firstSeen;
      this.stageEnteredAt = firstSeen;
    }

    /**
     * Adds transactions on a product.
     *
     * @param product the product type
     * @param direction the direction
     * @param count how many
     * @param minor their total, minor units
     * @return this builder
     */
    public Builder transactions(ProductType product, Direction direction, long count, long minor) {
      long[] p = products.computeIfAbsent(product, k -> new long[6]);
      int offset = direction == Direction.DEBIT ? 0 : 2;
      p[offset] += count;
      p[offset + 1] += minor;
      return this;
    }

    /**
     * Sets the first and last transaction instants.
     *
     * @param first the earliest transaction
     * @param last the latest transaction
     * @return this builder
     */
    public Builder transactedBetween(Instant first, Instant last) {
      this.firstTransaction = first.toEpochMilli();
      this.lastTransaction = last.toEpochMilli();
      return this;
    }

    /**
     * Sets how many transactions were digital.
     *
     * @param count the count
     * @return this builder
     */
    public Builder digitalTransactions(long count) {
      this.digital = count;
      return this;
    }

    /**
     * Sets the trend window length.
     *
     * @param millis the length, positive
     * @return this builder
     */
    public Builder trendWindowMillis(long millis) {
      this.trendWindowMillis = millis;
      return this;
    }

    /**
     * Records the volume of one trend window.
     *
     * @param window the window number
     * @param volumeMinor the volume, minor units
     * @return this builder
     */
    public Builder windowVolume(long window, long volumeMinor) {
      windows.add(new WindowVolume(window, volumeMinor));
      return this;
    }

    /**
     * Records products opened and closed.
     *
     * @param product the product type
     * @param opened how many were opened
     * @param closed how many were closed
     * @return this builder
     */
    public Builder products(ProductType product, int opened, int closed) {
      long[] p = products.computeIfAbsent(product, k -> new long[6]);
      p[4] += opened;
      p[5] += closed;
      return this;
    }

    /**
     * Sets the interaction count and the latest one.
     *
     * @param count the count
     * @param last the latest interaction
     * @return this builder
     */
    public Builder interactions(long count, Instant last) {
      this.interactions = count;
      this.lastInteraction = last.toEpochMilli();
      return this;
    }

    /**
     * Adds a survey answer; the latest one added is the last by time.
     *
     * @param at when it was answered
     * @param score 0 to 10
     * @return this builder
     */
    public Builder survey(Instant at, int score) {
      surveys++;
      satisfactionSum += score;
      lastSatisfaction = score;
      lastSurveyAt = at.toEpochMilli();
      return this;
    }

    /**
     * Adds a complaint.
     *
     * @param complaintId the ticket id
     * @param severity its classification
     * @param accepted null while open; whether the resolution was accepted once resolved
     * @return this builder
     */
    public Builder complaint(String complaintId, Severity severity, Boolean accepted) {
      complaints.add(new ComplaintRecord(complaintId, severity, accepted == null, accepted));
      return this;
    }

    /**
     * Sets an attribute.
     *
     * @param attribute the attribute
     * @param value the value
     * @param at when it was measured
     * @return this builder
     */
    public Builder attribute(Attribute attribute, BigDecimal value, Instant at) {
      attributes.put(attribute, new AttributeValue(value, at.toEpochMilli()));
      return this;
    }

    /**
     * Sets consent for a purpose.
     *
     * @param purpose the purpose
     * @param granted whether it is granted
     * @param at when it was decided
     * @return this builder
     */
    public Builder consent(Purpose purpose, boolean granted, Instant at) {
      consents.put(purpose, new ConsentValue(granted, at.toEpochMilli()));
      return this;
    }

    /**
     * Records that the relationship was closed.
     *
     * @param at when
     * @param settled whether all debts were settled
     * @return this builder
     */
    public Builder relationshipClosed(Instant at, boolean settled) {
      this.relationshipClosedAt = at.toEpochMilli();
      this.debtsSettled = settled;
      return this;
    }

    /**
     * Sets when the current stage was entered and the transactions since.
     *
     * @param enteredAt when the stage was entered
     * @param transactions transactions since then
     * @return this builder
     */
    public Builder stage(Instant enteredAt, long transactions) {
      this.stageEnteredAt = enteredAt.toEpochMilli();
      this.transactionsInStage = transactions;
      return this;
    }

    /**
     * Builds the snapshot.
     *
     * @return the snapshot
     * @throws ValidationException if a value is out of range
     */
    public MetricsSnapshot build() {
      List<ProductActivity> activities = new ArrayList<>();
      products.forEach(
          (type, p) ->
              activities.add(
                  new ProductActivity(type, p[0], p[1], p[2], p[3], (int) p[4], (int) p[5])));
      List<WindowVolume> sortedWindows = new ArrayList<>(windows);
      sortedWindows.sort(Comparator.comparingLong(WindowVolume::window));
      List<ComplaintRecord> sortedComplaints = new ArrayList<>(complaints);
      sortedComplaints.sort(Comparator.comparing(ComplaintRecord::complaintId));
      return new MetricsSnapshot(
          currency,
          firstSeen,
          activities,
          digital,
          firstTransaction,
          lastTransaction,
          trendWindowMillis,
          sortedWindows,
          interactions,
          lastInteraction,
          surveys,
          satisfactionSum,
          lastSatisfaction,
          lastSurveyAt,
          sortedComplaints,
          attributes,
          consents,
          relationshipClosedAt,
          debtsSettled,
          stageEnteredAt,
          transactionsInStage);
    }
  }
}
