package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.clm.kit.ContractsCatchBrokenPluginsTest.GoodModel;
import io.clm.api.StageFamily;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.api.model.ModelParameters;
import io.clm.api.retention.RetentionStrategy;
import io.clm.tck.LifecycleModelProviderContract;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registration check reads the plugin's own jar or classes directory: its services file and,
 * if it has one, its module descriptor. Each plugin below is a copy of one class, packaged in a
 * temporary jar or directory and loaded from there, registered well or badly.
 */
class RegistrationChecksReadThePluginsOwnJarTest {

  private static final String SERVICES = "META-INF/services/" + LifecycleModelProvider.class.getName();

  /** The plugin that is packaged: a one-stage model. */
  public static final class PackagedModel implements LifecycleModelProvider {
    @Override
    public String id() {
      return "acme.packaged";
    }

    @Override
    public Map<String, Double> defaultParameters() {
      return Map.of();
    }

    @Override
    public LifecycleModel create(Map<String, Double> overrides) {
      ModelParameters.resolve(id(), defaultParameters(), overrides);
      return LifecycleModel.builder(id()).stage("new", StageFamily.PROSPECT).initial("new").build();
    }
  }

  @TempDir Path dir;

  private static byte[] classBytes() {
    String resource = PackagedModel.class.getName().replace('.', '/') + ".class";
    try (InputStream in = PackagedModel.class.getClassLoader().getResourceAsStream(resource)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A services file that lists the plugin between a comment, a blank line and a trailing comment. */
  private static String listing(String className) {
    return "# the kit's packaged model\n\n" + className + "  # registered by hand\n";
  }

  /** Writes a jar (or, for a name without {@code .jar}, a directory) of the given entries. */
  private Path pack(String name, Map<String, byte[]> entries) throws IOException {
    Path where = dir.resolve(name);
    if (!name.endsWith(".jar")) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        Path file = where.resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.write(file, e.getValue());
      }
      Files.createDirectories(where);
      return where;
    }
    try (OutputStream out = Files.newOutputStream(where); JarOutputStream jar = new JarOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        jar.putNextEntry(new JarEntry(e.getKey()));
        jar.write(e.getValue());
        jar.closeEntry();
      }
    }
    return where;
  }

  private static Map<String, byte[]> entries(Object... nameThenContent) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (int i = 0; i < nameThenContent.length; i += 2) {
      Object content = nameThenContent[i + 1];
      out.put((String) nameThenContent[i],
          content instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) content);
    }
    return out;
  }

  /** Loads the packaged model itself from the given jars and directories, everything else as usual. */
  static class PluginFirst extends URLClassLoader {
    PluginFirst(List<Path> locations) {
      super(urls(locations), RegistrationChecksReadThePluginsOwnJarTest.class.getClassLoader());
    }

    private static URL[] urls(List<Path> locations) {
      return locations.stream().map(p -> {
        try {
          return p.toUri().toURL();
        } catch (MalformedURLException e) {
          throw new IllegalArgumentException(e);
        }
      }).toArray(URL[]::new);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.equals(PackagedModel.class.getName())) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> loaded = findLoadedClass(name);
        return loaded != null ? loaded : findClass(name);
      }
    }
  }

  /**
   * Defines the packaged model from its bytes with no location at all, as a class generated at run
   * time has; its resources are those of the given directory.
   */
  static final class NoLocation extends PluginFirst {
    NoLocation(Path resources) {
      super(List.of(resources));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      if (!name.equals(PackagedModel.class.getName())) {
        return super.findClass(name);
      }
      byte[] bytes = classBytes();
      return defineClass(name, bytes, 0, bytes.length);
    }
  }

  private static LifecycleModelProviderContract contract(ClassLoader loader) throws ReflectiveOperationException {
    Class<?> type = loader.loadClass(PackagedModel.class.getName());
    assertThat(type).as("the packaged copy, not the class of the test class path").isNotSameAs(PackagedModel.class);
    return new LifecycleModelProviderContract() {
      @Override
      protected LifecycleModelProvider createPlugin() {
        try {
          return (LifecycleModelProvider) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  private static final String CLASS_FILE = PackagedModel.class.getName().replace('.', '/') + ".class";

  @Test
  void aPluginListedInItsJarsOrDirectorysServicesFilePasses() throws Exception {
    for (String name : List.of("listed.jar", "listed-classes")) {
      Path packed = pack(name, entries(CLASS_FILE, classBytes(), SERVICES, listing(PackagedModel.class.getName())));
      try (PluginFirst loader = new PluginFirst(List.of(packed))) {
        assertThatCode(contract(loader)::isRegisteredAsAService).as(name).doesNotThrowAnyException();
      }
    }
  }

  @Test
  void aPluginListedOnlyInAnotherJarIsCaught() throws Exception {
    for (String name : List.of("unlisted.jar", "unlisted-classes")) {
      Path packed = pack(name, entries(CLASS_FILE, classBytes()));
      Path other = pack("other-" + name, entries(SERVICES, listing(PackagedModel.class.getName())));
      try (PluginFirst loader = new PluginFirst(List.of(packed, other))) {
        assertThatThrownBy(contract(loader)::isRegisteredAsAService)
            .as(name)
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("does not list " + PackagedModel.class.getName());
      }
    }
  }

  @Test
  void aJarWhoseModuleProvidesThePluginPasses() throws Exception {
    byte[] module = moduleInfo(LifecycleModelProvider.class, PackagedModel.class);
    assertThat(ModuleDescriptor.read(new java.io.ByteArrayInputStream(module)).provides())
        .as("the module descriptor written for the test")
        .hasSize(1);
    Path packed = pack("module.jar", entries("module-info.class", module, CLASS_FILE, classBytes(),
        SERVICES, listing(PackagedModel.class.getName())));
    try (PluginFirst loader = new PluginFirst(List.of(packed))) {
      assertThatCode(contract(loader)::isRegisteredAsAService).doesNotThrowAnyException();
    }
  }

  @Test
  void aModuleThatProvidesThePluginAsAnotherKindIsCaught() throws Exception {
    for (String name : List.of("other-kind.jar", "other-kind-classes")) {
      Path packed = pack(name, entries("module-info.class", moduleInfo(RetentionStrategy.class, PackagedModel.class),
          CLASS_FILE, classBytes(), SERVICES, listing(PackagedModel.class.getName())));
      try (PluginFirst loader = new PluginFirst(List.of(packed))) {
        assertThatThrownBy(contract(loader)::isRegisteredAsAService)
            .as(name)
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("module acme.packaged does not declare " + PackagedModel.class.getName()
                + " as a LifecycleModelProvider");
      }
    }
  }

  @Test
  void aPluginWithoutALocationIsLookedUpAsServiceLoaderFindsIt() throws Exception {
    Path listed = pack("listed-resources", entries(SERVICES, listing(PackagedModel.class.getName())));
    try (NoLocation loader = new NoLocation(listed)) {
      assertThatCode(contract(loader)::isRegisteredAsAService).doesNotThrowAnyException();
    }
    Path another = pack("another-resources", entries(SERVICES, listing(GoodModel.class.getName())));
    try (NoLocation loader = new NoLocation(another)) {
      assertThatThrownBy(contract(loader)::isRegisteredAsAService)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("does not list " + PackagedModel.class.getName());
    }
  }

  /**
   * The bytes of {@code module-info.class} of a module {@code acme.packaged} that requires only
   * java.base and declares {@code provides kind with provider}.
   */
  private static byte[] moduleInfo(Class<?> kind, Class<?> provider) throws IOException {
    String pkg = provider.getPackageName().replace('.', '/');
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.writeInt(0xCAFEBABE);
    out.writeShort(0);
    out.writeShort(53);
    String[] utf8 = {"module-info", "Module", "acme.packaged", "java.base", kind.getName().replace('.', '/'),
        provider.getName().replace('.', '/'), pkg, "ModulePackages"};
    // constant pool: utf8 entries 1..8, then class module-info 9, module acme.packaged 10,
    // module java.base 11, class kind 12, class provider 13, package 14
    out.writeShort(utf8.length + 6 + 1);
    for (String s : utf8) {
      out.writeByte(1);
      out.writeUTF(s);
    }
    out.writeByte(7);
    out.writeShort(1);
    out.writeByte(19);
    out.writeShort(3);
    out.writeByte(19);
    out.writeShort(4);
    out.writeByte(7);
    out.writeShort(5);
    out.writeByte(7);
    out.writeShort(6);
    out.writeByte(20);
    out.writeShort(7);
    out.writeShort(0x8000);
    out.writeShort(9);
    out.writeShort(0);
    out.writeShort(0);
    out.writeShort(0);
    out.writeShort(0);
    out.writeShort(2);
    // Module: name, flags, version, one requires (java.base, mandated), no exports, opens or uses,
    // one provides with one provider
    out.writeShort(2);
    out.writeInt(2 + 2 + 2 + 2 + 6 + 2 + 2 + 2 + 2 + 6);
    out.writeShort(10);
    out.writeShort(0);
    out.writeShort(0);
    out.writeShort(1);
    out.writeShort(11);
    out.writeShort(0x8000);
    out.writeShort(0);
    out.writeShort(0);
    out.writeShort(0);
    out.writeShort(0);
    out.writeShort(1);
    out.writeShort(12);
    out.writeShort(1);
    out.writeShort(13);
    // ModulePackages: the provider's package
    out.writeShort(8);
    out.writeInt(4);
    out.writeShort(1);
    out.writeShort(14);
    out.flush();
    return bytes.toByteArray();
  }
}
