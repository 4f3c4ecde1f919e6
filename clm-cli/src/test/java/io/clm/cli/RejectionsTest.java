package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first rejected rows are kept by file and line, whatever order they come in. */
class RejectionsTest {

  @Test
  void theFirstTwentyByFileAndLineAreKept() {
    Rejections rejections = new Rejections();
    // The second file's rows come first, and each file's rows last line first.
    for (int line = 30; line >= 1; line--) {
      rejections.add(1, line, "b line " + line);
    }
    for (int line = 15; line >= 1; line--) {
      rejections.add(0, 1_000_000_000_000L + line, "a line " + line);
    }
    List<String> expected = new ArrayList<>();
    for (int line = 1; line <= 15; line++) {
      expected.add("a line " + line);
    }
    for (int line = 1; line <= 5; line++) {
      expected.add("b line " + line);
    }
    assertThat(rejections.messages()).containsExactlyElementsOf(expected);
  }

  @Test
  void fewerThanTwentyAreAllKept() {
    Rejections rejections = new Rejections();
    rejections.add(2, 7, "c");
    rejections.add(0, 9, "a");
    rejections.add(1, 3, "b");
    assertThat(rejections.messages()).containsExactly("a", "b", "c");
  }
}
