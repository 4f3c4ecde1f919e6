/**
 * The clm plugin test kit: abstract JUnit 5 contract tests, one per plugin kind, that a plugin's
 * test extends with one factory method, plus generators of realistic customers, metrics and events.
 * Add it to a plugin project in test scope.
 */
module io.clm.tck {
  requires transitive io.clm.api;
  requires transitive org.junit.jupiter.api;
  requires transitive quicktheories;
  requires org.assertj.core;
  requires com.fasterxml.jackson.databind;
  requires io.clm.jackson;

  exports io.clm.tck;

  uses io.clm.api.spi.ClmProvider;
  uses io.clm.api.model.LifecycleModelProvider;
  uses io.clm.api.segmentation.SegmentationScheme;
  uses io.clm.api.retention.RetentionStrategy;
  uses io.clm.api.complaints.ComplaintWorkflow;
}
