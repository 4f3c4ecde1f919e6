package io.clm.segmentation;

import com.google.auto.service.AutoService;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.plugin.support.BaseScheme;
import java.util.List;
import java.util.Map;

/**
 * {@code value-tier} (seed 004, 按照客户价值分类: 高价值客户、中价值客户和低价值客户): high, medium and low
 * value customers by profit. By quantile: {@code high.share} (0.2) and {@code medium.share} (0.3) of
 * customers, fitted into {@code high.min-profit} and {@code medium.min-profit}. By fixed
 * thresholds: write a {@link io.clm.api.segmentation.FittedScheme} by hand with the two thresholds
 * (and the two shares, which are then only recorded).
 */
@AutoService(SegmentationScheme.class)
public final class ValueTier extends ProfitTiers {

  /** The scheme with its default quantiles, 20 % / 30 % / 50 %. */
  public ValueTier() {
    this(Map.of());
  }

  private ValueTier(Map<String, Double> overrides) {
    super("value-tier", List.of("high", "medium", "low"), 0.2, 0.3, overrides);
  }

  @Override
  protected BaseScheme create(Map<String, Double> parameters) {
    return new ValueTier(parameters);
  }
}
