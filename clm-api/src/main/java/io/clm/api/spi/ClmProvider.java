package io.clm.api.spi;

import io.clm.api.LifecycleEngine;
import io.clm.api.Plugins;
import io.clm.api.annotation.Internal;

/**
 * The bridge from the API to the engine implementation, found with {@link java.util.ServiceLoader}
 * by {@link io.clm.api.Clm}. clm-core provides exactly one; applications never call it. Exactly one
 * provider must be present at run time.
 */
@Internal
public interface ClmProvider {

  /**
   * Creates an engine.
   *
   * @param config the validated configuration
   * @return the engine
   */
  LifecycleEngine engine(EngineConfig config);

  /**
   * Discovers plugins.
   *
   * @param loader the class loader to search
   * @return the registry
   * @throws io.clm.api.PluginConfigurationException if two plugins share an id or a provider cannot
   *     be loaded
   */
  Plugins plugins(ClassLoader loader);
}
