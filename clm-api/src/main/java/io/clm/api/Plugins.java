package io.clm.api;

import io.clm.api.annotation.Stable;
import io.clm.api.spi.Plugin;
import java.util.List;

/**
 * The plugins discovered through {@link java.util.ServiceLoader}: lifecycle models, segmentation
 * schemes, retention strategies and complaint workflows, built-in and third-party alike. Obtain
 * with {@link Clm#plugins()}.
 *
 * <p>A broken plugin does not stop the others: a provider that cannot be loaded or instantiated,
 * or whose id is malformed, and every class of an id claimed twice, is left out, logged as a
 * warning naming its class and jar, and listed by {@link #problems()}. It becomes an error only
 * when it is asked for: {@link #get} (and so an engine or a desk built with that id) fails with
 * the problem in the message.
 */
@Stable
public interface Plugins {

  /**
   * The plugin of a kind with an id.
   *
   * @param kind the SPI interface, such as {@code SegmentationScheme.class}
   * @param id the plugin's id
   * @param <T> the SPI type
   * @return the plugin
   * @throws PluginConfigurationException if there is none with that id (the message lists the
   *     known ids and the plugins of this kind that could not be loaded), or if two plugins claim
   *     the id (the message names both classes and their jars)
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

  /**
   * What discovery had to leave out: one line per provider that could not be loaded (its kind,
   * class, jar and cause) and per id claimed by several classes (every class with its jar), every
   * kind at once. Empty when everything loaded.
   *
   * @return the problems, in the order of {@link io.clm.api.spi.Plugin#kinds()}
   */
  List<String> problems();
}
