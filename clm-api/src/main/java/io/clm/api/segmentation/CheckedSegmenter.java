package io.clm.api.segmentation;

import io.clm.api.Customer;
import io.clm.api.PluginFailureException;
import io.clm.api.TextRules;
import io.clm.api.annotation.Experimental;
import io.clm.api.spi.PluginCalls;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A scheme's {@link Segmenter} with every answer checked, as clm checks every plugin it calls: a
 * scheme that throws, returns null, or assigns a segment it does not declare is isolated in a
 * {@link PluginFailureException} naming the scheme (id and class), the operation and the customer
 * (masked), and nothing it returned is used. Use it wherever a scheme from an unknown vendor
 * segments customers:
 *
 * <pre>{@code
 * SegmentationScheme scheme = Clm.plugins().get(SegmentationScheme.class, "acme.bands");
 * Segmenter segmenter = CheckedSegmenter.of(scheme, scheme.fit(portfolio));
 * Assignment one = segmenter.assign(customer, asOf); // a declared segment, or unclassified
 * }</pre>
 *
 * <p>A scheme whose {@link SegmentationScheme#segments()} is empty takes its segments from the
 * data (the customers' stages, for example); its assignments are checked against the labels its
 * segmenter reports.
 */
@Experimental
public final class CheckedSegmenter implements Segmenter {
  private final SegmentationScheme scheme;
  private final Segmenter segmenter;
  private final String subject;

  private CheckedSegmenter(SegmentationScheme scheme, Segmenter segmenter, String subject) {
    this.scheme = scheme;
    this.segmenter = segmenter;
    this.subject = subject;
  }

  /**
   * Binds a fitted scheme through the scheme, checked.
   *
   * @param scheme the scheme
   * @param fitted what {@link SegmentationScheme#fit} gave
   * @return the checked segmenter
   * @throws PluginFailureException if the scheme throws (a refusal of the fitted scheme included:
   *     what it threw is the cause) or returns null
   */
  public static Segmenter of(SegmentationScheme scheme, FittedScheme fitted) {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(fitted, "fitted");
    String subject = "fitted scheme " + TextRules.excerpt(fitted.schemeId());
    Segmenter segmenter = PluginCalls.call(scheme, subject, "segmenter", s -> s.segmenter(fitted));
    return new CheckedSegmenter(scheme, segmenter, subject);
  }

  @Override
  public FittedScheme fitted() {
    return PluginCalls.call(scheme, subject, "fitted", s -> segmenter.fitted());
  }

  @Override
  public List<String> segments() {
    return PluginCalls.call(scheme, subject, "segments", s -> segmenter.segments());
  }

  /**
   * {@inheritDoc}
   *
   * @throws PluginFailureException if the scheme throws, returns null, or assigns a segment it
   *     does not declare
   */
  @Override
  public Assignment assign(Customer customer, Instant asOf) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(asOf, "asOf");
    Assignment assignment =
        PluginCalls.call(scheme, customer.id(), "assign", s -> segmenter.assign(customer, asOf));
    if (!assignment.segment().equals(Assignment.UNCLASSIFIED)) {
      PluginCalls.requireDeclared(scheme, customer.id(), "segment", assignment.segment(), declared());
    }
    return assignment;
  }

  /**
   * {@inheritDoc}
   *
   * @throws PluginFailureException if the scheme throws, returns null, or labels a segment it does
   *     not declare
   */
  @Override
  public Segmentation assignAll(Population population) {
    Objects.requireNonNull(population, "population");
    Segmentation result =
        PluginCalls.call(scheme, "a population of " + population.size(), "assignAll", s -> segmenter.assignAll(population));
    List<String> declared = declared();
    for (String label : result.labels()) {
      if (!label.equals(Assignment.UNCLASSIFIED)) {
        PluginCalls.requireDeclared(scheme, "a population of " + population.size(), "segment", label, declared);
      }
    }
    return result;
  }

  private List<String> declared() {
    List<String> declared = PluginCalls.call(scheme, subject, "segments", SegmentationScheme::segments);
    return declared.isEmpty() ? segments() : declared;
  }

  @Override
  public String toString() {
    return "CheckedSegmenter[" + segmenter + "]";
  }
}
