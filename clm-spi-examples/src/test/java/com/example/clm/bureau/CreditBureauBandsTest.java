package com.example.clm.bureau;

import io.clm.api.segmentation.SegmentationScheme;
import io.clm.tck.SegmentationSchemeContract;

/** The test kit's contract, run against the example. */
class CreditBureauBandsTest extends SegmentationSchemeContract {
  @Override
  protected SegmentationScheme createPlugin() {
    return new CreditBureauBands();
  }
}
