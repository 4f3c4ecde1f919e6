package io.clm.segmentation.tck;

import io.clm.api.segmentation.SegmentationScheme;
import io.clm.segmentation.Loyalty;
import io.clm.tck.SegmentationSchemeContract;

/** The plugin test kit, run against a built-in plugin. */
class LoyaltyContractTest extends SegmentationSchemeContract {
  @Override
  protected SegmentationScheme createPlugin() {
    return new Loyalty();
  }
}
