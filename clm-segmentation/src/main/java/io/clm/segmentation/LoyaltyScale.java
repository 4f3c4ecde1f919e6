package io.clm.segmentation;

import com.google.auto.service.AutoService;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.plugin.support.BaseScheme;
import java.util.List;
import java.util.Map;

/**
 * {@code loyalty-scale} (seed 003, 按客户忠诚度与客户规模结合的分类): large scale and low loyalty is
 * {@code tomorrow} (明日), large and high loyalty {@code cash-cow} (金牛), small and low loyalty {@code
 * warm-up} (加温), small and high loyalty {@code chicken-rib} (鸡肋, marginal).
 */
@AutoService(SegmentationScheme.class)
public final class LoyaltyScale extends LoyaltyGrid {

  /** The scheme with its default thresholds: loyalty 0.5, scale 1,000,000. */
  public LoyaltyScale() {
    this(Map.of());
  }

  private LoyaltyScale(Map<String, Double> overrides) {
    super(
        "loyalty-scale",
        List.of("tomorrow", "cash-cow", "warm-up", "chicken-rib"),
        false,
        true,
        (credit, large, loyal) -> large ? (loyal ? "cash-cow" : "tomorrow") : (loyal ? "chicken-rib" : "warm-up"),
        overrides);
  }

  @Override
  protected BaseScheme create(Map<String, Double> parameters) {
    return new LoyaltyScale(parameters);
  }
}
