package io.clm.segmentation;

import com.google.auto.service.AutoService;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.plugin.support.BaseScheme;
import java.util.List;
import java.util.Map;

/**
 * {@code value-pyramid} (seed 003, 根据客户对企业的价值分: 客户数比重 5 / 15 / 80, 给企业利润贡献 80 / 15 /
 * 5): key customers, the top 5 % of customers by profit, who give about 80 % of it; potential
 * customers (潜力客户), the next 15 %; ordinary customers (一般客户), the remaining 80 %. Parameters {@code key.share} (0.05) and {@code
 * potential.share} (0.15) are shares of customers; fitting learns {@code key.min-profit} and {@code
 * potential.min-profit}.
 */
@AutoService(SegmentationScheme.class)
public final class ValuePyramid extends ProfitTiers {

  /** The scheme with its default cut points, 5 % / 15 % / 80 %. */
  public ValuePyramid() {
    this(Map.of());
  }

  private ValuePyramid(Map<String, Double> overrides) {
    super("value-pyramid", List.of("key", "potential", "ordinary"), 0.05, 0.15, overrides);
  }

  @Override
  protected BaseScheme create(Map<String, Double> parameters) {
    return new ValuePyramid(parameters);
  }
}
