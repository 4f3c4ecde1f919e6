package io.clm.segmentation;

import com.google.auto.service.AutoService;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.plugin.support.BaseScheme;
import java.util.List;
import java.util.Map;

/**
 * {@code loyalty} (seed 003, 客户忠诚的衡量指标): high or low loyalty by the loyalty score of the five
 * indicators; the assignment's inputs carry the score.
 */
@AutoService(SegmentationScheme.class)
public final class Loyalty extends LoyaltyGrid {

  /** The scheme with its default weights (0.2 each) and threshold (0.5). */
  public Loyalty() {
    this(Map.of());
  }

  private Loyalty(Map<String, Double> overrides) {
    super(
        "loyalty",
        List.of("high-loyalty", "low-loyalty"),
        false,
        false,
        (credit, scale, loyal) -> loyal ? "high-loyalty" : "low-loyalty",
        overrides);
  }

  @Override
  protected BaseScheme create(Map<String, Double> parameters) {
    return new Loyalty(parameters);
  }
}
