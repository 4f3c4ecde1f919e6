/**
 * The clm engine: lifecycle state with incremental metrics, rule evaluation, history, listeners,
 * the plugin registry, the built-in lifecycle models and JSON snapshots. Applications depend on it
 * at run time and program against {@code io.clm.api}.
 */
module io.clm.core {
  requires transitive io.clm.api;
  requires com.fasterxml.jackson.core;
  requires io.clm.plugin.support;
  requires org.slf4j;
  requires static com.google.auto.service;

  provides io.clm.api.spi.ClmProvider with io.clm.core.engine.CoreProvider;

  uses io.clm.api.model.LifecycleModelProvider;
  uses io.clm.api.segmentation.SegmentationScheme;
  uses io.clm.api.retention.RetentionStrategy;
  uses io.clm.api.complaints.ComplaintWorkflow;

  provides io.clm.api.model.LifecycleModelProvider with
      io.clm.core.models.ThreeStageProvider,
      io.clm.core.models.BankingSixStageProvider,
      io.clm.core.models.RelationshipSevenPeriodProvider,
      io.clm.core.models.FourStageProvider,
      io.clm.core.models.JourneySevenStageProvider,
      io.clm.core.models.RelationshipStatusProvider;
}
