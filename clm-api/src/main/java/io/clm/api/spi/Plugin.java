package io.clm.api.spi;

import io.clm.api.annotation.Stable;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.api.retention.RetentionStrategy;
import io.clm.api.segmentation.SegmentationScheme;
import java.util.List;

/**
 * What every plugin has: a stable id. Plugins are discovered with {@link java.util.ServiceLoader}:
 * annotate the class with {@code @AutoService(TheSpi.class)} (which writes {@code
 * META-INF/services}) and, in a named module, add {@code provides TheSpi with YourClass;} to {@code
 * module-info.java}. A plugin class needs a public no-argument constructor and must be safe to use
 * from several threads.
 */
@Stable
public interface Plugin {

  /**
   * The plugin's id: stable across versions, unique among plugins of its kind, lowercase letters,
   * digits, hyphens and dots ({@code banking-six-stage}, {@code acme.credit-bureau-band}). Third-party
   * plugins should prefix it with their organisation.
   *
   * @return the id
   */
  String id();

  /**
   * The plugin kinds clm discovers: every SPI interface that extends {@link Plugin}.
   *
   * @return the SPI interfaces
   */
  static List<Class<? extends Plugin>> kinds() {
    return List.of(
        LifecycleModelProvider.class,
        SegmentationScheme.class,
        RetentionStrategy.class,
        ComplaintWorkflow.class);
  }
}
