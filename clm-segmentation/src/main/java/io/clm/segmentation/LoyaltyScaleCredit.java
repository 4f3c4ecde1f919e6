package io.clm.segmentation;

import com.google.auto.service.AutoService;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.plugin.support.BaseScheme;
import java.util.List;
import java.util.Map;

/**
 * {@code loyalty-scale-credit} (seed 003, 将客户忠诚度、客户规模与客户信用等级三者相结合的分类方法): the eight
 * combinations of high/low credit, large/small scale and high/low loyalty, in the seed's order,
 * named {@code <credit>-credit-<scale>-<loyalty>-loyalty}.
 */
@AutoService(SegmentationScheme.class)
public final class LoyaltyScaleCredit extends LoyaltyGrid {

  /** The scheme with its default thresholds: loyalty 0.5, credit score 600, scale 1,000,000. */
  public LoyaltyScaleCredit() {
    this(Map.of());
  }

  private LoyaltyScaleCredit(Map<String, Double> overrides) {
    super(
        "loyalty-scale-credit",
        List.of(
            "high-credit-large-high-loyalty",
            "high-credit-large-low-loyalty",
            "high-credit-small-high-loyalty",
            "high-credit-small-low-loyalty",
            "low-credit-small-low-loyalty",
            "low-credit-small-high-loyalty",
            "low-credit-large-low-loyalty",
            "low-credit-large-high-loyalty"),
        true,
        true,
        (highCredit, large, loyal) ->
            (highCredit ? "high" : "low") + "-credit-" + (large ? "large" : "small") + "-" + (loyal ? "high" : "low") + "-loyalty",
        overrides);
  }

  @Override
  protected BaseScheme create(Map<String, Double> parameters) {
    return new LoyaltyScaleCredit(parameters);
  }
}
