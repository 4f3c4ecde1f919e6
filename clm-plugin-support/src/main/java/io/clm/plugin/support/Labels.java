package io.clm.plugin.support;

import io.clm.api.annotation.Experimental;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The segment labels of one assignment run: the scheme's fixed segments (codes 0, 1, ... in their
 * order), plus any met in the data, for a scheme whose segments come from the data. Not
 * thread-safe: one per run, which {@link BaseScheme} arranges.
 */
@Experimental
public final class Labels {
  private final List<String> labels;
  private final Map<String, Integer> codes = new HashMap<>();

  /**
   * Starts with the fixed segments.
   *
   * @param fixed the scheme's segments, possibly empty
   */
  public Labels(List<String> fixed) {
    this.labels = new ArrayList<>(fixed);
    for (int i = 0; i < fixed.size(); i++) {
      codes.put(fixed.get(i), i);
    }
  }

  /**
   * The code of a label met in the data, adding it on first sight.
   *
   * @param label the label
   * @return its code
   */
  public int code(String label) {
    Integer c = codes.get(label);
    if (c == null) {
      c = labels.size();
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
