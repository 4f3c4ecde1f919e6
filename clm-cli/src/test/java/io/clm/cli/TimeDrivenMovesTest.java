package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analyze} lets the model's time-driven rules fire while it reads, not only at the report's
 * date: a customer who lapses between two rows is seen to lapse, and the stage flow starts from the
 * stages as of the flow start. With banking-six-stage, a customer without products and without a
 * transaction for 365 days terminates, and a transaction after that wins the customer back.
 */
class TimeDrivenMovesTest {
  private static final int POTENTIAL = 0;
  private static final int DEVELOPMENT = 1;
  private static final int TERMINATION = 5;

  @TempDir Path dir;

  private JsonNode analyze(String... options) throws IOException {
    Path file = dir.resolve("tx.csv");
    Files.writeString(file, "id,customer_id,timestamp,direction,amount,product,channel\n"
        + "t1,C-1001,2023-01-02T10:00:00Z,credit,100.00,current-account,online\n"
        + "t2,C-1001,2024-06-03T10:00:00Z,credit,100.00,current-account,online\n", StandardCharsets.UTF_8);
    String[] args = new String[options.length + 3];
    args[0] = "analyze";
    args[1] = "--transactions";
    args[2] = file.toString();
    System.arraycopy(options, 0, args, 3, options.length);
    MainTest.Run r = MainTest.run(args);
    assertThat(r.code()).as(r.err()).isZero();
    return new ObjectMapper().readTree(r.out());
  }

  private static long cell(JsonNode matrix, int row, int column) {
    return matrix.get(row).get(column).asLong();
  }

  @Test
  void aCustomerWhoLapsesBetweenTwoRowsTerminatesAndIsWonBack() throws IOException {
    JsonNode report = analyze("--as-of", "2024-07-01", "--json");
    JsonNode moves = report.get("transitions");
    assertThat(cell(moves, POTENTIAL, DEVELOPMENT)).isEqualTo(1);
    assertThat(cell(moves, DEVELOPMENT, TERMINATION)).isEqualTo(1);
    assertThat(cell(moves, TERMINATION, DEVELOPMENT)).isEqualTo(1);
    assertThat(report.get("stages").get(DEVELOPMENT).get("customers").asLong()).isEqualTo(1);
  }

  /** The first row at or after the flow start lets the rules fire up to it before the flow is marked. */
  @Test
  void theFlowStartsFromTheStagesAsOfTheFlowStart() throws IOException {
    JsonNode flow = analyze("--flow-start", "2024-03-01", "--as-of", "2024-07-01", "--json").get("flow");
    // Rows: customers new since the flow start, then the stages at it; columns: the stages now.
    assertThat(cell(flow, 1 + TERMINATION, DEVELOPMENT)).isEqualTo(1);
    assertThat(cell(flow, 1 + DEVELOPMENT, DEVELOPMENT)).isZero();
  }

  /** After the last row, the rules fire up to the report's date: a customer who lapses since is reported terminated. */
  @Test
  void aCustomerWhoLapsesAfterTheLastRowIsTerminatedByTheReportsDate() throws IOException {
    JsonNode report = analyze("--as-of", "2025-07-01", "--json");
    assertThat(cell(report.get("transitions"), DEVELOPMENT, TERMINATION)).isEqualTo(2);
    assertThat(report.get("stages").get(TERMINATION).get("customers").asLong()).isEqualTo(1);
  }

  /** A flow start after the last row and before the report's date is where the flow starts. */
  @Test
  void aFlowStartAfterTheLastRowStartsTheFlowThere() throws IOException {
    JsonNode report = analyze("--flow-start", "2024-06-10", "--as-of", "2024-07-01", "--json");
    assertThat(report.get("flowStart").asText()).isEqualTo("2024-06-10T00:00:00Z");
    assertThat(cell(report.get("flow"), 1 + DEVELOPMENT, DEVELOPMENT)).isEqualTo(1);
    assertThat(cell(report.get("flow"), 0, DEVELOPMENT)).isZero();
  }

  /** Rules fire a day behind the data: up to the start of the day before a row. */
  @Test
  void timeMovesOnToTheStartOfTheDayBeforeARow() {
    long at = java.time.Instant.parse("2025-01-10T10:00:00Z").toEpochMilli();
    assertThat(AnalyzeCommand.tickBehind(at)).isEqualTo(java.time.Instant.parse("2025-01-09T00:00:00Z").toEpochMilli());
    long midnight = java.time.Instant.parse("2025-01-10T00:00:00Z").toEpochMilli();
    assertThat(AnalyzeCommand.tickBehind(midnight)).isEqualTo(java.time.Instant.parse("2025-01-09T00:00:00Z").toEpochMilli());
    long before1970 = java.time.Instant.parse("1969-12-31T23:00:00Z").toEpochMilli();
    assertThat(AnalyzeCommand.tickBehind(before1970)).isEqualTo(java.time.Instant.parse("1969-12-30T00:00:00Z").toEpochMilli());
  }
}
