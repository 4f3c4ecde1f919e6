package io.clm.api;

import io.clm.api.annotation.Stable;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import java.util.Currency;

/**
 * The raw facts clm maintains for one customer, updated incrementally as events arrive (never by
 * re-scanning history). Every fact is an order-independent aggregate: counts, exact sums, earliest
 * and latest timestamps, latest-timestamp-wins values. The derived measures that rules and
 * segmentation use (recency, trend, share of wallet, ...) are computed from these facts by {@link
 * Metric}.
 *
 * <p>Amounts are exact, in minor units of {@link #currency()}. Timestamps are epoch milliseconds,
 * {@link #NONE} when there is none.
 */
@Stable
public interface CustomerMetrics {

  /** The timestamp value meaning "never". */
  long NONE = Long.MIN_VALUE;

  /**
   * The currency of every amount.
   *
   * @return the engine's currency
   */
  Currency currency();

  /**
   * When the first event of any kind was seen for the customer.
   *
   * @return epoch milliseconds
   */
  long firstSeen();

  /**
   * Number of transactions on one product in one direction.
   *
   * @param product the product type
   * @param direction the direction
   * @return the count
   */
  long transactionCount(ProductType product, Direction direction);

  /**
   * Sum of transaction amounts on one product in one direction.
   *
   * @param product the product type
   * @param direction the direction
   * @return the sum in minor units
   */
  long transactionMinor(ProductType product, Direction direction);

  /**
   * Number of transactions made in a digital channel.
   *
   * @return the count
   */
  long digitalTransactionCount();

  /**
   * Timestamp of the earliest transaction.
   *
   * @return epoch milliseconds, or {@link #NONE}
   */
  long firstTransaction();

  /**
   * Timestamp of the latest transaction.
   *
   * @return epoch milliseconds, or {@link #NONE}
   */
  long lastTransaction();

  /**
   * Length of the fixed windows the volume trend compares.
   *
   * @return milliseconds, positive
   */
  long trendWindowMillis();

  /**
   * Transaction volume (debits plus credits) booked in one window. Windows are numbered from the
   * epoch: window {@code k} covers {@code [k * trendWindowMillis(), (k + 1) * trendWindowMillis())}.
   * Only the latest three windows that saw transactions are kept; older windows answer 0.
   *
   * @param window the window number
   * @return the volume in minor units
   */
  long windowVolumeMinor(long window);

  /**
   * How many products of a type the customer opened.
   *
   * @param product the product type
   * @return the count
   */
  int productsOpened(ProductType product);

  /**
   * How many products of a type the customer closed.
   *
   * @param product the product type
   * @return the count
   */
  int productsClosed(ProductType product);

  /**
   * Number of non-financial interactions (contacts, visits, surveys).
   *
   * @return the count
   */
  long interactionCount();

  /**
   * Timestamp of the latest interaction.
   *
   * @return epoch milliseconds, or {@link #NONE}
   */
  long lastInteraction();

  /**
   * Number of survey answers.
   *
   * @return the count
   */
  int surveyCount();

  /**
   * Sum of all survey scores.
   *
   * @return the sum
   */
  long satisfactionSum();

  /**
   * The score of the latest survey (by timestamp).
   *
   * @return 0 to 10, or -1 if there is none
   */
  int lastSatisfaction();

  /**
   * Number of complaints ever opened.
   *
   * @return the count
   */
  int complaintsOpened();

  /**
   * Number of complaints open now.
   *
   * @return the count
   */
  int openComplaints();

  /**
   * Number of urgent complaints open now.
   *
   * @return the count
   */
  int openUrgentComplaints();

  /**
   * Number of resolutions the customer accepted.
   *
   * @return the count
   */
  int acceptedResolutions();

  /**
   * Number of resolutions the customer rejected.
   *
   * @return the count
   */
  int rejectedResolutions();

  /**
   * The latest value the integrator supplied for an attribute.
   *
   * @param attribute the attribute
   * @return the value (money in major units), or NaN if none was supplied
   */
  double attribute(Attribute attribute);

  /**
   * Whether the customer consents to a purpose now.
   *
   * @param purpose the purpose
   * @return true only if the latest consent change for it granted consent
   */
  boolean consents(Purpose purpose);

  /**
   * When the relationship was last closed (see {@link Metric#RELATIONSHIP_CLOSED} for whether it is
   * closed now).
   *
   * @return epoch milliseconds, or {@link #NONE}
   */
  long relationshipClosedAt();

  /**
   * Whether debts were settled when the relationship was last closed.
   *
   * @return true if closed with all debts settled
   */
  boolean debtsSettled();

  /**
   * When the customer entered the current stage.
   *
   * @return epoch milliseconds
   */
  long stageEnteredAt();

  /**
   * Number of transactions since the customer entered the current stage.
   *
   * @return the count
   */
  long transactionsInStage();

  /**
   * A derived measure at an instant: shorthand for {@code metric.valueOf(this, nowMillis)}.
   *
   * @param metric the measure
   * @param nowMillis the instant, epoch milliseconds
   * @return the value, NaN when it is undefined (no data)
   */
  default double value(Metric metric, long nowMillis) {
    return metric.valueOf(this, nowMillis);
  }

  /**
   * Total number of transactions in one direction, over all products.
   *
   * @param direction the direction
   * @return the count
   */
  default long transactionCount(Direction direction) {
    long sum = 0;
    for (ProductType product : ProductTypes.ALL) {
      sum += transactionCount(product, direction);
    }
    return sum;
  }

  /**
   * Total transaction amount in one direction, over all products.
   *
   * @param direction the direction
   * @return the sum in minor units
   */
  default long transactionMinor(Direction direction) {
    long sum = 0;
    for (ProductType product : ProductTypes.ALL) {
      sum += transactionMinor(product, direction);
    }
    return sum;
  }

  /**
   * Number of products of a type held now: opened minus closed, never below zero.
   *
   * @param product the product type
   * @return the count
   */
  default int productsHeld(ProductType product) {
    return Math.max(0, productsOpened(product) - productsClosed(product));
  }
}
