package io.clm.segmentation;

import com.google.auto.service.AutoService;
import io.clm.api.event.ProductType;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.plugin.support.BaseScheme;
import io.clm.plugin.support.Labels;
import io.clm.plugin.support.Rules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code needs} (seed 004, 根据客户的不同需求(如理财、贷款、支付等)进行分类): wealth management, loans,
 * payments. A customer has a need when it holds a product of the kind or has transacted on one:
 * {@code wealth-management} from {@link ProductType#WEALTH_MANAGEMENT}, {@code loans} from {@link
 * ProductType#LOAN}, {@code payments} from {@link ProductType#PAYMENTS} and {@link ProductType#CARD}.
 *
 * <p>A customer may have several needs. The segment is the primary need: the one with the largest
 * transaction volume, ties (such as holdings without transactions yet) going to the first in the
 * order wealth management, loans, payments. The full set is in the assignment's inputs: {@code
 * need.wealth-management}, {@code need.loans}, {@code need.payments} are 1 when the customer has the
 * need, 0 otherwise. A customer with none of them is unclassified.
 */
@AutoService(SegmentationScheme.class)
public final class Needs extends BaseScheme {
  private static final List<String> SEGMENTS = List.of("wealth-management", "loans", "payments");
  /** The product types of each need, in the order of {@link #SEGMENTS}. */
  private static final List<List<ProductType>> PRODUCTS =
      List.of(
          List.of(ProductType.WEALTH_MANAGEMENT),
          List.of(ProductType.LOAN),
          List.of(ProductType.PAYMENTS, ProductType.CARD));
  private static final List<String> REASONS =
      List.of("no wealth management, loan, payment or card products or transactions");

  /** The scheme; it has no parameters. */
  public Needs() {
    this(Map.of());
  }

  private Needs(Map<String, Double> overrides) {
    super(
        "needs",
        Kind.ABSOLUTE,
        SEGMENTS,
        new Population.Columns(
            Set.of(),
            PRODUCTS.stream().flatMap(List::stream).collect(Collectors.toUnmodifiableSet()),
            false),
        List.of(),
        overrides);
  }

  @Override
  protected BaseScheme create(Map<String, Double> parameters) {
    return new Needs(parameters);
  }

  @Override
  protected Rules rules(FittedScheme fitted) {
    return new Rules() {
      @Override
      public int classify(Population p, int row, Labels labels) {
        int best = -1;
        double bestVolume = -1;
        for (int need = 0; need < PRODUCTS.size(); need++) {
          if (has(p, row, need)) {
            double v = volume(p, row, need);
            if (v > bestVolume) {
              best = need;
              bestVolume = v;
            }
          }
        }
        return best;
      }

      @Override
      public void explain(Population p, int row, Map<String, Double> into) {
        for (int need = 0; need < PRODUCTS.size(); need++) {
          into.put("need." + SEGMENTS.get(need), has(p, row, need) ? 1.0 : 0.0);
          into.put("volume." + SEGMENTS.get(need), volume(p, row, need));
        }
      }

      @Override
      public List<String> reasons() {
        return REASONS;
      }
    };
  }

  private static boolean has(Population p, int row, int need) {
    for (ProductType product : PRODUCTS.get(need)) {
      if (p.held(product, row) > 0 || p.volume(product, row) > 0) {
        return true;
      }
    }
    return false;
  }

  private static double volume(Population p, int row, int need) {
    double sum = 0;
    for (ProductType product : PRODUCTS.get(need)) {
      sum += p.volume(product, row);
    }
    return sum;
  }
}
