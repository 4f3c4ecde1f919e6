package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code clm} process writes the same bytes whatever the machine's default charset and line
 * separator: each test runs it in a JVM of its own that has another default.
 */
class MachineIndependenceTest {
  @TempDir Path dir;

  private record Child(int code, byte[] out, byte[] err) {}

  private Child clm(String property, String... args) throws IOException, InterruptedException {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>(List.of(
        java, "-Xmx512m", "-XX:+UseSerialGC", property, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Path out = dir.resolve("child.out");
    Path err = dir.resolve("child.err");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("clm ended").isTrue();
    return new Child(process.exitValue(), Files.readAllBytes(out), Files.readAllBytes(err));
  }

  @Test
  void messagesAreUtf8WhateverTheDefaultCharset() throws Exception {
    Path tx = dir.resolve("tx.csv");
    Files.writeString(tx, "id,customer_id,timestamp,direction,amount,currency,product,channel\n"
        + "T1,C-1001,2025-01-03T12:59:00Z,debit,35.50,EUR,current-account,branch\n"
        + "T2,C-1001,2025-01-04T12:59:00Z,debit,M\u00fcller \u660e\u661f,EUR,current-account,branch\n", StandardCharsets.UTF_8);
    Child c = clm("-Dfile.encoding=ISO-8859-1", "analyze", "--transactions", tx.toString());
    assertThat(c.code()).isEqualTo(1);
    assertThat(c.out()).isEmpty();
    assertThat(new String(c.err(), StandardCharsets.UTF_8)).isEqualTo(
        "clm: bad data: tx.csv line 3, field 'amount': 'M\u00fcller \u660e\u661f' is not a decimal number within"
            + " bounds (at most 18 digits before the '.', no exponent)\n"
            + "Fix the row, or pass --skip-bad-rows to skip and count bad rows.\n");
  }

  @Test
  void filesEndTheirLinesWithALineFeedWhateverTheLineSeparator() throws Exception {
    String crlf = "-Dline.separator=\r\n";
    Path clv = dir.resolve("clv");
    Files.createDirectories(clv);
    Child c = clm(crlf, "clv", "--transactions", ClvCommandTest.cdnow(dir).toString(), "--format", "plain",
        "--calibration-end", "1997-09-30", "--holdout-end", "1998-06-30",
        "--scores", clv.resolve("scores.csv").toString(), "--html", clv.resolve("clv.html").toString());
    assertThat(c.code()).as(new String(c.err(), StandardCharsets.UTF_8)).isZero();
    Child a = clm(crlf, "analyze", "--transactions", MainTest.SAMPLES.resolve("transactions.csv").toString(),
        "--complaints", MainTest.SAMPLES.resolve("complaints.csv").toString(), "--html", dir.resolve("analyze.html").toString());
    assertThat(a.code()).as(new String(a.err(), StandardCharsets.UTF_8)).isZero();
    Path export = dir.resolve("export");
    Child d = clm(crlf, "demo", "--customers", "200", "--months", "3", "--export", export.toString(),
        "--html", dir.resolve("demo.html").toString());
    assertThat(d.code()).as(new String(d.err(), StandardCharsets.UTF_8)).isZero();
    List<Path> files;
    try (Stream<Path> all = Files.walk(dir)) {
      files = all.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith("child.")).sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString())
        .contains("scores.csv", "clv.html", "analyze.html", "demo.html", "transactions.csv");
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertThat(text).as(file.getFileName().toString()).contains("\n").doesNotContain("\r");
    }
  }

  @Test
  void printedLinesEndWithALineFeedWhateverTheLineSeparator() throws Exception {
    String crlf = "-Dline.separator=\r\n";
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "id,customer_id,timestamp,direction,amount,currency,product,channel\n"
        + "T1,C-1001,2025-01-03T12:59:00Z,debit,35.50,EUR,current-account,branch\n"
        + "T2,C-1001,2025-01-04T12:59:00Z,debit,ten,EUR,current-account,branch\n");
    String tx = MainTest.SAMPLES.resolve("transactions.csv").toString();
    List<List<String>> commands = List.of(
        List.of("--help"),
        List.of("analyze", "--help"),
        List.of("clv", "--help"),
        List.of("analyze", "--frobnicate"),
        List.of("analyze", "--transactions", tx, "--complaints", MainTest.SAMPLES.resolve("complaints.csv").toString()),
        List.of("analyze", "--transactions", tx, "--json"),
        List.of("analyze", "--transactions", bad.toString()),
        List.of("analyze", "--transactions", bad.toString(), "--skip-bad-rows"),
        List.of("plugins"),
        List.of("clv", "--transactions", ClvCommandTest.cdnow(dir).toString(), "--format", "plain", "--calibration-end", "1997-09-30"),
        List.of("demo", "--customers", "200", "--months", "3"));
    for (List<String> command : commands) {
      Child c = clm(crlf, command.toArray(String[]::new));
      String out = new String(c.out(), StandardCharsets.UTF_8);
      String err = new String(c.err(), StandardCharsets.UTF_8);
      assertThat(out + err).as("clm %s", command).contains("\n");
      assertThat(out).as("standard output of clm %s", command).doesNotContain("\r");
      assertThat(err).as("standard error of clm %s", command).doesNotContain("\r");
    }
  }
}
