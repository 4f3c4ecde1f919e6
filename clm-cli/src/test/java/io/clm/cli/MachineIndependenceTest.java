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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code clm} process writes the same bytes whatever the machine's default charset: each test
 * runs it in a JVM of its own that has another default.
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
}
