/**
 * The built-in segmentation schemes (value pyramid, value tiers, loyalty grids, loyalty score, RFM,
 * needs, relationship status, lifecycle stage) as {@link io.clm.api.segmentation.SegmentationScheme}
 * plugins, and {@link io.clm.segmentation.history.SegmentHistory}: segment moves over time and migration
 * matrices for any scheme.
 */
module io.clm.segmentation {
  requires transitive io.clm.api;
  requires io.clm.plugin.support;
  requires static com.google.auto.service;

  exports io.clm.segmentation.history;

  provides io.clm.api.segmentation.SegmentationScheme with
      io.clm.segmentation.ValuePyramid,
      io.clm.segmentation.ValueTier,
      io.clm.segmentation.Loyalty,
      io.clm.segmentation.LoyaltyCredit,
      io.clm.segmentation.LoyaltyScale,
      io.clm.segmentation.LoyaltyScaleCredit,
      io.clm.segmentation.Rfm,
      io.clm.segmentation.Needs,
      io.clm.segmentation.RelationshipStatus,
      io.clm.segmentation.LifecycleStage;
}
