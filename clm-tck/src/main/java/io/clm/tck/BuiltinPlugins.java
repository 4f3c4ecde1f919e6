package io.clm.tck;

import io.clm.api.Clm;
import io.clm.api.PluginInfo;
import io.clm.api.annotation.Experimental;
import io.clm.api.spi.ClmProvider;
import io.clm.api.spi.Plugin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ids of clm's own plugins, which third-party plugins may not use. The kit knows them in two
 * ways, and uses both:
 *
 * <ol>
 *   <li>a list shipped with the kit ({@code io/clm/tck/builtin-plugins.properties}), one line per
 *       kind, so that the check works with clm-api alone on the test class path; every built-in
 *       plugin runs the kit, which fails if its id is missing from the list, so the list stays
 *       complete;
 *   <li>the plugins that {@link Clm#plugins()} discovers whose class is in the {@code io.clm}
 *       package tree, when clm-core (and the built-in modules) are on the test class path.
 * </ol>
 *
 * <p>Ids without a dot are reserved for clm: a third-party id must start with its organisation
 * ({@code acme.credit-bureau-band}), so that no future built-in can collide with it either.
 */
@Experimental
public final class BuiltinPlugins {

  private static final String RESOURCE = "builtin-plugins.properties";

  private BuiltinPlugins() {}

  /**
   * Whether a class is one of clm's own: its package is in the {@code io.clm} tree.
   *
   * @param type the plugin class
   * @return true for built-ins
   */
  public static boolean isBuiltIn(Class<?> type) {
    return type.getName().startsWith("io.clm.");
  }

  /**
   * The ids on the kit's list of built-ins of one kind.
   *
   * @param kind the SPI interface
   * @return the ids, sorted
   */
  public static Set<String> listed(Class<? extends Plugin> kind) {
    Objects.requireNonNull(kind, "kind");
    Properties p = new Properties();
    try (InputStream in = BuiltinPlugins.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the kit's " + RESOURCE + " is missing");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Set<String> ids = new TreeSet<>();
    String line = p.getProperty(kind.getSimpleName(), "");
    Arrays.stream(line.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(ids::add);
    return ids;
  }

  /**
   * Every built-in id of a kind: the kit's list plus the built-ins discovered on the class path of
   * {@code loader} (none if clm-core is absent).
   *
   * @param kind the SPI interface
   * @param loader where to discover
   * @return the ids, sorted
   * @throws io.clm.api.PluginConfigurationException if clm-core is present and discovery fails
   */
  public static Set<String> ids(Class<? extends Plugin> kind, ClassLoader loader) {
    Set<String> ids = listed(kind);
    if (ServiceLoader.load(ClmProvider.class, loader).findFirst().isEmpty()) {
      return ids;
    }
    for (PluginInfo info : Clm.plugins(loader).list()) {
      if (info.kind().equals(kind.getSimpleName()) && info.className().startsWith("io.clm.")) {
        ids.add(info.id());
      }
    }
    return ids;
  }
}
