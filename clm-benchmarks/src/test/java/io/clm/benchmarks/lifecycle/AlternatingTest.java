package io.clm.benchmarks.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alternating comparison on a small feed: one line per round, one summary per contender. */
class AlternatingTest {

  @Test
  void reportsEveryRoundAndEachContendersRatioToTheFirst() throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      Alternating.main(new String[] {"3", "300", "columnar", "objects", "clm"});
    } finally {
      System.setOut(out);
    }
    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(6);
    for (int round = 1; round <= 3; round++) {
      assertThat(lines.get(round - 1)).matches("round " + round + ": columnar [0-9,]+ objects [0-9,]+ clm [0-9,]+");
    }
    assertThat(lines.get(3)).startsWith("columnar: median ").contains("ratio to columnar per round: median 1.000 (1.000 to 1.000)");
    assertThat(lines.get(4)).startsWith("objects: median ").contains("ratio to columnar per round: median ");
    assertThat(lines.get(5)).startsWith("clm: median ").contains("ratio to columnar per round: median ");
  }

  @Test
  void anUnknownImplementationIsRefusedByName() {
    assertThatThrownBy(() -> Alternating.main(new String[] {"1", "300", "columnar", "nosuch"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown implementation 'nosuch'; known: clm, columnar, objects, stateless4j, squirrel, spring");
  }
}
