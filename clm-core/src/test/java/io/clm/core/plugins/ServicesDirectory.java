package io.clm.core.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A class loader that sees the test classes plus one services file, so that test plugins are
 * discovered only by the tests that ask for them.
 */
final class ServicesDirectory {
  private ServicesDirectory() {}

  static URLClassLoader loader(Path dir, Class<?> service, List<Class<?>> providers) {
    return loaderOfLines(dir, service, providers.stream().map(Class::getName).toList());
  }

  /** A loader whose services file holds the given lines as they are, class names or not. */
  static URLClassLoader loaderOfLines(Path dir, Class<?> service, List<String> lines) {
    try {
      Path file = dir.resolve("META-INF/services/" + service.getName());
      Files.createDirectories(file.getParent());
      Files.writeString(file, lines.stream().collect(Collectors.joining("\n", "", "\n")));
      URL url = dir.toUri().toURL();
      return new URLClassLoader(new URL[] {url}, ServicesDirectory.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
