package com.example.clm.bands;

import io.clm.api.segmentation.SegmentationScheme;
import io.clm.tck.SegmentationSchemeContract;

class ScoreBandsTest extends SegmentationSchemeContract {
  @Override
  protected SegmentationScheme createPlugin() {
    return new ScoreBands();
  }
}
