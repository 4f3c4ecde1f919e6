package io.clm.segmentation.history;

import io.clm.api.annotation.Experimental;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How many customers moved from each segment to each segment of a scheme between two instants:
 * {@code count(x, y)} customers were in {@code x} at {@link #from()} and in {@code y} at {@link
 * #to()}. The diagonal holds those who stayed. Only customers recorded at or before {@link #from()}
 * are counted. A customer is in the segment it was last recorded in: one missing from a later
 * population still counts there, unless it was recorded again (as {@link
 * io.clm.api.segmentation.Assignment#UNCLASSIFIED} when it left, for example). Immutable.
 */
@Experimental
public final class MigrationMatrix {
  private final String schemeId;
  private final Instant from;
  private final Instant to;
  private final List<String> segments;
  private final long[][] counts;

  MigrationMatrix(String schemeId, Instant from, Instant to, List<String> segments, long[][] counts) {
    this.schemeId = schemeId;
    this.from = from;
    this.to = to;
    this.segments = List.copyOf(segments);
    this.counts = counts;
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
   * The earlier instant.
   *
   * @return the instant rows refer to
   */
  public Instant from() {
    return from;
  }

  /**
   * The later instant.
   *
   * @return the instant columns refer to
   */
  public Instant to() {
    return to;
  }

  /**
   * The segments of the rows and columns, in order of first recording ({@code unclassified}
   * included if it was recorded).
   *
   * @return the segments
   */
  public List<String> segments() {
    return segments;
  }

  /**
   * Customers in {@code fromSegment} at {@link #from()} and in {@code toSegment} at {@link #to()}.
   *
   * @param fromSegment the earlier segment
   * @param toSegment the later segment
   * @return the count; 0 for a segment never recorded
   */
  public long count(String fromSegment, String toSegment) {
    int i = segments.indexOf(Objects.requireNonNull(fromSegment, "fromSegment"));
    int j = segments.indexOf(Objects.requireNonNull(toSegment, "toSegment"));
    return i < 0 || j < 0 ? 0 : counts[i][j];
  }

  /**
   * Customers counted.
   *
   * @return the sum of all cells
   */
  public long total() {
    long sum = 0;
    for (long[] row : counts) {
      for (long c : row) {
        sum += c;
      }
    }
    return sum;
  }

  /**
   * Customers in another segment at {@link #to()} than at {@link #from()}.
   *
   * @return the sum of the off-diagonal cells
   */
  public long moved() {
    long stayed = 0;
    for (int i = 0; i < counts.length; i++) {
      stayed += counts[i][i];
    }
    return total() - stayed;
  }

  /**
   * Returns the matrix as a table, rows "from", columns "to", each column as wide as its widest
   * heading (names longer than 24 characters are cut) or count.
   */
  @Override
  public String toString() {
    int width = 14;
    for (String s : segments) {
      width = Math.max(width, abbreviate(s).length());
    }
    for (long[] row : counts) {
      for (long c : row) {
        width = Math.max(width, Long.toString(c).length());
      }
    }
    String cell = " %" + width + "s";
    StringBuilder sb = new StringBuilder();
    sb.append(schemeId).append(' ').append(from).append(" -> ").append(to).append('\n');
    sb.append(String.format("%-24s", "from \\ to"));
    for (String s : segments) {
      sb.append(String.format(cell, abbreviate(s)));
    }
    sb.append('\n');
    for (int i = 0; i < segments.size(); i++) {
      sb.append(String.format("%-24s", abbreviate(segments.get(i))));
      for (int j = 0; j < segments.size(); j++) {
        sb.append(String.format(cell, counts[i][j]));
      }
      sb.append('\n');
    }
    return sb.toString();
  }

  private static String abbreviate(String s) {
    return s.length() <= 24 ? s : s.substring(0, 23) + "~";
  }
}
