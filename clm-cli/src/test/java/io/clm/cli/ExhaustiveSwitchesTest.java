package io.clm.cli;

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
 * Every switch over an enum in every module's main sources, and every switch over an event type, a
 * record kind, an attribute, an attribute kind or a metric in the tests too, is a switch
 * expression. The compiler checks that a switch expression over an enum covers every constant; it
 * does not check a switch statement, so a new event type or metric that a statement forgot would
 * compile and be ignored at run time. A switch statement over strings, characters or numbers is
 * allowed: its cases cannot be complete.
 */
class ExhaustiveSwitchesTest {
  private static final Path ROOT = Path.of("..");
  /** A switch whose selector is an event type, a kind, an attribute or a metric. */
  private static final Pattern SWITCH =
      Pattern.compile("switch \\((\\w+\\.)?(type\\(\\)|kind\\(\\)|attribute\\(\\)|metric|kind|type)\\)");
  /** Any switch, up to its first case label: an enum constant when it is an upper-case name. */
  private static final Pattern ANY_SWITCH =
      Pattern.compile("switch \\([^;{]*\\)\\s*\\{\\s*(?://[^\\n]*\\s*)*case\\s+([^:\\-,\\s]+)");
  private static final Pattern ENUM_CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");

  @Test
  void switchesOverEventTypesKindsAttributesAndMetricsAreExpressions() throws IOException {
    List<String> statements = new ArrayList<>();
    int expressions = 0;
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(ExhaustiveSwitchesTest::isSource).sorted().toList()) {
        String text = Files.readString(file);
        Matcher m = SWITCH.matcher(text);
        while (m.find()) {
          if (isStatement(text, m.start())) {
            int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            statements.add(ROOT.relativize(file) + ":" + line + " " + m.group());
          } else {
            expressions++;
          }
        }
      }
    }
    assertThat(expressions).as("switch expressions found").isGreaterThanOrEqualTo(10);
    assertThat(statements).as("switch statements over event types, kinds, attributes or metrics").isEmpty();
  }

  @Test
  void switchesOverEnumsInMainSourcesAreExpressions() throws IOException {
    List<String> statements = new ArrayList<>();
    int files = 0;
    try (Stream<Path> all = Files.walk(ROOT)) {
      for (Path file : all.filter(ExhaustiveSwitchesTest::isSource).filter(p -> p.toString().replace('\\', '/').contains("/src/main/")).sorted().toList()) {
        files++;
        String text = Files.readString(file);
        Matcher m = ANY_SWITCH.matcher(text);
        while (m.find()) {
          if (isStatement(text, m.start()) && ENUM_CONSTANT.matcher(m.group(1)).matches()) {
            int line = (int) text.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            statements.add(ROOT.relativize(file) + ":" + line + " case " + m.group(1));
          }
        }
      }
    }
    assertThat(files).as("main source files read").isGreaterThan(100);
    assertThat(statements).as("switch statements over enums").isEmpty();
  }

  @Test
  void theFirstCaseLabelTellsAnEnumSwitchFromOthers() {
    assertThat(firstLabel("switch (a.b()) {\n  case PROSPECT:\n")).isEqualTo("PROSPECT");
    assertThat(firstLabel("switch (x) {\n  case KEYED -> {")).isEqualTo("KEYED");
    assertThat(firstLabel("switch (x) {\n  case SQUIRREL, SPRING -> 1;")).isEqualTo("SQUIRREL");
    assertThat(firstLabel("switch (f(g(x))) { // why\n  case A_1:")).isEqualTo("A_1");
    assertThat(ENUM_CONSTANT.matcher(firstLabel("switch (s) {\n  case \"star\":")).matches()).isFalse();
    assertThat(ENUM_CONSTANT.matcher(firstLabel("switch (c) {\n  case '&':")).matches()).isFalse();
    assertThat(ENUM_CONSTANT.matcher(firstLabel("switch (i) {\n  case 0:")).matches()).isFalse();
  }

  private static String firstLabel(String code) {
    Matcher m = ANY_SWITCH.matcher(code);
    assertThat(m.find()).as("a switch in %s", code).isTrue();
    return m.group(1);
  }

  @Test
  void aSwitchAfterAStatementIsAStatementAndAfterAnAssignmentAnExpression() {
    assertThat(statement("x++;\n    switch (e.type()) {")).isTrue();
    assertThat(statement("{\n  switch (e.type()) {")).isTrue();
    assertThat(statement("return switch (e.type()) {")).isFalse();
    assertThat(statement("Cause c =\n    switch (kind) {")).isFalse();
    assertThat(statement("events.add(switch (type) {")).isFalse();
  }

  private static boolean statement(String code) {
    return isStatement(code, code.indexOf("switch"));
  }

  private static boolean isSource(Path p) {
    String s = p.toString().replace('\\', '/');
    return s.endsWith(".java") && s.contains("/src/") && !s.contains("/target/");
  }

  /** A switch is a statement when the code before it ends a statement or opens or closes a block. */
  static boolean isStatement(String text, int at) {
    int i = at - 1;
    while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
      i--;
    }
    return i < 0 || ";{}:".indexOf(text.charAt(i)) >= 0;
  }
}
