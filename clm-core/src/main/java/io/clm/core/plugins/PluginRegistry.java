package io.clm.core.plugins;

import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginInfo;
import io.clm.api.Plugins;
import io.clm.api.spi.Plugin;
import java.net.URL;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
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
      throw new PluginConfigurationException(failed(failures));
    }
    return registry;
  }

  private <T extends Plugin> Map<String, Plugin> load(Class<T> kind, List<String> failures) {
    // a TreeMap, kept as it is: all(kind), list() and the known ids are ordered by id
    Map<String, Plugin> found = new TreeMap<>();
    ServiceLoader<T> services;
    try {
      services = ServiceLoader.load(kind, loader);
    } catch (ServiceConfigurationError e) {
      failures.add(kind.getSimpleName() + ": " + e.getMessage());
      return Collections.unmodifiableMap(found);
    }
    // Provider.type() names the class before it is instantiated, so a failing constructor is
    // reported with its class and jar; the iteration goes on after a failure (best effort, as the
    // JDK documents), so that every failing provider is named, not just the first.
    Iterator<ServiceLoader.Provider<T>> it = services.stream().iterator();
    while (true) {
      ServiceLoader.Provider<T> provider;
      try {
        if (!it.hasNext()) {
          break;
        }
        provider = it.next();
      } catch (ServiceConfigurationError e) {
        failures.add(describe(e));
        continue;
      }
      Plugin plugin;
      try {
        plugin = provider.get();
      } catch (ServiceConfigurationError | LinkageError e) {
        Throwable cause = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof java.lang.reflect.InvocationTargetException && cause.getCause() != null) {
          cause = cause.getCause();
        }
        failures.add(
            kind.getSimpleName()
                + " "
                + provider.type().getName()
                + " ("
                + location(provider.type())
                + ") could not be instantiated: "
                + cause);
        continue;
      }
      if (plugin == null) {
        failures.add(kind.getSimpleName() + " " + provider.type().getName() + ": its provider() method returned null");
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
    return Collections.unmodifiableMap(found);
  }

  private static String failed(List<String> failures) {
    return failures.size()
        + (failures.size() == 1 ? " plugin" : " plugins")
        + " could not be loaded: "
        + String.join("; ", failures);
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
            throw new PluginConfigurationException(failed(failures));
          }
          return loaded;
        });
  }

  private static String location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    URL url = source == null ? null : source.getLocation();
    return url == null ? "unknown" : url.toString();
  }

  /**
   * The implementation version: the package's (from the jar manifest, on the class path), else the
   * module's version, else the jar manifest's Implementation-Version read directly (classes loaded
   * from a module layer have no package versioning), else {@code unknown}.
   */
  private static String version(Class<?> type) {
    Package p = type.getPackage();
    String v = p == null ? null : p.getImplementationVersion();
    if (v != null) {
      return v;
    }
    java.lang.module.ModuleDescriptor descriptor = type.getModule().getDescriptor();
    if (descriptor != null && descriptor.rawVersion().isPresent()) {
      return descriptor.rawVersion().get();
    }
    return manifestVersion(type).orElse("unknown");
  }

  private static java.util.Optional<String> manifestVersion(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    URL url = source == null ? null : source.getLocation();
    if (url == null || !"file".equals(url.getProtocol()) || !url.getPath().endsWith(".jar")) {
      return java.util.Optional.empty();
    }
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(new java.io.File(url.toURI()))) {
      java.util.jar.Manifest manifest = jar.getManifest();
      return manifest == null
          ? java.util.Optional.empty()
          : java.util.Optional.ofNullable(
              manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.IMPLEMENTATION_VERSION));
    } catch (java.io.IOException | java.net.URISyntaxException | IllegalArgumentException e) {
      return java.util.Optional.empty();
    }
  }
}
