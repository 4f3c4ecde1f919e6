package io.clm.segmentation.tck;

import io.clm.api.segmentation.SegmentationScheme;
import io.clm.segmentation.Needs;
import io.clm.tck.SegmentationSchemeContract;

/** The plugin test kit, run against a built-in plugin. */
class NeedsContractTest extends SegmentationSchemeContract {
  @Override
  protected SegmentationScheme createPlugin() {
    return new Needs();
  }
}
