package io.clm.api.segmentation;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.spi.Plugin;
import java.util.List;
import java.util.Map;

/**
 * A way of dividing customers into segments: the value pyramid, loyalty × credit, RFM, needs, and
 * so on. A scheme is a plugin: clm finds it with {@link java.util.ServiceLoader} and an application
 * looks it up by id with {@code Clm.plugins().get(SegmentationScheme.class, "rfm")}.
 *
 * <h2>Two kinds, one life cycle</h2>
 *
 * <p>An {@linkplain Kind#ABSOLUTE absolute} scheme places a customer from that customer's own data
 * (a credit score of 720 is "high credit" whoever else is in the portfolio). A {@linkplain
 * Kind#POPULATION_RELATIVE population-relative} scheme first learns cut points from a population
 * (RFM quintiles, the customers making up the top 5 % of profit) and then places customers against
 * those cut points. Both are used the same way:
 *
 * <pre>{@code
 * SegmentationScheme rfm = Clm.plugins().get(SegmentationScheme.class, "rfm");
 * Population portfolio = Population.of(customers, asOf, rfm.columns());
 * FittedScheme fitted = rfm.fit(portfolio);         // save it as JSON to reuse it later
 * Segmenter segmenter = rfm.segmenter(fitted);      // immutable, thread-safe
 * Segmentation all = segmenter.assignAll(portfolio); // the whole portfolio, columnar
 * Assignment one = segmenter.assign(customer, asOf); // one customer, explained
 * }</pre>
 *
 * <p>An absolute scheme's {@link #fit(Population)} looks at nothing but the scheme's
 * configuration, so the fitted scheme of an absolute scheme is its configuration, and it can be
 * fitted on an empty population.
 *
 * <h2>Configuration</h2>
 *
 * <p>Every scheme is configured the same way: named numeric parameters with documented defaults
 * ({@link #parameters()}), overridden with {@link #configure(Map)}, which returns a new scheme and
 * leaves this one as it is. The discovered instance uses the defaults.
 *
 * <h2>Contract for implementers</h2>
 *
 * <ul>
 *   <li>Register with {@code @AutoService(SegmentationScheme.class)} and, on the module path, {@code
 *       provides io.clm.api.segmentation.SegmentationScheme with YourScheme;}. A public no-argument
 *       constructor gives the scheme with its default parameters.
 *   <li>{@link #id()} is stable and unique among schemes; {@link #segments()} are lowercase
 *       letters, digits and hyphens, unique, never {@link Assignment#UNCLASSIFIED}.
 *   <li>Assignment is total and disjoint: every customer gets exactly one of {@link #segments()},
 *       or {@link Assignment#UNCLASSIFIED} with a reason when an input it needs is missing (never a
 *       silent default). Inputs out of their domain have already been refused by {@link
 *       Population}.
 *   <li>{@link #fit(Population)} is deterministic: the same population (in any row order) gives an
 *       equal {@link FittedScheme}. {@link #segmenter(FittedScheme)} reads everything it needs from
 *       the fitted scheme, so a fitted scheme saved as JSON and loaded again assigns identically.
 *   <li>Instances are immutable and thread-safe; nothing mutates its input.
 * </ul>
 */
@Experimental
public interface SegmentationScheme extends Plugin {

  /** Whether a scheme needs a population to learn its cut points. */
  enum Kind {
    /** Places a customer from that customer's own data and the scheme's configuration. */
    ABSOLUTE,
    /** Learns cut points (quantiles, shares) from a population before placing customers. */
    POPULATION_RELATIVE
  }

  /**
   * Whether this scheme is absolute or population-relative.
   *
   * @return the kind
   */
  Kind kind();

  /**
   * The segments this scheme assigns, in display order, without {@link Assignment#UNCLASSIFIED}.
   * A scheme whose segments come from the data (the {@code lifecycle-stage} scheme takes the
   * lifecycle model's stage ids) returns an empty list.
   *
   * @return segment ids
   */
  List<String> segments();

  /**
   * The data this scheme reads: build the {@link Population} it is fitted on and assigns with at
   * least these columns.
   *
   * @return the columns
   */
  Population.Columns columns();

  /**
   * The version of the layout of this scheme's {@link FittedScheme#parameters()}. It changes when
   * a parameter is renamed or its meaning changes; {@link #segmenter(FittedScheme)} refuses a
   * fitted scheme of another version.
   *
   * @return a positive version number
   */
  int formatVersion();

  /**
   * The scheme's configuration: every parameter with its value, sorted by name.
   *
   * @return parameter names to values (empty for a scheme without parameters)
   */
  Map<String, Double> parameters();

  /**
   * The same scheme with some parameters changed.
   *
   * @param overrides parameter names to values; each name must be one of {@link #parameters()}
   * @return a new scheme with the same id; this one is unchanged
   * @throws NullPointerException if {@code overrides} or a value is null
   * @throws ValidationException if a name is unknown (the message lists the known ones), a value
   *     is not finite or out of its range, or the values contradict each other
   */
  SegmentationScheme configure(Map<String, Double> overrides);

  /**
   * Learns this scheme's cut points from a population. Customers that this scheme would leave
   * unclassified (missing inputs) take no part in the fit.
   *
   * @param population the customers to learn from; an absolute scheme ignores them
   * @return the fitted scheme: this scheme's id, {@link #formatVersion()} and parameters
   *     (configuration plus learned cut points)
   * @throws NullPointerException if {@code population} is null
   * @throws ValidationException if a population-relative scheme's population lacks a column the
   *     scheme reads or has no customer it can learn from
   */
  FittedScheme fit(Population population);

  /**
   * A segmenter that places customers with a fitted scheme. Everything it needs is read from
   * {@code fitted}; this instance's own configuration plays no part.
   *
   * @param fitted a fitted scheme of this scheme, made by {@link #fit(Population)} or loaded from
   *     JSON
   * @return the segmenter, immutable and thread-safe
   * @throws NullPointerException if {@code fitted} is null
   * @throws ValidationException if {@code fitted} belongs to another scheme, has another {@link
   *     #formatVersion()}, or lacks a parameter or has one out of range
   */
  Segmenter segmenter(FittedScheme fitted);
}
