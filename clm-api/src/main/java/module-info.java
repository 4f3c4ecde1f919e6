/**
 * The public API of clm, the customer lifecycle management SDK: value types, events, the lifecycle
 * model builder, the plugin SPIs and the {@link io.clm.api.Clm} entry point. Depends on the JDK only.
 */
module io.clm.api {
  exports io.clm.api;
  exports io.clm.api.annotation;
  exports io.clm.api.event;
  exports io.clm.api.model;
  exports io.clm.api.segmentation;
  exports io.clm.api.retention;
  exports io.clm.api.complaints;
  exports io.clm.api.spi;

  uses io.clm.api.spi.ClmProvider;
  uses io.clm.api.spi.ComplaintDeskProvider;
}
