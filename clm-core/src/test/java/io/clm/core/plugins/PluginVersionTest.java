package io.clm.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.PluginInfo;
import io.clm.api.retention.RetentionStrategy;
import io.clm.core.plugins.packaged.PackagedStrategy;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The version {@code list()} shows for a plugin loaded from a jar: the package's implementation
 * version (a jar on the class path), else the module's version, else the jar manifest's
 * {@code Implementation-Version} (a module without a version, whose packages carry none), else
 * {@code unknown}.
 */
class PluginVersionTest {
  private static final String CLASS = PackagedStrategy.class.getName();

  /** A jar holding {@link PackagedStrategy} as a retention strategy, with an optional version. */
  private static Path jar(Path dir, String name, String implementationVersion) throws Exception {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (implementationVersion != null) {
      manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, implementationVersion);
    }
    Path classes = Path.of(PackagedStrategy.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String entry = CLASS.replace('.', '/') + ".class";
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file, manifest)) {
      out.putNextEntry(new JarEntry("META-INF/services/" + RetentionStrategy.class.getName()));
      out.write((CLASS + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
      out.putNextEntry(new JarEntry(entry));
      out.write(Files.readAllBytes(classes.resolve(entry)));
      out.closeEntry();
    }
    return jar;
  }

  /** What the registry lists for the packaged strategy when it looks in {@code loader}. */
  private static PluginInfo listed(ClassLoader loader) {
    return PluginRegistry.discover(loader).list().stream()
        .filter(info -> info.id().equals("test.packaged"))
        .findFirst()
        .orElseThrow();
  }

  /** Loads the strategy from the jar, not from the test classes the parent sees. */
  private static final class JarFirst extends URLClassLoader {
    JarFirst(Path jar) throws IOException {
      super(new URL[] {jar.toUri().toURL()}, PluginVersionTest.class.getClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(CLASS)) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        return c != null ? c : findClass(name);
      }
    }
  }

  /** A layer with the jar as its only module (an automatic module, named after the file). */
  private static ClassLoader moduleLoader(Path jar) {
    ModuleLayer parent = ModuleLayer.boot();
    Configuration configuration =
        parent.configuration().resolve(ModuleFinder.of(jar), ModuleFinder.of(), Set.of("retention.extra"));
    ModuleLayer layer = parent.defineModulesWithOneLoader(configuration, PluginVersionTest.class.getClassLoader());
    return layer.findLoader("retention.extra");
  }

  @Test
  void onTheClassPathThePackageVersionFromTheManifestIsShown(@TempDir Path dir) throws Exception {
    Path jar = jar(dir, "retention-extra.jar", "3.4.5");
    try (JarFirst loader = new JarFirst(jar)) {
      PluginInfo info = listed(loader);

      assertThat(info.version()).isEqualTo("3.4.5");
      assertThat(info.location()).isEqualTo(jar.toUri().toURL().toString());
      assertThat(info.className()).isEqualTo(CLASS);
      assertThat(info.kind()).isEqualTo("RetentionStrategy");
    }
  }

  @Test
  void aJarWithoutAVersionIsUnknown(@TempDir Path dir) throws Exception {
    try (JarFirst loader = new JarFirst(jar(dir, "retention-extra.jar", null))) {
      assertThat(listed(loader).version()).isEqualTo("unknown");
    }
    Path modules = Files.createDirectory(dir.resolve("modules"));
    assertThat(listed(moduleLoader(jar(modules, "retention-extra.jar", null))).version()).isEqualTo("unknown");
  }

  @Test
  void aModuleWithoutAVersionShowsTheManifestsVersion(@TempDir Path dir) throws Exception {
    Path jar = jar(dir, "retention-extra.jar", "2.0.1");
    ClassLoader loader = moduleLoader(jar);
    assertThat(loader.loadClass(CLASS).getModule().getDescriptor().rawVersion()).isEmpty();

    PluginInfo info = listed(loader);

    assertThat(info.version()).isEqualTo("2.0.1");
    assertThat(info.location()).isEqualTo(jar.toUri().toURL().toString());
  }

  @Test
  void aModulesVersionComesBeforeTheManifests(@TempDir Path dir) throws Exception {
    // an automatic module takes its version from the file name
    PluginInfo info = listed(moduleLoader(jar(dir, "retention-extra-7.1.jar", "2.0.1")));

    assertThat(info.version()).isEqualTo("7.1");
  }
}
