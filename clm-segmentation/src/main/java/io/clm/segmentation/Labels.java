package io.clm.segmentation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The segment labels of one assignment run: the scheme's fixed segments, plus any met in the data. */
final class Labels {
  private final List<String> labels;
  private final Map<String, Integer> codes = new HashMap<>();

  Labels(List<String> fixed) {
    this.labels = new ArrayList<>(fixed);
    for (int i = 0; i < fixed.size(); i++) {
      codes.put(fixed.get(i), i);
    }
  }

  /** The code of a label met in the data, adding it on first sight. */
  int code(String label) {
    Integer c = codes.get(label);
    if (c == null) {
      c = labels.size();
      labels.add(label);
      codes.put(label, c);
    }
    return c;
  }

  String label(int code) {
    return labels.get(code);
  }

  List<String> all() {
    return List.copyOf(labels);
  }
}
