package io.clm.api;

import io.clm.api.spi.Plugin;
import java.util.List;

/**
 * The plugins discovered through {@link java.util.ServiceLoader}: lifecycle models, segmentation
 * schemes, retention strategies and complaint workflows, built-in and third-party alike. Obtain
 * with {@link Clm#plugins()}.
 */
public interface Plugins {

  /**
   * The plugin of a kind with an id.
   *
   * @param kind the SPI interface, such as {@code SegmentationScheme.class}
   * @param id the plugin's id
   * @param <T> the SPI type
   * @return the plugin
   * @throws PluginConfigurationException if there is none with that id (the message lists the
   *     known ids)
   */
  <T extends Plugin> T get(Class<T> kind, String id);

  /**
   * Every plugin of a kind, ordered by id.
   *
   * @param kind the SPI interface
   * @param <T> the SPI type
   * @return the plugins
   */
  <T extends Plugin> List<T> all(Class<T> kind);

  /**
   * What was discovered, ordered by kind and id.
   *
   * @return one entry per plugin
   */
  List<PluginInfo> list();
}
