package io.clm.benchmarks.peers;

import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Event;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;

/**
 * What a team using a general-purpose state machine would keep per customer to drive the six-stage
 * rules: the current stage and only the facts the guards read (clm keeps its full metric set).
 * Events arrive in timestamp order per customer, as in the benchmark feed. Complaints are counted
 * simply (each complaint opened once and resolved once), which is all the guards need.
 */
public final class PeerCustomer {
  static final long NONE = Long.MIN_VALUE;
  static final long TREND_WINDOW_MILLIS = 90L * 86_400_000L;

  SixStage stage = SixStage.POTENTIAL;
  long now = NONE;
  long stageEnteredAt = NONE;
  long transactionsInStage;
  long transactionCount;
  long volumeMinor;
  long lastTransaction = NONE;
  /** The latest three trend windows that saw transactions: numbers and volumes, newest first. */
  long window0 = NONE;
  long window1 = NONE;
  long window2 = NONE;
  long volume0;
  long volume1;
  long volume2;
  double totalBusiness = Double.NaN;
  double revenue = Double.NaN;
  double costToServe = Double.NaN;
  long closedAt = NONE;
  boolean debtsSettled;
  /** Products opened minus closed, per product type. */
  final short[] productBalance = new short[8];
  int openComplaints;
  int openUrgentComplaints;
  int acceptedResolutions;

  /**
   * The current stage.
   *
   * @return the stage
   */
  public SixStage stage() {
    return stage;
  }

  /**
   * Updates the facts with an event.
   *
   * @param event the event, not older than the customer's previous ones
   * @return whether a guard of the six-stage rules reads what the event changed
   */
  public boolean apply(Event event) {
    long at = event.at().toEpochMilli();
    if (stageEnteredAt == NONE) {
      stageEnteredAt = at;
    }
    now = Math.max(now, at);
    return switch (event.type()) {
      case TRANSACTION -> transaction((Transaction) event, at);
      case ATTRIBUTE_UPDATE -> attribute((AttributeUpdate) event);
      case PRODUCT_OPENED -> {
        productBalance[((ProductOpened) event).product().ordinal()]++;
        yield true;
      }
      case PRODUCT_CLOSED -> {
        productBalance[((ProductClosed) event).product().ordinal()]--;
        yield true;
      }
      case COMPLAINT_OPENED -> {
        openComplaints++;
        if (((ComplaintOpened) event).severity() == Severity.URGENT) {
          openUrgentComplaints++;
        }
        yield true;
      }
      case COMPLAINT_RESOLVED -> {
        openComplaints = Math.max(0, openComplaints - 1);
        if (((ComplaintResolved) event).accepted()) {
          acceptedResolutions++;
        }
        yield true;
      }
      case RELATIONSHIP_CLOSED -> {
        RelationshipClosed r = (RelationshipClosed) event;
        if (at >= closedAt) {
          closedAt = at;
          debtsSettled = r.debtsSettled();
        }
        yield true;
      }
      case INTERACTION, MANUAL_MOVE, CONSENT_CHANGE -> false; // no guard of the six-stage rules reads these
    };
  }

  private boolean transaction(Transaction t, long at) {
    long minor = t.amount().minorUnits();
    transactionCount++;
    transactionsInStage++;
    volumeMinor += minor;
    lastTransaction = Math.max(lastTransaction, at);
    addToWindow(Math.floorDiv(at, TREND_WINDOW_MILLIS), minor);
    return true;
  }

  /** Keeps the attributes the rules read; returns whether it kept this one. */
  private boolean attribute(AttributeUpdate u) {
    double value = u.value().doubleValue();
    return switch (u.attribute()) {
      case TOTAL_BUSINESS -> {
        totalBusiness = value;
        yield true;
      }
      case REVENUE -> {
        revenue = value;
        yield true;
      }
      case COST_TO_SERVE -> {
        costToServe = value;
        yield true;
      }
      case CREDIT_SCORE, SCALE, COMPETITOR_ATTENTION, PRICE_SENSITIVITY, DECISION_TIME_DAYS, INCIDENT_TOLERANCE,
          VULNERABLE -> false; // not read by the rules
    };
  }

  private void addToWindow(long window, long minor) {
    if (window == window0) {
      volume0 += minor;
    } else if (window > window0) {
      window2 = window1;
      volume2 = volume1;
      window1 = window0;
      volume1 = volume0;
      window0 = window;
      volume0 = minor;
    } else if (window == window1) {
      volume1 += minor;
    } else if (window == window2) {
      volume2 += minor;
    }
  }

  /**
   * Records a move to another stage at the customer's time.
   *
   * @param to the new stage
   */
  public void enter(SixStage to) {
    if (to != stage) {
      stage = to;
      stageEnteredAt = now;
      transactionsInStage = 0;
    }
  }

  long windowVolume(long window) {
    if (window == window0) {
      return volume0;
    }
    if (window == window1) {
      return volume1;
    }
    return window == window2 ? volume2 : 0;
  }

  boolean hasTransacted() {
    return transactionCount >= 1;
  }

  boolean closedWithDebtsSettled() {
    return closedAt != NONE && closedAt >= lastTransaction && debtsSettled;
  }

  double daysSinceLastTransaction() {
    return lastTransaction == NONE ? Double.NaN : (now - lastTransaction) / 86_400_000.0;
  }

  double volumeTrend() {
    long window = Math.floorDiv(now, TREND_WINDOW_MILLIS);
    long previous = windowVolume(window - 2);
    return previous == 0 ? Double.NaN : (windowVolume(window - 1) - previous) / (double) previous;
  }

  double shareOfWallet() {
    if (!(totalBusiness > 0)) {
      return Double.NaN;
    }
    return Math.min(1.0, volumeMinor / 100.0 / totalBusiness);
  }

  boolean profitableOrUnknown() {
    double profit = revenue - costToServe;
    return Double.isNaN(profit) || profit > 0;
  }

  int productsHeld() {
    int held = 0;
    for (short balance : productBalance) {
      held += Math.max(0, balance);
    }
    return held;
  }

  long transactionsInStage() {
    return transactionsInStage;
  }

  long transactionCount() {
    return transactionCount;
  }
}
