package com.example.clm.discovery;

import io.clm.api.PluginInfo;
import java.util.List;

/** What discovery must find in the examples jar, ordered as Plugins.list() orders: by kind, then id. */
final class ExpectedExamples {
  private ExpectedExamples() {}

  static List<PluginInfo> infos(String location, String version) {
    return List.of(
        new PluginInfo("example.ie-cpc", "ComplaintWorkflow", "com.example.clm.ireland.IrelandConsumerProtectionCode", location, version),
        new PluginInfo("example.strict-complaints", "ComplaintWorkflow", "com.example.clm.complaints.StrictComplaintWorkflow", location, version),
        new PluginInfo("example.credit-card", "LifecycleModelProvider", "com.example.clm.cards.CreditCardLifecycle", location, version),
        new PluginInfo("example.loyalty-points", "RetentionStrategy", "com.example.clm.loyalty.LoyaltyPointsRetention", location, version),
        new PluginInfo("example.credit-bureau-band", "SegmentationScheme", "com.example.clm.bureau.CreditBureauBands", location, version),
        new PluginInfo("example.score-bands", "SegmentationScheme", "com.example.clm.bands.ScoreBands", location, version));
  }
}
