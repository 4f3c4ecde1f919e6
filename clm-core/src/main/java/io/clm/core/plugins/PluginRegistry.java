package io.clm.core.plugins;

import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginInfo;
import io.clm.api.Plugins;
import io.clm.api.spi.Plugin;
import io.clm.api.spi.PluginRules;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers plugins of every kind with {@link ServiceLoader} and checks them: ids well-formed and
 * unique per kind, every provider loadable. A plugin that fails a check is left out, not fatal:
 * every problem (every failing class, every clashing id with both classes) is logged as a warning
 * naming the class and its jar and listed by {@link #problems()}; asking for a plugin that was
 * left out fails with the problem in the message. Immutable once built; thread-safe.
 */
public final class PluginRegistry implements Plugins {
  private static final Logger LOG = LoggerFactory.getLogger(PluginRegistry.class);

  private final ClassLoader loader;
  private final Map<Class<?>, Map<String, Plugin>> byKind = new ConcurrentHashMap<>();
  /** Per kind, what could not be loaded or used. */
  private final Map<Class<?>, List<String>> problemsByKind = new ConcurrentHashMap<>();
  /** Per kind, the ids claimed by more than one class, with the clash's description. */
  private final Map<Class<?>, Map<String, String>> clashesByKind = new ConcurrentHashMap<>();

  private PluginRegistry(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * Discovers every plugin of every kind in {@link Plugin#kinds()}. A provider that fails to load
   * and every class of a duplicate id are left out and reported (see the class comment).
   *
   * @param loader where to look
   * @return the registry
   */
  public static PluginRegistry discover(ClassLoader loader) {
    PluginRegistry registry = new PluginRegistry(Objects.requireNonNull(loader, "loader"));
    for (Class<? extends Plugin> kind : Plugin.kinds()) {
      registry.byKind.put(kind, registry.loadAndReport(kind));
    }
    return registry;
  }

  private Map<String, Plugin> loadAndReport(Class<? extends Plugin> kind) {
    List<String> failures = new ArrayList<>();
    Map<String, String> clashes = new TreeMap<>();
    Map<String, Plugin> found = load(kind, failures, clashes);
    for (String failure : failures) {
      LOG.warn("clm plugin left out: {}", failure);
    }
    for (String clash : clashes.values()) {
      LOG.warn("clm plugins left out: {}", clash);
    }
    List<String> problems = new ArrayList<>(failures);
    problems.addAll(clashes.values());
    problemsByKind.put(kind, List.copyOf(problems));
    clashesByKind.put(kind, Collections.unmodifiableMap(clashes));
    return found;
  }

  private <T extends Plugin> Map<String, Plugin> load(
      Class<T> kind, List<String> failures, Map<String, String> clashes) {
    // a TreeMap, kept as it is: all(kind), list() and the known ids are ordered by id
    Map<String, Plugin> found = new TreeMap<>();
    Map<String, List<Plugin>> claimants = new TreeMap<>();
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
      java.util.Optional<String> idProblem = PluginRules.idProblem(id);
      if (idProblem.isPresent()) {
        failures.add(kind.getSimpleName() + " " + plugin.getClass().getName() + ": " + idProblem.get());
        continue;
      }
      List<Plugin> same = claimants.computeIfAbsent(id, k -> new ArrayList<>());
      if (same.stream().noneMatch(p -> p.getClass() == plugin.getClass())) {
        same.add(plugin);
      }
    }
    // every duplicate id is found before any is reported, so that all are reported at once
    claimants.forEach(
        (id, plugins) -> {
          if (plugins.size() == 1) {
            found.put(id, plugins.get(0));
          } else {
            List<String> classes = new ArrayList<>();
            plugins.forEach(p -> classes.add(p.getClass().getName() + " (" + location(p.getClass()) + ")"));
            clashes.put(
                id,
                (plugins.size() == 2 ? "two " : plugins.size() + " ")
                    + kind.getSimpleName()
                    + " plugins have the id '"
                    + id
                    + "': "
                    + String.join(" and ", classes));
          }
        });
    return Collections.unmodifiableMap(found);
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
      String clash = clashesByKind.getOrDefault(kind, Map.of()).get(id);
      if (clash != null) {
        throw new PluginConfigurationException(clash + "; remove one of them");
      }
      List<String> problems = problemsByKind.getOrDefault(kind, List.of());
      throw new PluginConfigurationException(
          "no "
              + kind.getSimpleName()
              + " with id '"
              + id
              + "'; known ids are "
              + new ArrayList<>(plugins(kind).keySet())
              + (problems.isEmpty()
                  ? ""
                  : "; "
                      + problems.size()
                      + (problems.size() == 1 ? " plugin" : " plugins")
                      + " of this kind could not be loaded: "
                      + String.join("; ", problems)));
    }
    return kind.cast(plugin);
  }

  @Override
  public List<String> problems() {
    List<String> all = new ArrayList<>();
    for (Class<? extends Plugin> kind : Plugin.kinds()) {
      all.addAll(problemsByKind.getOrDefault(kind, List.of()));
    }
    problemsByKind.forEach(
        (kind, problems) -> {
          if (!Plugin.kinds().contains(kind)) {
            all.addAll(problems);
          }
        });
    return List.copyOf(all);
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
    return byKind.computeIfAbsent(kind, k -> loadAndReport(kind));
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
