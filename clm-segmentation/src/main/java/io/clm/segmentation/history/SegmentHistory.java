package io.clm.segmentation.history;

import io.clm.api.CustomerId;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Segment membership over time for one scheme: record each re-segmentation, get back the customers
 * who moved ({@link SegmentMove}, like stage changes), ask where a customer was at any instant, and
 * count migrations between two instants ({@link MigrationMatrix}). Works for any scheme, built-in
 * or not.
 *
 * <pre>{@code
 * SegmentHistory history = new SegmentHistory("rfm");
 * history.record(segmenter.assignAll(januaryPortfolio), january);
 * List<SegmentMove> moves = history.record(segmenter.assignAll(februaryPortfolio), february);
 * MigrationMatrix matrix = history.migration(january, february);
 * long lapsed = matrix.count("champions", "at-risk");
 * }</pre>
 *
 * <p>A customer's first recording places it without a move. Each customer's recordings must go
 * forward in time; instants are kept and compared to the nanosecond. Memory grows with customers
 * and with moves, not with recordings where nothing changed. Thread-safe; a recording that is
 * refused changes nothing.
 */
@Experimental
public final class SegmentHistory {
  private final String schemeId;
  private final List<String> labels = new ArrayList<>();
  private final Map<String, Integer> codes = new HashMap<>();
  private final Map<CustomerId, Timeline> customers = new HashMap<>();

  /**
   * One customer's segments: instants and label codes, ascending in time, changes only. The
   * instants are kept whole (to the nanosecond, over the whole range of {@link Instant}); the
   * customers of one population recording share its {@code Instant}.
   */
  private static final class Timeline {
    Instant[] times = new Instant[2];
    int[] codes = new int[2];
    int size;
    Instant lastRecorded;

    int at(Instant t) {
      int i = Arrays.binarySearch(times, 0, size, t);
      if (i >= 0) {
        return codes[i];
      }
      int insertion = -1 - i;
      return insertion == 0 ? -1 : codes[insertion - 1];
    }

    void add(Instant t, int code) {
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
        codes = Arrays.copyOf(codes, size * 2);
      }
      times[size] = t;
      codes[size] = code;
      size++;
    }
  }

  /**
   * Starts an empty history.
   *
   * @param schemeId the scheme whose segments it records
   * @throws NullPointerException if {@code schemeId} is null
   */
  public SegmentHistory(String schemeId) {
    this.schemeId = Objects.requireNonNull(schemeId, "schemeId");
  }

  /**
   * The scheme.
   *
   * @return the scheme id
   */
  public String schemeId() {
    return schemeId;
  }

  /**
   * Records the segments of a whole population at an instant.
   *
   * @param segmentation the segments, of this history's scheme
   * @param at when they were taken: the instant of the population's values ({@link
   *     Population#asOf()}) or later, never earlier, since the segments describe that instant
   * @return the moves, in row order; empty when nobody moved
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the segmentation is of another scheme, {@code at} is before
   *     the population's instant, or {@code at} is not after a customer's previous recording (a
   *     population never names a customer twice)
   */
  public synchronized List<SegmentMove> record(Segmentation segmentation, Instant at) {
    Objects.requireNonNull(segmentation, "segmentation");
    Objects.requireNonNull(at, "at");
    requireScheme(segmentation.schemeId());
    Instant taken = segmentation.population().asOf();
    if (at.isBefore(taken)) {
      // February's segments recorded as January's would move customers a month early.
      throw new ValidationException("segmentation of a population as of " + taken + " cannot be recorded at " + at
          + ", before it");
    }
    int n = segmentation.size();
    for (int row = 0; row < n; row++) {
      requireForward(segmentation.customer(row), at);
    }
    List<SegmentMove> moves = new ArrayList<>();
    for (int row = 0; row < n; row++) {
      apply(segmentation.customer(row), segmentation.segment(row), at, moves);
    }
    return moves;
  }

  /**
   * Records one customer's assignment at an instant.
   *
   * @param assignment the assignment, of this history's scheme
   * @param at when it was made
   * @return the move, or empty if the customer is new or stayed
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if the assignment is of another scheme or {@code at} is not after
   *     the customer's previous recording
   */
  public synchronized Optional<SegmentMove> record(Assignment assignment, Instant at) {
    Objects.requireNonNull(assignment, "assignment");
    Objects.requireNonNull(at, "at");
    requireScheme(assignment.schemeId());
    requireForward(assignment.customer(), at);
    List<SegmentMove> moves = new ArrayList<>(1);
    apply(assignment.customer(), assignment.segment(), at, moves);
    return moves.stream().findFirst();
  }

  /**
   * Where a customer was at an instant.
   *
   * @param customer the customer
   * @param at the instant
   * @return the segment recorded last at or before {@code at}; empty if none was
   * @throws NullPointerException if an argument is null
   */
  public synchronized Optional<String> segmentAt(CustomerId customer, Instant at) {
    Timeline tl = customers.get(Objects.requireNonNull(customer, "customer"));
    Objects.requireNonNull(at, "at");
    if (tl == null) {
      return Optional.empty();
    }
    int code = tl.at(at);
    return code < 0 ? Optional.empty() : Optional.of(labels.get(code));
  }

  /**
   * A customer's moves, oldest first.
   *
   * @param customer the customer
   * @return the moves; empty for a customer never recorded or never moved
   */
  public synchronized List<SegmentMove> moves(CustomerId customer) {
    Timeline tl = customers.get(Objects.requireNonNull(customer, "customer"));
    List<SegmentMove> moves = new ArrayList<>();
    if (tl != null) {
      for (int i = 1; i < tl.size; i++) {
        moves.add(
            new SegmentMove(
                schemeId, customer, labels.get(tl.codes[i - 1]), labels.get(tl.codes[i]), tl.times[i]));
      }
    }
    return List.copyOf(moves);
  }

  /**
   * Counts customers by segment at {@code from} and segment at {@code to}. Customers without a
   * recording at or before {@code from} are not counted.
   *
   * @param from the earlier instant
   * @param to the later instant
   * @return the migration matrix
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if {@code to} is before {@code from}
   */
  public synchronized MigrationMatrix migration(Instant from, Instant to) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new ValidationException("migration 'to' " + to + " is before 'from' " + from);
    }
    long[][] counts = new long[labels.size()][labels.size()];
    for (Timeline tl : customers.values()) {
      int a = tl.at(from);
      if (a >= 0) {
        counts[a][tl.at(to)]++;
      }
    }
    return new MigrationMatrix(schemeId, from, to, labels, counts);
  }

  /**
   * Number of customers recorded.
   *
   * @return the count
   */
  public synchronized int size() {
    return customers.size();
  }

  private void requireScheme(String other) {
    if (!schemeId.equals(other)) {
      throw new ValidationException(
          "segment history of '" + schemeId + "' cannot record segments of '" + other + "'");
    }
  }

  private void requireForward(CustomerId id, Instant at) {
    Timeline tl = customers.get(id);
    if (tl != null && !at.isAfter(tl.lastRecorded)) {
      throw new ValidationException(
          "customer "
              + id.masked()
              + " was already recorded at "
              + tl.lastRecorded
              + ", not before "
              + at);
    }
  }

  private void apply(CustomerId id, String segment, Instant at, List<SegmentMove> moves) {
    Integer code = codes.get(segment);
    if (code == null) {
      code = labels.size();
      labels.add(segment);
      codes.put(segment, code);
    }
    Timeline tl = customers.get(id);
    if (tl == null) {
      tl = new Timeline();
      customers.put(id, tl);
      tl.add(at, code);
    } else {
      int previous = tl.codes[tl.size - 1];
      if (previous != code) {
        tl.add(at, code);
        moves.add(new SegmentMove(schemeId, id, labels.get(previous), segment, at));
      }
    }
    tl.lastRecorded = at;
  }

  @Override
  public synchronized String toString() {
    return "SegmentHistory[" + schemeId + ", " + customers.size() + " customers]";
  }
}
