package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Every {@code println} of clm's output streams ends its line with a line feed, on every platform, in UTF-8. */
class LineFeedStreamTest {

  @Test
  void everyPrintlnEndsWithALineFeed() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (LineFeedStream out = new LineFeedStream(bytes, false)) {
      out.println();
      out.println(true);
      out.println('c');
      out.println(42);
      out.println(-7L);
      out.println(1.5f);
      out.println(2.25);
      out.println(new char[] {'a', 'b'});
      out.println((Object) "object");
      out.println("\u00e9t\u00e9");
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("\ntrue\nc\n42\n-7\n1.5\n2.25\nab\nobject\n\u00e9t\u00e9\n");
  }
}
