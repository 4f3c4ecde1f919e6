package io.clm.cli;

import java.io.PrintStream;

/**
 * A one-line progress indicator on stderr, redrawn at most a few times a second; silent when
 * stderr is not a terminal, so that redirected output and logs stay clean.
 */
final class Progress {
  private final PrintStream err;
  private final boolean enabled;
  private long lastDraw;
  private boolean drawn;

  Progress(PrintStream err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  void show(String text) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (drawn && now - lastDraw < 200_000_000L) {
      return;
    }
    lastDraw = now;
    drawn = true;
    err.print("\r\u001b[2K" + text);
    err.flush();
  }

  void done() {
    if (enabled && drawn) {
      err.print("\r\u001b[2K");
      err.flush();
      drawn = false;
    }
  }
}
