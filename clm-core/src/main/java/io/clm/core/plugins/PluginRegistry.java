package io.clm.core.plugins;

import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginInfo;
import io.clm.api.Plugins;
import io.clm.api.spi.Plugin;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Discovers plugins of every kind with {@link ServiceLoader} and checks them: ids well-formed and
 * unique per kind (both classes are named on a clash), every provider loadable (every failing
 * class is named, not just the first). Immutable once built; thread-safe.
 */
public final class PluginRegistry implements Plugins {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9.-]{0,127}");

  private final ClassLoader loader;
  private final Map<Class<?>, Map<String, Plugin>> byKind = new ConcurrentHashMap<>();

  private PluginRegistry(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * Discovers every plugin of every kind in {@link Plugin#kinds()}.
   *
   * @param loader where to look
   * @return the registry
   * @throws PluginConfigurationException naming every provider that failed to load, or both
   *     classes of a duplicate id
   */
  public static PluginRegistry discover(ClassLoader loader) {
    PluginRegistry registry = new PluginRegistry(Objects.requireNonNull(loader, "loader"));
    List<String> failures = new ArrayList<>();
    for (Class<? extends Plugin> kind : Plugin.kinds()) {
      registry.byKind.put(kind, registry.load(kind, failures));
    }
    if (!failures.isEmpty()) {
      throw new PluginConfigurationException(
          failures.size() + " plugin(s) could not be loaded: " + String.join("; ", failures));
    }
    return registry;
  }

  private Map<String, Plugin> load(Class<? extends Plugin> kind, List<String> failures) {
    Map<String, Plugin> found = new TreeMap<>();
    ServiceLoader<? extends Plugin> services;
    try {
      services = ServiceLoader.load(kind, loader);
    } catch (ServiceConfigurationError e) {
      failures.add(kind.getSimpleName() + ": " + e.getMessage());
      return Map.copyOf(found);
    }
    Iterator<? extends Plugin> it = services.iterator();
    while (true) {
      Plugin plugin;
      try {
        if (!it.hasNext()) {
          break;
        }
        plugin = it.next();
      } catch (ServiceConfigurationError e) {
        failures.add(describe(e));
        continue;
      }
      String id;
      try {
        id = plugin.id();
      } catch (RuntimeException e) {
        failures.add(
            kind.getSimpleName() + " " + plugin.getClass().getName() + ": id() threw " + e);
        continue;
      }
      if (id == null || !ID.matcher(id).matches()) {
        failures.add(
            kind.getSimpleName()
                + " "
                + plugin.getClass().getName()
                + ": id '"
                + id
                + "' must be lowercase letters, digits, hyphens and dots, starting with a letter");
        continue;
      }
      Plugin clash = found.putIfAbsent(id, plugin);
      if (clash != null && clash.getClass() != plugin.getClass()) {
        throw new PluginConfigurationException(
            "two "
                + kind.getSimpleName()
                + " plugins have the id '"
                + id
                + "': "
                + clash.getClass().getName()
                + " ("
                + location(clash.getClass())
                + ") and "
                + plugin.getClass().getName()
                + " ("
                + location(plugin.getClass())
                + ")");
      }
    }
    return Map.copyOf(found);
  }

  private static String describe(ServiceConfigurationError e) {
    StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
    Throwable cause = e.getCause();
    if (cause != null) {
      text.append(" (").append(cause).append(')');
    }
    return text.toString();
  }

  @Override
  public <T extends Plugin> T get(Class<T> kind, String id) {
    Objects.requireNonNull(id, "id");
    Plugin plugin = plugins(kind).get(id);
    if (plugin == null) {
      throw new PluginConfigurationException(
          "no "
              + kind.getSimpleName()
              + " with id '"
              + id
              + "'; known ids are "
              + new ArrayList<>(plugins(kind).keySet()));
    }
    return kind.cast(plugin);
  }

  @Override
  public <T extends Plugin> List<T> all(Class<T> kind) {
    List<T> list = new ArrayList<>();
    plugins(kind).values().forEach(p -> list.add(kind.cast(p)));
    return List.copyOf(list);
  }

  @Override
  public List<PluginInfo> list() {
    List<PluginInfo> infos = new ArrayList<>();
    byKind.forEach(
        (kind, plugins) ->
            plugins.forEach(
                (id, plugin) ->
                    infos.add(
                        new PluginInfo(
                            id,
                            kind.getSimpleName(),
                            plugin.getClass().getName(),
                            location(plugin.getClass()),
                            version(plugin.getClass())))));
    infos.sort(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::id));
    return List.copyOf(infos);
  }

  private Map<String, Plugin> plugins(Class<? extends Plugin> kind) {
    Objects.requireNonNull(kind, "kind");
    return byKind.computeIfAbsent(
        kind,
        k -> {
          List<String> failures = new ArrayList<>();
          Map<String, Plugin> loaded = load(kind, failures);
          if (!failures.isEmpty()) {
            throw new PluginConfigurationException(
                failures.size() + " plugin(s) could not be loaded: " + String.join("; ", failures));
          }
          return loaded;
        });
  }

  private static String location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    URL url = source == null ? null : source.getLocation();
    return url == null ? "unknown" : url.toString();
  }

  private static String version(Class<?> type) {
    Package p = type.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    return v == null ? "unknown" : v;
  }
}
