package io.clm.plugin.support;

import io.clm.api.annotation.Experimental;
import io.clm.api.segmentation.Population;
import java.util.List;
import java.util.Map;

/**
 * A scheme's placement rules with its fitted parameters bound: the one piece of code that both
 * the single-customer and the whole-portfolio path run ({@link BaseScheme} makes a one-row
 * population for a single customer). Implementations must be immutable.
 */
@Experimental
public abstract class Rules {

  /** For subclasses. */
  protected Rules() {}

  /**
   * Places a row.
   *
   * @param p the population
   * @param row the row, from 0
   * @param labels the run's labels: a fixed segment's code is its index in the scheme's segments;
   *     {@link Labels#code} gives the code of a segment met in the data
   * @return a label code, or {@code -1 - r} for reason {@code r} of {@link #reasons()}; any other
   *     code is refused with a {@link io.clm.api.ValidationException}, for one customer as for a
   *     population
   */
  public abstract int classify(Population p, int row, Labels labels);

  /**
   * Puts the inputs that decide a row's placement into {@code into} (see {@link Inputs#put}).
   *
   * @param p the population
   * @param row the row
   * @param into the inputs being collected
   */
  public abstract void explain(Population p, int row, Map<String, Double> into);

  /**
   * The reasons for leaving a customer unclassified, indexed by {@code -1 - code}.
   *
   * @return the reasons, fixed
   */
  public abstract List<String> reasons();
}
