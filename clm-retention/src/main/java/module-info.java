/**
 * Retention for clm: the built-in retention strategies per stage family, the explainable
 * early-warning risk score, the BG/NBD and Gamma-Gamma models with customer lifetime value, and
 * budgeted prioritisation of retention actions.
 */
module io.clm.retention {
  requires transitive io.clm.api;
  requires io.clm.plugin.support;
  requires static com.google.auto.service;

  exports io.clm.retention;

  provides io.clm.api.retention.RetentionStrategy with
      io.clm.retention.strategy.TrustBuildingStrategy,
      io.clm.retention.strategy.SatisfactionStrategy,
      io.clm.retention.strategy.CrossUpSellStrategy,
      io.clm.retention.strategy.MaturityExtensionStrategy,
      io.clm.retention.strategy.DeclineRecoveryStrategy,
      io.clm.retention.strategy.WinBackStrategy,
      io.clm.retention.strategy.NewLineOfBusinessStrategy;
}
