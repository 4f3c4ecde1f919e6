package io.clm.benchmarks.peers;

import io.clm.api.CustomerId;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Event;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;
import io.clm.benchmarks.lifecycle.LifecycleTracker;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The columnar baseline: the six-stage rules written by hand over columns of primitive arrays, one
 * row per customer, with only the facts the rules read and no library. It applies exactly the
 * rules of {@link SixStageRules} (the agreement test checks it), but has none of clm's
 * idempotency, history, full metric set, validation or persistence. {@link ObjectsTracker} keeps
 * the same facts in one object per customer instead, and is about as fast.
 */
public final class ColumnarTracker implements LifecycleTracker {
  private static final long NONE = Long.MIN_VALUE;
  private static final long WINDOW = PeerCustomer.TREND_WINDOW_MILLIS;
  private static final double DAY = 86_400_000.0;
  private static final SixStage[] STAGES = SixStage.values();
  private static final int PRODUCTS = 8;

  private final Map<CustomerId, Integer> rows = new HashMap<>();
  private int size;
  private byte[] stage = new byte[0];
  private long[] now = new long[0];
  private long[] stageEnteredAt = new long[0];
  private long[] transactionsInStage = new long[0];
  private long[] transactionCount = new long[0];
  private long[] volumeMinor = new long[0];
  private long[] lastTransaction = new long[0];
  /** Three trend windows per row: number and volume, newest first. */
  private long[] windows = new long[0];
  private long[] volumes = new long[0];
  private double[] totalBusiness = new double[0];
  private double[] revenue = new double[0];
  private double[] costToServe = new double[0];
  private long[] closedAt = new long[0];
  private boolean[] debtsSettled = new boolean[0];
  private short[] productBalance = new short[0];
  private int[] openComplaints = new int[0];
  private int[] openUrgentComplaints = new int[0];
  private int[] acceptedResolutions = new int[0];

  /** Creates an empty tracker. */
  public ColumnarTracker() {}

  private int row(CustomerId id) {
    Integer r = rows.get(id);
    if (r != null) {
      return r;
    }
    if (size == stage.length) {
      grow(Math.max(16, size * 2));
    }
    int row = size++;
    rows.put(id, row);
    now[row] = NONE;
    stageEnteredAt[row] = NONE;
    lastTransaction[row] = NONE;
    Arrays.fill(windows, row * 3, row * 3 + 3, NONE);
    totalBusiness[row] = Double.NaN;
    revenue[row] = Double.NaN;
    costToServe[row] = Double.NaN;
    closedAt[row] = NONE;
    return row;
  }

  private void grow(int capacity) {
    stage = Arrays.copyOf(stage, capacity);
    now = Arrays.copyOf(now, capacity);
    stageEnteredAt = Arrays.copyOf(stageEnteredAt, capacity);
    transactionsInStage = Arrays.copyOf(transactionsInStage, capacity);
    transactionCount = Arrays.copyOf(transactionCount, capacity);
    volumeMinor = Arrays.copyOf(volumeMinor, capacity);
    lastTransaction = Arrays.copyOf(lastTransaction, capacity);
    windows = Arrays.copyOf(windows, capacity * 3);
    volumes = Arrays.copyOf(volumes, capacity * 3);
    totalBusiness = Arrays.copyOf(totalBusiness, capacity);
    revenue = Arrays.copyOf(revenue, capacity);
    costToServe = Arrays.copyOf(costToServe, capacity);
    closedAt = Arrays.copyOf(closedAt, capacity);
    debtsSettled = Arrays.copyOf(debtsSettled, capacity);
    productBalance = Arrays.copyOf(productBalance, capacity * PRODUCTS);
    openComplaints = Arrays.copyOf(openComplaints, capacity);
    openUrgentComplaints = Arrays.copyOf(openUrgentComplaints, capacity);
    acceptedResolutions = Arrays.copyOf(acceptedResolutions, capacity);
  }

  @Override
  public int accept(Event event) {
    int r = row(event.customer());
    long at = event.at().toEpochMilli();
    if (stageEnteredAt[r] == NONE) {
      stageEnteredAt[r] = at;
    }
    now[r] = Math.max(now[r], at);
    record(r, event, at);
    int changes = 0;
    for (int step = 0; step < SixStageRules.MAX_STEPS; step++) {
      int to = next(r);
      if (to == stage[r]) {
        break;
      }
      stage[r] = (byte) to;
      stageEnteredAt[r] = now[r];
      transactionsInStage[r] = 0;
      changes++;
    }
    return changes;
  }

  /** Updates row {@code r} with an event; returns whether a rule reads what it changed. */
  private boolean record(int r, Event event, long at) {
    return switch (event.type()) {
      case TRANSACTION -> transaction(r, (Transaction) event, at);
      case ATTRIBUTE_UPDATE -> attribute(r, (AttributeUpdate) event);
      case PRODUCT_OPENED -> {
        productBalance[r * PRODUCTS + ((ProductOpened) event).product().ordinal()]++;
        yield true;
      }
      case PRODUCT_CLOSED -> {
        productBalance[r * PRODUCTS + ((ProductClosed) event).product().ordinal()]--;
        yield true;
      }
      case COMPLAINT_OPENED -> {
        openComplaints[r]++;
        if (((ComplaintOpened) event).severity() == Severity.URGENT) {
          openUrgentComplaints[r]++;
        }
        yield true;
      }
      case COMPLAINT_RESOLVED -> {
        openComplaints[r] = Math.max(0, openComplaints[r] - 1);
        if (((ComplaintResolved) event).accepted()) {
          acceptedResolutions[r]++;
        }
        yield true;
      }
      case RELATIONSHIP_CLOSED -> {
        if (at >= closedAt[r]) {
          closedAt[r] = at;
          debtsSettled[r] = ((RelationshipClosed) event).debtsSettled();
        }
        yield true;
      }
      case INTERACTION, MANUAL_MOVE, CONSENT_CHANGE -> false; // no rule reads these
    };
  }

  private boolean attribute(int r, AttributeUpdate u) {
    double value = u.value().doubleValue();
    return switch (u.attribute()) {
      case TOTAL_BUSINESS -> {
        totalBusiness[r] = value;
        yield true;
      }
      case REVENUE -> {
        revenue[r] = value;
        yield true;
      }
      case COST_TO_SERVE -> {
        costToServe[r] = value;
        yield true;
      }
      case CREDIT_SCORE, SCALE, COMPETITOR_ATTENTION, PRICE_SENSITIVITY, DECISION_TIME_DAYS,
          INCIDENT_TOLERANCE, VULNERABLE -> false; // not read by the rules
    };
  }

  private boolean transaction(int r, Transaction t, long at) {
    long minor = t.amount().minorUnits();
    transactionCount[r]++;
    transactionsInStage[r]++;
    volumeMinor[r] += minor;
    lastTransaction[r] = Math.max(lastTransaction[r], at);
    long window = Math.floorDiv(at, WINDOW);
    int w = r * 3;
    if (window == windows[w]) {
      volumes[w] += minor;
    } else if (window > windows[w]) {
      windows[w + 2] = windows[w + 1];
      volumes[w + 2] = volumes[w + 1];
      windows[w + 1] = windows[w];
      volumes[w + 1] = volumes[w];
      windows[w] = window;
      volumes[w] = minor;
    } else if (window == windows[w + 1]) {
      volumes[w + 1] += minor;
    } else if (window == windows[w + 2]) {
      volumes[w + 2] += minor;
    }
    return true;
  }

  /** The six-stage rules, highest priority first per stage. */
  private int next(int r) {
    SixStage from = STAGES[stage[r]];
    return switch (from) {
      case POTENTIAL -> transactionCount[r] >= 1 ? SixStage.DEVELOPMENT.ordinal() : from.ordinal();
      case DEVELOPMENT -> {
        if (closed(r) || dormant(r)) {
          yield SixStage.TERMINATION.ordinal();
        }
        double profit = revenue[r] - costToServe[r];
        yield transactionsInStage[r] >= SixStageRules.GROWTH_TRANSACTIONS && (Double.isNaN(profit) || profit > 0)
            ? SixStage.GROWTH.ordinal()
            : from.ordinal();
      }
      case GROWTH -> {
        if (closed(r)) {
          yield SixStage.TERMINATION.ordinal();
        }
        if (complaints(r) || daysSinceLastTransaction(r) >= SixStageRules.INACTIVITY_DAYS
            || trend(r) <= -SixStageRules.VOLUME_DROP) {
          yield SixStage.DECLINE.ordinal();
        }
        yield shareOfWallet(r) >= SixStageRules.MATURITY_SHARE ? SixStage.MATURITY.ordinal() : from.ordinal();
      }
      case MATURITY -> {
        if (closed(r)) {
          yield SixStage.TERMINATION.ordinal();
        }
        yield complaints(r) || daysSinceLastTransaction(r) >= SixStageRules.INACTIVITY_DAYS
                || trend(r) <= -SixStageRules.VOLUME_DROP
            ? SixStage.DECLINE.ordinal()
            : from.ordinal();
      }
      case DECLINE -> {
        if (closed(r)) {
          yield SixStage.TERMINATION.ordinal();
        }
        double days = daysSinceLastTransaction(r);
        double trend = trend(r);
        if (trend >= SixStageRules.RECOVERY_TREND && days <= SixStageRules.RECOVERY_DAYS && openComplaints[r] <= 0) {
          yield SixStage.GROWTH.ordinal();
        }
        if (acceptedResolutions[r] >= 1 && transactionsInStage[r] >= 1 && days <= SixStageRules.RECOVERY_DAYS
            && openComplaints[r] <= 0 && !(trend <= -SixStageRules.VOLUME_DROP)) {
          yield SixStage.GROWTH.ordinal();
        }
        yield dormant(r) ? SixStage.TERMINATION.ordinal() : from.ordinal();
      }
      case TERMINATION -> transactionsInStage[r] >= 1
              && daysSinceLastTransaction(r) < SixStageRules.DORMANT_DAYS
              && !closed(r)
          ? SixStage.DEVELOPMENT.ordinal()
          : from.ordinal();
    };
  }

  private boolean closed(int r) {
    return closedAt[r] != NONE && closedAt[r] >= lastTransaction[r] && debtsSettled[r];
  }

  private boolean dormant(int r) {
    if (!(daysSinceLastTransaction(r) >= SixStageRules.DORMANT_DAYS)) {
      return false;
    }
    int held = 0;
    for (int p = r * PRODUCTS; p < r * PRODUCTS + PRODUCTS; p++) {
      held += Math.max(0, productBalance[p]);
    }
    return held <= 0;
  }

  private boolean complaints(int r) {
    return openUrgentComplaints[r] >= SixStageRules.URGENT_COMPLAINTS
        || openComplaints[r] >= SixStageRules.OPEN_COMPLAINTS;
  }

  private double daysSinceLastTransaction(int r) {
    return lastTransaction[r] == NONE ? Double.NaN : (now[r] - lastTransaction[r]) / DAY;
  }

  private long windowVolume(int r, long window) {
    int w = r * 3;
    if (window == windows[w]) {
      return volumes[w];
    }
    if (window == windows[w + 1]) {
      return volumes[w + 1];
    }
    return window == windows[w + 2] ? volumes[w + 2] : 0;
  }

  private double trend(int r) {
    long window = Math.floorDiv(now[r], WINDOW);
    long previous = windowVolume(r, window - 2);
    return previous == 0 ? Double.NaN : (windowVolume(r, window - 1) - previous) / (double) previous;
  }

  private double shareOfWallet(int r) {
    if (!(totalBusiness[r] > 0)) {
      return Double.NaN;
    }
    return Math.min(1.0, volumeMinor[r] / 100.0 / totalBusiness[r]);
  }

  @Override
  public Map<String, Long> stageCounts() {
    return SixStage.counts(IntStream.range(0, size).mapToObj(r -> STAGES[stage[r]]));
  }

  @Override
  public Object stateRoot() {
    return this;
  }
}
