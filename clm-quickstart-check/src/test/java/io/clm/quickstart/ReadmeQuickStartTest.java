package io.clm.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's quick-start snippet is the code of the fresh project in {@code src/it}, verbatim,
 * and the output the README promises is the output that project asserts.
 */
class ReadmeQuickStartTest {

  private static final Path README = Path.of("..", "README.md");
  private static final Path FRESH_PROJECT_TEST =
      Path.of("src", "it", "readme-quick-start", "src", "test", "java", "com", "example", "bank",
          "QuickStartTest.java");

  @Test
  void readmeSnippetIsTheFreshProjectsCode() throws IOException {
    List<String> source = Files.readAllLines(FRESH_PROJECT_TEST, StandardCharsets.UTF_8);
    int begin = source.indexOf("    // quick-start:begin");
    int end = source.indexOf("    // quick-start:end");
    assertThat(begin).as("quick-start:begin marker in %s", FRESH_PROJECT_TEST).isNotNegative();
    assertThat(end).as("quick-start:end marker in %s", FRESH_PROJECT_TEST).isGreaterThan(begin);
    String code =
        source.subList(begin + 1, end).stream()
            .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
            .collect(Collectors.joining("\n"));
    assertThat(readmeSnippet()).isEqualTo(code);
  }

  @Test
  void readmePromisesTheOutputTheFreshProjectAsserts() throws IOException {
    String source = Files.readString(FRESH_PROJECT_TEST, StandardCharsets.UTF_8);
    String expected = "potential -> development by Rule[ruleId=first-transaction]";
    assertThat(source).contains("\"" + expected + "\"");
    assertThat(readmeSnippet()).endsWith("// " + expected);
  }

  private static String readmeSnippet() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    int begin = readme.indexOf("<!-- quick-start:begin -->");
    int end = readme.indexOf("<!-- quick-start:end -->");
    assertThat(begin).as("quick-start markers in README.md").isNotNegative();
    assertThat(end).isGreaterThan(begin);
    String block = readme.substring(begin, end);
    return block.substring(block.indexOf("```java\n") + 8, block.lastIndexOf("\n```"));
  }
}
