package io.clm.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The build fuzzes every fuzz test of this module in a surefire execution of its own (Jazzer fuzzes
 * one test per JVM; {@code docs/testing.md}). A fuzz test without one would only replay its seeds.
 */
class FuzzExecutionsTest {
  private static final Pattern FUZZ_TEST = Pattern.compile("@FuzzTest[^\\n]*\\n\\s*void (\\w+)\\(");

  @Test
  void everyFuzzTestIsFuzzedInAnExecutionOfItsOwn() throws IOException {
    List<String> fuzzTests = new ArrayList<>();
    try (Stream<Path> sources = Files.walk(Path.of("src", "test", "java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith("FuzzTest.java")).toList()) {
        String className = source.getFileName().toString().replace(".java", "");
        Matcher m = FUZZ_TEST.matcher(Files.readString(source));
        while (m.find()) {
          fuzzTests.add(className + "#" + m.group(1));
        }
      }
    }
    String pom = Files.readString(Path.of("pom.xml"));

    assertThat(fuzzTests).contains("ParsingFuzzTest#money", "ModelBuilderFuzzTest#builder");
    assertThat(fuzzTests)
        .filteredOn(test -> !pom.contains("<test>" + test + "</test>"))
        .as("fuzz tests without a fuzzing execution in pom.xml")
        .isEmpty();
  }
}
