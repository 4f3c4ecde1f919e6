package io.clm.segmentation.tck;

import io.clm.api.segmentation.SegmentationScheme;
import io.clm.segmentation.RelationshipStatus;
import io.clm.tck.SegmentationSchemeContract;

/** The plugin test kit, run against a built-in plugin. */
class RelationshipStatusContractTest extends SegmentationSchemeContract {
  @Override
  protected SegmentationScheme createPlugin() {
    return new RelationshipStatus();
  }
}
