package io.clm.plugin.support;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.segmentation.Assignment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The segment labels of one assignment run: the scheme's fixed segments (codes 0, 1, ... in their
 * order), or, for a scheme whose segments come from the data (no fixed segments), the labels met
 * in the data. Labels of fixed segments never change: a label that is not one of them is refused,
 * so that no customer is placed in an undeclared segment, and one instance can serve every run
 * and thread, as {@link BaseScheme}'s segmenter does. Labels from the data are not thread-safe:
 * one per run, which {@link BaseScheme} arranges.
 */
@Experimental
public final class Labels {
  private final List<String> labels;
  private final Map<String, Integer> codes = new HashMap<>();
  private final boolean closed;

  /**
   * Starts with the fixed segments.
   *
   * @param fixed the scheme's segments, possibly empty
   * @throws ValidationException if a segment is declared twice or is {@value
   *     Assignment#UNCLASSIFIED}
   */
  public Labels(List<String> fixed) {
    String problem = problem(fixed);
    if (problem != null) {
      throw new ValidationException(problem);
    }
    this.labels = new ArrayList<>(fixed);
    for (int i = 0; i < fixed.size(); i++) {
      codes.put(fixed.get(i), i);
    }
    this.closed = !fixed.isEmpty();
  }

  /**
   * What keeps a list from being a scheme's segments, or null: a segment declared twice, or
   * {@link Assignment#UNCLASSIFIED}, which names the customers left outside every segment.
   */
  static String problem(List<String> segments) {
    Set<String> seen = new HashSet<>();
    for (String segment : segments) {
      String reserved = reserved(segment);
      if (reserved != null) {
        return reserved;
      }
      if (!seen.add(segment)) {
        return "segment '" + segment + "' is declared twice in " + segments;
      }
    }
    return null;
  }

  private static String reserved(String label) {
    return Objects.requireNonNull(label, "segment").equals(Assignment.UNCLASSIFIED)
        ? "segment '" + label + "' is not a segment: it names the customers left unclassified"
        : null;
  }

  /**
   * The code of a label: one of the fixed segments, or, without fixed segments, a label met in the
   * data, added on first sight.
   *
   * @param label the label
   * @return its code
   * @throws ValidationException if there are fixed segments and the label is not one of them, or
   *     the label is {@value Assignment#UNCLASSIFIED}
   */
  public int code(String label) {
    Integer c = codes.get(label);
    if (c == null && closed) {
      throw new ValidationException("segment '" + label + "' is not one of the scheme's segments " + labels);
    }
    if (c == null) {
      c = labels.size();
      String reserved = reserved(label);
      if (reserved != null) {
        throw new ValidationException(reserved);
      }
      labels.add(label);
      codes.put(label, c);
    }
    return c;
  }

  /**
   * The label of a code.
   *
   * @param code a code given out by this object
   * @return the label
   */
  public String label(int code) {
    return labels.get(code);
  }

  /**
   * Every label, in code order.
   *
   * @return the labels
   */
  public List<String> all() {
    return List.copyOf(labels);
  }
}
