package io.clm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clm.api.ClmException;
import io.clm.api.Customer;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The contract of a {@link SegmentationScheme}. Extend it with one factory method:
 *
 * <pre>{@code
 * class BureauBandsTest extends SegmentationSchemeContract {
 *   @Override
 *   protected SegmentationScheme createPlugin() {
 *     return new BureauBands();
 *   }
 * }
 * }</pre>
 *
 * <p>Besides {@link PluginContract}'s rules it checks, over realistic generated portfolios: the
 * segments are well-formed and stable; configuration is total and leaves the scheme unchanged;
 * fitting is deterministic and independent of row order; every customer gets exactly one declared
 * segment or {@code unclassified} with a reason (never an exception), the same one twice, the same
 * one alone and in a population, from several threads; the population is not modified; {@code
 * assignAll} refuses a population without the scheme's columns with a {@link ValidationException};
 * and fitted schemes and assignments survive clm's JSON round trip (clm-jackson), a fitted scheme
 * reloaded into a new instance of the scheme with its defaults assigning as before.
 */
@Experimental
public abstract class SegmentationSchemeContract extends PluginContract<SegmentationScheme> {

  private static final Pattern SEGMENT = Pattern.compile("[a-z][a-z0-9-]*");

  /** The stages generated customers are in (the {@code lifecycle-stage} scheme reports them). */
  protected static final List<String> STAGES = List.of("prospect", "new", "active", "dormant", "closed");

  /** For subclasses. */
  protected SegmentationSchemeContract() {}

  @Override
  protected final Class<SegmentationScheme> kind() {
    return SegmentationScheme.class;
  }

  /** Segments are lowercase ids, unique, never {@code unclassified}, the same on every call. */
  @Test
  public void segmentsAreWellFormedAndStable() {
    SegmentationScheme scheme = createPlugin();
    List<String> segments = scheme.segments();
    assertThat(segments).as("segments() of %s", describe(scheme)).isNotNull().doesNotHaveDuplicates();
    assertThat(segments).doesNotContain(Assignment.UNCLASSIFIED);
    segments.forEach(s -> assertThat(SEGMENT.matcher(s).matches()).as("segment '%s' is lowercase letters, digits and hyphens", s).isTrue());
    assertThat(createPlugin().segments()).as("segments() of another instance").isEqualTo(segments);
    assertThat(scheme.kind()).isNotNull();
    assertThat(scheme.columns()).isNotNull();
    assertThat(scheme.formatVersion()).as("formatVersion()").isPositive();
  }

  /**
   * Parameters are finite and stable; {@code configure} with the current values gives an equal
   * configuration, refuses an unknown name with a {@link ClmException} naming it, is total, and
   * leaves the scheme it is called on unchanged.
   */
  @Test
  public void configurationIsTotalAndLeavesTheSchemeUnchanged() {
    Overrides.checkConfiguration("scheme", createPlugin(), SegmentationScheme::parameters, SegmentationScheme::configure);
  }

  /** Fitting twice, or on the same customers in reverse order, gives equal fitted schemes. */
  @Test
  public void fitIsDeterministicAndIndependentOfRowOrder() {
    SegmentationScheme scheme = createPlugin();
    qt().withExamples(30)
        .forAll(portfolios())
        .checkAssert(
            customers -> {
              Optional<FittedScheme> fitted = fit(scheme, population(scheme, customers));
              List<Customer> reversed = new ArrayList<>(customers);
              Collections.reverse(reversed);
              assertThat(fit(scheme, population(scheme, customers))).as("second fit").isEqualTo(fitted);
              assertThat(fit(scheme, population(scheme, reversed))).as("fit on reversed rows").isEqualTo(fitted);
              fitted.ifPresent(
                  f -> {
                    assertThat(f.schemeId()).isEqualTo(scheme.id());
                    assertThat(f.formatVersion()).isEqualTo(scheme.formatVersion());
                  });
            });
  }

  /**
   * Every customer gets one declared segment or {@code unclassified} with a reason, the same on a
   * second call and in {@code assignAll}, and {@code assignAll} leaves the population unchanged.
   * The segmenter applies the fitted scheme it was given ({@link Segmenter#fitted()}) and declares
   * the scheme's segments ({@link Segmenter#segments()}).
   * Assignment never throws for these realistic customers: one the scheme cannot place is
   * unclassified with a reason. An absolute scheme fits every portfolio; a population-relative one
   * may refuse some, but not all of them, or nothing here would have been checked.
   */
  @Test
  public void assignmentIsTotalDeterministicAndConsistent() {
    SegmentationScheme scheme = createPlugin();
    AtomicInteger fits = new AtomicInteger();
    qt().withExamples(PORTFOLIOS)
        .forAll(portfolios())
        .checkAssert(
            customers -> {
              Population population = population(scheme, customers);
              Optional<FittedScheme> fitted = fit(scheme, population);
              if (fitted.isEmpty()) {
                return;
              }
              fits.incrementAndGet();
              Segmenter segmenter = scheme.segmenter(fitted.get());
              assertThat(segmenter.fitted()).as("fitted() of the segmenter of %s", describe(scheme)).isEqualTo(fitted.get());
              assertThat(segmenter.segments())
                  .as("segments() of the segmenter of %s", describe(scheme))
                  .isEqualTo(scheme.segments());
              Map<Metric, List<Double>> before = columns(population);
              var all = segmenter.assignAll(population);
              assertThat(columns(population)).as("population after assignAll").isEqualTo(before);
              assertThat(all.size()).isEqualTo(customers.size());
              for (int row = 0; row < customers.size(); row++) {
                Customer c = customers.get(row);
                Assignment a = assign(segmenter, c);
                assertThat(assign(segmenter, c)).as("second assign for %s", c).isEqualTo(a);
                assertThat(a.schemeId()).isEqualTo(scheme.id());
                assertThat(a.customer()).isEqualTo(c.id());
                if (a.isClassified()) {
                  List<String> declared = scheme.segments().isEmpty() ? STAGES : scheme.segments();
                  assertThat(declared).as("segments of %s", describe(scheme)).contains(a.segment());
                } else {
                  assertThat(a.reason()).as("reason of an unclassified assignment").isNotBlank();
                }
                assertThat(all.segment(row)).as("assignAll row %d versus assign", row).isEqualTo(a.segment());
              }
            });
    assertThat(fits.get())
        .as(
            "%s refused to fit every one of %d portfolios of 1 to 60 realistic customers, so no assignment could be"
                + " checked",
            describe(scheme),
            PORTFOLIOS)
        .isPositive();
  }

  /**
   * {@code assignAll} refuses a population that lacks a column the scheme reads with a {@link
   * ValidationException}, as {@link Segmenter#assignAll} documents, instead of another exception or
   * a segmentation that leaves everyone unclassified.
   */
  @Test
  public void assignAllRefusesAPopulationWithoutTheColumnsItReads() {
    SegmentationScheme scheme = createPlugin();
    Population.Columns needed = scheme.columns();
    if (needed.metrics().isEmpty() && needed.products().isEmpty() && !needed.stage()) {
      return;
    }
    qt().withExamples(PORTFOLIOS)
        .forAll(portfolios())
        .checkAssert(
            customers -> {
              Optional<FittedScheme> fitted = fit(scheme, population(scheme, customers));
              if (fitted.isEmpty()) {
                return;
              }
              Population bare = Population.of(customers, Generators.NOW, new Population.Columns(Set.of(), Set.of(), false));
              Throwable thrown = catchThrowable(() -> scheme.segmenter(fitted.get()).assignAll(bare));
              assertThat(thrown)
                  .as(
                      "assignAll of %s on a population without the columns it reads must throw a ValidationException, but"
                          + " it threw %s",
                      describe(scheme),
                      thrown)
                  .isInstanceOf(ValidationException.class);
            });
  }

  /** Several threads assigning at once get what one thread gets. */
  @Test
  public void assignmentIsSafeFromSeveralThreads() {
    SegmentationScheme scheme = createPlugin();
    // a difference between threads shows on the inputs that showed it: shrinking them (lists of
    // many contexts or customers, each run on every thread again) only delays the report
    qt().withExamples(5)
        .withShrinkCycles(0)
        .forAll(portfolios())
        .checkAssert(
            customers -> {
              Optional<FittedScheme> fitted = fit(scheme, population(scheme, customers));
              if (fitted.isEmpty()) {
                return;
              }
              Segmenter segmenter = scheme.segmenter(fitted.get());
              List<Assignment> serial = new ArrayList<>();
              customers.forEach(c -> serial.add(assign(segmenter, c)));
              assertThat(Concurrency.run(customers.size(), i -> assign(segmenter, customers.get(i))))
                  .as("assignments from %d threads", Concurrency.THREADS)
                  .isEqualTo(serial);
            });
  }

  /**
   * Fitted schemes survive the JSON round trip, and a reloaded fitted scheme assigns identically on
   * a new instance of the scheme with its defaults, as after a restart: the segmenter reads
   * everything from the fitted scheme, the configuration it was fitted with included. The schemes
   * fitted are the scheme with its defaults and configured with each parameter in turn moved to a
   * value it accepts.
   */
  @Test
  public void fittedSchemesSurviveTheJsonRoundTrip() {
    JsonRoundTrip json = JsonRoundTrip.withClmModule();
    SegmentationScheme scheme = createPlugin();
    List<SegmentationScheme> configurations = configurations(scheme);
    qt().withExamples(30)
        .forAll(portfolios(), Generate.pick(configurations))
        .checkAssert(
            (customers, configured) -> {
              Optional<FittedScheme> fitted = fit(configured, population(configured, customers));
              if (fitted.isEmpty()) {
                return;
              }
              FittedScheme back = json.roundTrip(fitted.get(), FittedScheme.class);
              assertThat(back).isEqualTo(fitted.get());
              Segmenter original = configured.segmenter(fitted.get());
              Segmenter reloaded = createPlugin().segmenter(back);
              for (Customer c : customers) {
                assertThat(assign(reloaded, c))
                    .as(
                        "assignment with the reloaded fit of %s on a new instance with the defaults (fitted with %s)",
                        describe(scheme),
                        configured.parameters())
                    .isEqualTo(assign(original, c));
              }
            });
  }

  /**
   * The scheme, and the scheme configured with each parameter in turn moved to the first of a few
   * other values that it accepts.
   */
  private static List<SegmentationScheme> configurations(SegmentationScheme scheme) {
    List<SegmentationScheme> out = new ArrayList<>();
    out.add(scheme);
    for (Map.Entry<String, Double> p : new java.util.TreeMap<>(scheme.parameters()).entrySet()) {
      double d = p.getValue();
      for (double v : new double[] {d * 0.5, d * 2, d + 1, d - 1, d * 0.9, d * 1.1}) {
        if (v == d || !Double.isFinite(v)) {
          continue;
        }
        try {
          out.add(scheme.configure(Map.of(p.getKey(), v)));
          break;
        } catch (ClmException refused) {
          // out of its range or at odds with another parameter: try the next value
        }
      }
    }
    return out;
  }

  /** Assignments survive the JSON round trip. */
  @Test
  public void assignmentsSurviveTheJsonRoundTrip() {
    JsonRoundTrip json = JsonRoundTrip.withClmModule();
    Assignment probe = new Assignment("tck.probe", io.clm.api.CustomerId.of("C-1"), "gold", "", Map.of("score", 1.0));
    assertThat(json.roundTrip(probe, Assignment.class))
        .as("clm's Jackson module must read back what it writes")
        .isEqualTo(probe);
    SegmentationScheme scheme = createPlugin();
    qt().withExamples(15)
        .forAll(portfolios())
        .checkAssert(
            customers -> {
              Optional<FittedScheme> fitted = fit(scheme, population(scheme, customers));
              if (fitted.isEmpty()) {
                return;
              }
              Segmenter segmenter = scheme.segmenter(fitted.get());
              for (Customer c : customers) {
                Assignment a = assign(segmenter, c);
                assertThat(json.roundTrip(a, Assignment.class)).isEqualTo(a);
              }
            });
  }

  /** How many portfolios the assignment check draws. */
  private static final int PORTFOLIOS = 30;

  /**
   * Customers for a portfolio: 1 to 60 realistic customers.
   *
   * @return the generator
   */
  protected Gen<List<Customer>> portfolios() {
    return lists().of(Generators.customers(STAGES)).ofSizeBetween(1, 60).assuming(l -> distinctIds(l));
  }

  private static boolean distinctIds(List<Customer> customers) {
    return new HashSet<>(customers.stream().map(Customer::id).toList()).size() == customers.size();
  }

  private static Population population(SegmentationScheme scheme, List<Customer> customers) {
    return Population.of(customers, Generators.NOW, scheme.columns());
  }

  private static Optional<FittedScheme> fit(SegmentationScheme scheme, Population population) {
    FittedScheme fitted;
    try {
      fitted = scheme.fit(population);
    } catch (ClmException refused) {
      if (scheme.kind() == SegmentationScheme.Kind.ABSOLUTE) {
        throw new AssertionError(
            describe(scheme) + " is absolute, so it fits any population, but fit() refused one of " + population.size()
                + " customers: " + refused,
            refused);
      }
      return Optional.empty();
    } catch (RuntimeException e) {
      throw new AssertionError(describe(scheme) + ".fit() threw " + e + "; expected a fitted scheme or a ClmException", e);
    }
    assertThat(fitted).as("fit() of %s", describe(scheme)).isNotNull();
    return Optional.of(fitted);
  }

  private static Assignment assign(Segmenter segmenter, Customer customer) {
    Assignment a;
    try {
      a = segmenter.assign(customer, Generators.NOW);
    } catch (RuntimeException e) {
      throw new AssertionError(
          "assign(" + customer + ") threw " + e
              + "; assignment is total: a customer the scheme cannot place is unclassified with a reason",
          e);
    }
    assertThat(a).as("assign(%s)", customer).isNotNull();
    return a;
  }

  private static Map<Metric, List<Double>> columns(Population population) {
    Map<Metric, List<Double>> copy = new java.util.TreeMap<>();
    for (Metric m : population.columns().metrics()) {
      double[] values = new double[population.size()];
      population.copy(m, values);
      List<Double> list = new ArrayList<>();
      for (double v : values) {
        list.add(v);
      }
      copy.put(m, list);
    }
    return copy;
  }
}
