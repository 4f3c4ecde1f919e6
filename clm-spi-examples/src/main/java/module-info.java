/**
 * Example clm plugins, written as an outside vendor writes them: against clm-api only, registered
 * with {@code @AutoService} for the class path and with {@code provides} for the module path.
 */
module com.example.clm {
  requires io.clm.api;
  requires io.clm.plugin.support;
  requires static com.google.auto.service;

  provides io.clm.api.model.LifecycleModelProvider with
      com.example.clm.cards.CreditCardLifecycle;
  provides io.clm.api.segmentation.SegmentationScheme with
      com.example.clm.bureau.CreditBureauBands,
      com.example.clm.bands.ScoreBands;
  provides io.clm.api.retention.RetentionStrategy with
      com.example.clm.loyalty.LoyaltyPointsRetention;
  provides io.clm.api.complaints.ComplaintWorkflow with
      com.example.clm.complaints.StrictComplaintWorkflow,
      com.example.clm.ireland.IrelandConsumerProtectionCode;
}
