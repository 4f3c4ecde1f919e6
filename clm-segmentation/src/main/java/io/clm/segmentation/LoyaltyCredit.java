package io.clm.segmentation;

import com.google.auto.service.AutoService;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.plugin.support.BaseScheme;
import java.util.List;
import java.util.Map;

/**
 * {@code loyalty-credit} (seed 003, 按客户忠诚度与信用等级结合进行分类): high credit and low loyalty is
 * {@code star} (明星), high credit and high loyalty {@code gold} (黄金), low credit and low loyalty
 * {@code junk} (垃圾), low credit and high loyalty {@code risk} (风险).
 */
@AutoService(SegmentationScheme.class)
public final class LoyaltyCredit extends LoyaltyGrid {

  /** The scheme with its default thresholds: loyalty 0.5, credit score 600. */
  public LoyaltyCredit() {
    this(Map.of());
  }

  private LoyaltyCredit(Map<String, Double> overrides) {
    super(
        "loyalty-credit",
        List.of("star", "gold", "junk", "risk"),
        true,
        false,
        (highCredit, scale, loyal) -> highCredit ? (loyal ? "gold" : "star") : (loyal ? "risk" : "junk"),
        overrides);
  }

  @Override
  protected BaseScheme create(Map<String, Double> parameters) {
    return new LoyaltyCredit(parameters);
  }
}
