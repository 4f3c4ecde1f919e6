package io.clm.segmentation.tck;

import io.clm.api.segmentation.SegmentationScheme;
import io.clm.segmentation.LoyaltyScaleCredit;
import io.clm.tck.SegmentationSchemeContract;

/** The plugin test kit, run against a built-in plugin. */
class LoyaltyScaleCreditContractTest extends SegmentationSchemeContract {
  @Override
  protected SegmentationScheme createPlugin() {
    return new LoyaltyScaleCredit();
  }
}
