package io.clm.plugin.support;

import io.clm.api.Customer;
import io.clm.api.ValidationException;
import io.clm.api.segmentation.Assignment;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.Segmentation;
import io.clm.api.segmentation.Segmenter;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A built-in scheme's segmenter: the same {@link Rules} for one customer and for a portfolio, and
 * the same refusal of a code that has no label or reason ({@link Segmentation#of}'s) for both.
 */
final class SchemeSegmenter implements Segmenter {
  private final BaseScheme scheme;
  private final FittedScheme fitted;
  private final Rules rules;
  /** Shared when the segments are fixed (Labels refuses any other, so nothing is ever added); null when they come from the data. */
  private final Labels fixedLabels;

  SchemeSegmenter(BaseScheme scheme, FittedScheme fitted, Rules rules) {
    this.scheme = scheme;
    this.fitted = fitted;
    this.rules = rules;
    this.fixedLabels = scheme.segments().isEmpty() ? null : new Labels(scheme.segments());
  }

  private Labels labels() {
    return fixedLabels != null ? fixedLabels : new Labels(scheme.segments());
  }

  @Override
  public FittedScheme fitted() {
    return fitted;
  }

  @Override
  public List<String> segments() {
    return scheme.segments();
  }

  @Override
  public Assignment assign(Customer customer, Instant asOf) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(asOf, "asOf");
    Population one = Population.of(customer, asOf, scheme.columns());
    Labels labels = labels();
    int code = rules.classify(one, 0, labels);
    if (code >= labels.all().size() || -1 - code >= rules.reasons().size()) {
      throw new ValidationException(
          "segmentation code " + code + " of customer " + customer.id().masked() + " has no label or reason");
    }
    Map<String, Double> inputs = new HashMap<>();
    rules.explain(one, 0, inputs);
    return code >= 0
        ? new Assignment(scheme.id(), customer.id(), labels.label(code), "", inputs)
        : new Assignment(
            scheme.id(), customer.id(), Assignment.UNCLASSIFIED, rules.reasons().get(-1 - code), inputs);
  }

  @Override
  public Segmentation assignAll(Population population) {
    Objects.requireNonNull(population, "population");
    scheme.requireColumns(population);
    Labels labels = labels();
    int n = population.size();
    int[] codes = new int[n];
    for (int row = 0; row < n; row++) {
      codes[row] = rules.classify(population, row, labels);
    }
    return Segmentation.of(scheme.id(), population, labels.all(), rules.reasons(), codes);
  }

  @Override
  public String toString() {
    return "Segmenter[" + fitted + "]";
  }
}
