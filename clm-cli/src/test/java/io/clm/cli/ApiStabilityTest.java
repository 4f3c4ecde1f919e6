package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.annotation.Experimental;
import io.clm.api.annotation.Internal;
import io.clm.api.annotation.Stable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every public top-level type of every exported package of every published module (the modules
 * clm-bom lists) carries exactly one stability annotation: {@link Stable}, {@link Experimental} or
 * {@link Internal}. Reads the modules' compiled classes, so it runs after the whole reactor has
 * compiled them (this module is built last). A published module without sources, such as
 * clm-spring-boot-starter (dependencies only), exports no API and is skipped.
 */
class ApiStabilityTest {
  private static final Path ROOT = Path.of("..");

  @Test
  void everyPublicTypeOfAnExportedPackageCarriesOneStabilityAnnotation() throws Exception {
    List<String> modules = publishedModules();
    assertThat(modules).as("published modules listed in clm-bom").contains("clm-api", "clm-core", "clm-tck");
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (String module : modules) {
      if (!Files.isDirectory(ROOT.resolve(module).resolve("src/main/java"))) {
        continue;
      }
      Path classes = ROOT.resolve(module).resolve("target/classes");
      assertThat(classes.resolve("module-info.class"))
          .as("%s is compiled (build from the root: ./mvnw -B verify)", module)
          .isRegularFile();
      ModuleDescriptor descriptor;
      try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
        descriptor = ModuleDescriptor.read(in);
      }
      try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
        for (ModuleDescriptor.Exports export : descriptor.exports()) {
          Path dir = classes.resolve(export.source().replace('.', '/'));
          try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
              String name = file.getFileName().toString();
              if (!name.endsWith(".class") || name.contains("$") || name.equals("package-info.class")) {
                continue;
              }
              Class<?> type = Class.forName(export.source() + "." + name.substring(0, name.length() - 6), false, loader);
              if (!Modifier.isPublic(type.getModifiers())) {
                continue;
              }
              checked++;
              int marks =
                  (type.isAnnotationPresent(Stable.class) ? 1 : 0)
                      + (type.isAnnotationPresent(Experimental.class) ? 1 : 0)
                      + (type.isAnnotationPresent(Internal.class) ? 1 : 0);
              if (marks != 1) {
                missing.add(module + ": " + type.getName() + " carries " + marks);
              }
            }
          }
        }
      }
    }
    assertThat(checked).as("public types checked").isGreaterThan(100);
    assertThat(missing)
        .as("public types of exported packages that carry not exactly one of @Stable, @Experimental, @Internal")
        .isEmpty();
  }

  private static List<String> publishedModules() throws IOException {
    String bom = Files.readString(ROOT.resolve("clm-bom/pom.xml"));
    List<String> modules = new ArrayList<>();
    Matcher m = Pattern.compile("<artifactId>(clm-[a-z-]+)</artifactId>").matcher(bom);
    while (m.find()) {
      if (!m.group(1).equals("clm-bom")) {
        modules.add(m.group(1));
      }
    }
    return modules;
  }
}
