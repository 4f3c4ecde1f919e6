package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The progress line: drawn over itself on a terminal, cleared when done, and silent otherwise. */
class ProgressTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  /** Buffered, as stderr is: what is not flushed is not seen. */
  private final PrintStream err = new PrintStream(new BufferedOutputStream(bytes), false, StandardCharsets.UTF_8);

  private String written() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void onATerminalTheLineIsDrawnOverTheLastAndClearedWhenDone() {
    Progress progress = new Progress(err, true);
    progress.show("65,536 rows");
    // flushed at once, not when the stream is closed
    assertThat(written()).isEqualTo("\r\u001b[2K65,536 rows");

    progress.done();
    assertThat(written()).isEqualTo("\r\u001b[2K65,536 rows\r\u001b[2K");
    // cleared once only
    progress.done();
    err.flush();
    assertThat(written()).isEqualTo("\r\u001b[2K65,536 rows\r\u001b[2K");
  }

  @Test
  void nothingDrawnIsNothingToClear() {
    Progress progress = new Progress(err, true);
    progress.done();
    assertThat(written()).isEmpty();
  }

  @Test
  void elsewhereNothingIsWritten() {
    Progress progress = new Progress(err, false);
    progress.show("65,536 rows");
    progress.done();
    err.flush();
    assertThat(written()).isEmpty();
  }
}
