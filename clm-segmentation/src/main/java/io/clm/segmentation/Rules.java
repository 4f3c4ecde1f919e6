package io.clm.segmentation;

import io.clm.api.segmentation.Population;
import java.util.List;
import java.util.Map;

/**
 * A scheme's placement rules with its fitted parameters bound: the one piece of code that both
 * the single-customer and the whole-portfolio path run. Immutable.
 */
abstract class Rules {

  /**
   * Places a row.
   *
   * @return a label code (index into {@code labels}), or {@code -1 - r} for reason {@code r} of
   *     {@link #reasons()}
   */
  abstract int classify(Population p, int row, Labels labels);

  /** Puts the inputs that decide a row's placement into {@code into}. */
  abstract void explain(Population p, int row, Map<String, Double> into);

  /** The reasons for leaving a customer unclassified, indexed by {@code -1 - code}. */
  abstract List<String> reasons();
}
