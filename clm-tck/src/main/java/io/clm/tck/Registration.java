package io.clm.tck;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * How a plugin class is registered, read from where the class was loaded (its classes directory or
 * its jar), so that the answer is the same whether the test runs on the class path or the module
 * path: the {@code provides} lines of its {@code module-info.class}, if it has one, and the entries
 * of its {@code META-INF/services} file.
 */
final class Registration {
  private final Optional<ModuleDescriptor> descriptor;
  private final Optional<List<String>> services;

  private Registration(Optional<ModuleDescriptor> descriptor, Optional<List<String>> services) {
    this.descriptor = descriptor;
    this.services = services;
  }

  /** Reads the registration of {@code type} as a provider of {@code kind}. */
  static Registration of(Class<?> type, Class<?> kind) throws IOException {
    Module module = type.getModule();
    if (module.isNamed()) {
      try (InputStream in = module.getResourceAsStream("META-INF/services/" + kind.getName())) {
        return new Registration(Optional.of(module.getDescriptor()), Optional.of(lines(in)));
      }
    }
    Path location = location(type);
    if (location == null) {
      return new Registration(Optional.empty(), Optional.empty());
    }
    if (Files.isDirectory(location)) {
      Path info = location.resolve("module-info.class");
      Path file = location.resolve("META-INF/services/" + kind.getName());
      Optional<ModuleDescriptor> descriptor = Optional.empty();
      if (Files.isRegularFile(info)) {
        try (InputStream in = Files.newInputStream(info)) {
          descriptor = Optional.of(ModuleDescriptor.read(in));
        }
      }
      if (!Files.isRegularFile(file)) {
        return new Registration(descriptor, Optional.of(List.of()));
      }
      try (InputStream in = Files.newInputStream(file)) {
        return new Registration(descriptor, Optional.of(lines(in)));
      }
    }
    try (JarFile jar = new JarFile(location.toFile())) {
      ZipEntry info = jar.getEntry("module-info.class");
      Optional<ModuleDescriptor> descriptor = Optional.empty();
      if (info != null) {
        try (InputStream in = jar.getInputStream(info)) {
          descriptor = Optional.of(ModuleDescriptor.read(in));
        }
      }
      ZipEntry file = jar.getEntry("META-INF/services/" + kind.getName());
      if (file == null) {
        return new Registration(descriptor, Optional.of(List.of()));
      }
      try (InputStream in = jar.getInputStream(file)) {
        return new Registration(descriptor, Optional.of(lines(in)));
      }
    }
  }

  /** The module's descriptor, if the plugin's classes form a named module. */
  Optional<ModuleDescriptor> descriptor() {
    return descriptor;
  }

  /** Whether the module descriptor declares {@code provides kind with type}. */
  boolean provides(Class<?> kind, Class<?> type) {
    return descriptor.isPresent()
        && descriptor.get().provides().stream()
            .anyMatch(p -> p.service().equals(kind.getName()) && p.providers().contains(type.getName()));
  }

  /** The classes the services file lists, or empty if where the class came from is unknown. */
  Optional<List<String>> services() {
    return services;
  }

  private static List<String> lines(InputStream in) throws IOException {
    if (in == null) {
      return List.of();
    }
    return new String(in.readAllBytes(), StandardCharsets.UTF_8)
        .lines()
        .map(line -> line.replaceFirst("#.*", "").trim())
        .filter(line -> !line.isEmpty())
        .toList();
  }

  private static Path location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    URL url = source == null ? null : source.getLocation();
    if (url == null || !"file".equals(url.getProtocol())) {
      return null;
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }
}
