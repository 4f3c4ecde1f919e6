package com.example.clm.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The examples jar on the module path: a module layer of the examples jar, clm-api, clm-core and
 * clm-core's dependencies, resolved from their module descriptors (so the examples are found
 * through {@code provides}, not {@code META-INF/services}), queried through the layer's own {@code
 * Clm.plugins(ClassLoader)}.
 */
class ModulePathDiscoveryIT {

  @Test
  void theExamplesAreDiscoveredOnTheModulePath() throws Exception {
    Path jar = Path.of(System.getProperty("clm.examples.jar"));
    List<Path> path = new ArrayList<>();
    path.add(jar);
    path.addAll(modulesOnTheClassPath());
    ModuleFinder finder = ModuleFinder.of(path.toArray(Path[]::new));
    Configuration cf =
        ModuleLayer.boot()
            .configuration()
            .resolveAndBind(finder, ModuleFinder.of(), Set.of("com.example.clm", "io.clm.core"));
    ModuleLayer layer = ModuleLayer.boot().defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
    assertThat(layer.findModule("com.example.clm")).isPresent();
    ClassLoader loader = layer.findLoader("com.example.clm");

    Class<?> clm = loader.loadClass("io.clm.api.Clm");
    assertThat(clm.getModule().getName()).isEqualTo("io.clm.api");
    Object plugins = clm.getMethod("plugins", ClassLoader.class).invoke(null, loader);
    List<?> list = (List<?>) loader.loadClass("io.clm.api.Plugins").getMethod("list").invoke(plugins);

    List<Map<String, String>> examples = new ArrayList<>();
    for (Object info : list) {
      Map<String, String> row = new LinkedHashMap<>();
      for (String component : List.of("id", "kind", "className", "location", "version")) {
        Method accessor = info.getClass().getMethod(component);
        row.put(component, (String) accessor.invoke(info));
      }
      if (row.get("className").startsWith("com.example.")) {
        examples.add(row);
      }
    }
    List<Map<String, String>> expected = new ArrayList<>();
    for (io.clm.api.PluginInfo info :
        ExpectedExamples.infos(jar.toUri().toURL().toString(), System.getProperty("clm.examples.version"))) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("id", info.id());
      row.put("kind", info.kind());
      row.put("className", info.className());
      row.put("location", info.location());
      row.put("version", info.version());
      expected.add(row);
    }
    assertThat(examples).isEqualTo(expected);
    Class<?> found = loader.loadClass("com.example.clm.cards.CreditCardLifecycle");
    assertThat(found.getModule().getName()).isEqualTo("com.example.clm");
    assertThat(found.getModule().getLayer()).isSameAs(layer);
  }

  /** The jars and module directories on this test's class path that are valid modules. */
  private static List<Path> modulesOnTheClassPath() {
    List<Path> modules = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      boolean candidate =
          (Files.isRegularFile(p) && entry.endsWith(".jar"))
              || (Files.isDirectory(p) && Files.exists(p.resolve("module-info.class")));
      if (!candidate) {
        continue;
      }
      try {
        if (!ModuleFinder.of(p).findAll().isEmpty()) {
          modules.add(p);
        }
      } catch (FindException e) {
        // not usable as a module (no valid automatic name): the layer does not need it
      }
    }
    return modules;
  }
}
