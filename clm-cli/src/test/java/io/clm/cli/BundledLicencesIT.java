package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The licences in the shaded {@code clm.jar}: clm's own at the top of META-INF, and for every
 * third-party library the build bundles (as Maven resolved them for this build) a line in
 * META-INF/THIRD-PARTY.txt that points at a licence text present in the jar. A library added,
 * removed or upgraded without that file following fails here.
 */
class BundledLicencesIT {
  private static final Pattern RESOLVED =
      Pattern.compile("^\\s+([\\w.\\-]+):([\\w.\\-]+):jar:([\\w.\\-]+):(?:compile|runtime)\\b.*$");

  private static JarFile jar;

  @BeforeAll
  static void open() throws IOException {
    jar = new JarFile(System.getProperty("clm.jar"));
  }

  @AfterAll
  static void close() throws IOException {
    jar.close();
  }

  private static String read(String entry) throws IOException {
    JarEntry e = jar.getJarEntry(entry);
    assertThat(e).as("entry %s of clm.jar", entry).isNotNull();
    try (InputStream in = jar.getInputStream(e)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** groupId:artifactId:version of every third-party library Maven put into this build's jar. */
  private static TreeSet<String> bundled() throws IOException {
    TreeSet<String> bundled = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of(System.getProperty("clm.bundled")), StandardCharsets.UTF_8)) {
      Matcher m = RESOLVED.matcher(line);
      if (m.matches()) {
        bundled.add(m.group(1) + ":" + m.group(2) + ":" + m.group(3));
      }
    }
    return bundled;
  }

  /** The lines of THIRD-PARTY.txt: coordinates to the place of the licence text. */
  private static Map<String, String> declared() throws IOException {
    Map<String, String> declared = new TreeMap<>();
    for (String line : read("META-INF/THIRD-PARTY.txt").split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split(" \\| ");
      assertThat(fields).as("THIRD-PARTY.txt line '%s': coordinates | licence | place", line).hasSize(3);
      assertThat(fields[1]).as("licence of %s", fields[0]).isNotBlank();
      assertThat(declared.put(fields[0], fields[2].strip())).as("%s listed twice", fields[0]).isNull();
    }
    return declared;
  }

  @Test
  void theJarsOwnLicenceIsTheApacheLicenceOfTheProject() throws IOException {
    String licence = read("META-INF/LICENSE");
    assertThat(licence.strip()).startsWith("Apache License\n                           Version 2.0, January 2004");
    assertThat(licence).contains("END OF TERMS AND CONDITIONS");
    assertThat(licence).isEqualTo(Files.readString(Path.of(System.getProperty("clm.licence")), StandardCharsets.UTF_8));
    assertThat(read("META-INF/NOTICE")).startsWith("clm\n").contains("META-INF/THIRD-PARTY.txt");
  }

  @Test
  void noThirdPartyLicenceNoticeOrReadmeSitsAtTheTopOfMetaInf() {
    List<String> top =
        jar.stream()
            .map(JarEntry::getName)
            .filter(n -> n.matches("(?i)META-INF/[^/]*(LICEN[CS]E|NOTICE|README)[^/]*"))
            .sorted()
            .collect(Collectors.toList());
    assertThat(top).containsExactly("META-INF/LICENSE", "META-INF/NOTICE");
  }

  @Test
  void everyBundledLibraryIsListedWithItsVersionAndNothingElseIs() throws IOException {
    TreeSet<String> bundled = bundled();
    // Known members, so that a list Maven wrote in another format cannot pass as empty.
    assertThat(bundled).contains("org.postgresql:postgresql:42.7.8", "com.h2database:h2:2.3.232");
    TreeSet<String> declared = new TreeSet<>(declared().keySet());
    TreeSet<String> missing = new TreeSet<>(bundled);
    missing.removeAll(declared);
    TreeSet<String> extra = new TreeSet<>(declared);
    extra.removeAll(bundled);
    assertThat(missing).as("bundled but not in clm-cli/src/main/resources/META-INF/THIRD-PARTY.txt").isEmpty();
    assertThat(extra).as("in THIRD-PARTY.txt but not bundled").isEmpty();
  }

  @Test
  void everyListedLicenceTextIsInTheJar() throws IOException {
    List<String> names = jar.stream().filter(e -> !e.isDirectory()).map(JarEntry::getName).toList();
    List<String> absent = new ArrayList<>();
    Map<String, String> directoryOwner = new HashMap<>();
    for (Map.Entry<String, String> line : declared().entrySet()) {
      String place = line.getValue();
      String artifactId = line.getKey().split(":")[1];
      if (place.endsWith("/")) {
        // A library's own files are unpacked into a directory named after its artifactId.
        assertThat(place).as("place of %s", line.getKey()).isEqualTo("META-INF/licenses/" + artifactId + "/");
        assertThat(directoryOwner.put(place, line.getKey())).as("two libraries share %s", place).isNull();
        if (names.stream().noneMatch(n -> n.startsWith(place) && n.toUpperCase().contains("LICENSE"))) {
          absent.add(line.getKey() + " -> " + place);
        }
      } else if (!names.contains(place)) {
        absent.add(line.getKey() + " -> " + place);
      }
    }
    assertThat(absent).as("licence texts listed but not in clm.jar").isEmpty();
  }
}
