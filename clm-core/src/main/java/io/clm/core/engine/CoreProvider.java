package io.clm.core.engine;

import com.google.auto.service.AutoService;
import io.clm.api.LifecycleEngine;
import io.clm.api.Plugins;
import io.clm.api.spi.ClmProvider;
import io.clm.api.spi.EngineConfig;
import io.clm.core.plugins.PluginRegistry;
import java.util.Objects;

/**
 * clm-core's implementation of the engine SPI, found by {@link io.clm.api.Clm} through {@link
 * java.util.ServiceLoader}. Applications never use it directly.
 */
@AutoService(ClmProvider.class)
public final class CoreProvider implements ClmProvider {

  /** For {@link java.util.ServiceLoader}. */
  public CoreProvider() {}

  @Override
  public LifecycleEngine engine(EngineConfig config) {
    return new CoreLifecycleEngine(Objects.requireNonNull(config, "config"));
  }

  @Override
  public Plugins plugins(ClassLoader loader) {
    return PluginRegistry.discover(Objects.requireNonNull(loader, "loader"));
  }
}
