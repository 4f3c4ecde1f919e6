package com.example.clm.discovery;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.spi.ToolProvider;

/**
 * Builds a small vendor jar at test time: compiles Java sources against the test class path (which
 * holds clm-api) with the JDK's compiler and packs the classes with service registrations.
 */
final class VendorJar {
  private VendorJar() {}

  /**
   * Builds the jar.
   *
   * @param dir a scratch directory
   * @param name the jar's file name
   * @param sources class name to source text
   * @param services SPI interface name to provider class names, in order
   * @return the jar
   */
  static Path build(Path dir, String name, Map<String, String> sources, Map<String, List<String>> services)
      throws IOException {
    Path src = Files.createDirectories(dir.resolve(name + "-src"));
    Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
    List<String> args = new ArrayList<>(List.of(
        "--release", "17", "-proc:none", "-d", classes.toString(),
        "-classpath", System.getProperty("java.class.path")));
    for (Map.Entry<String, String> e : sources.entrySet()) {
      Path file = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, e.getValue());
      args.add(file.toString());
    }
    ToolProvider javac =
        ToolProvider.findFirst("javac").orElseThrow(() -> new IllegalStateException("no javac: run the tests on a JDK"));
    int status = javac.run(System.out, System.err, args.toArray(String[]::new));
    if (status != 0) {
      throw new IllegalStateException("javac failed with status " + status);
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, "9.9.9");
    Path jar = dir.resolve(name);
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out, manifest);
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
        zip.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        zip.write(Files.readAllBytes(f));
        zip.closeEntry();
      }
      for (Map.Entry<String, List<String>> e : services.entrySet()) {
        zip.putNextEntry(new JarEntry("META-INF/services/" + e.getKey()));
        zip.write((String.join("\n", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
