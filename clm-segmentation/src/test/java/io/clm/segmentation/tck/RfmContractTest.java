package io.clm.segmentation.tck;

import io.clm.api.segmentation.SegmentationScheme;
import io.clm.segmentation.Rfm;
import io.clm.tck.SegmentationSchemeContract;

/** The plugin test kit, run against a built-in plugin. */
class RfmContractTest extends SegmentationSchemeContract {
  @Override
  protected SegmentationScheme createPlugin() {
    return new Rfm();
  }
}
