package io.clm.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 print stream whose {@code println} ends the line with a line feed on every platform,
 * not with the platform's line separator, so that what clm prints is the same bytes on every
 * machine. Formats write {@code \n}, never {@code %n}, for the same reason.
 */
final class LineFeedStream extends PrintStream {
  LineFeedStream(OutputStream out, boolean autoFlush) {
    super(out, autoFlush, StandardCharsets.UTF_8);
  }

  @Override
  public void println() {
    print('\n');
  }

  @Override
  public void println(boolean x) {
    println(String.valueOf(x));
  }

  @Override
  public void println(char x) {
    println(String.valueOf(x));
  }

  @Override
  public void println(int x) {
    println(String.valueOf(x));
  }

  @Override
  public void println(long x) {
    println(String.valueOf(x));
  }

  @Override
  public void println(float x) {
    println(String.valueOf(x));
  }

  @Override
  public void println(double x) {
    println(String.valueOf(x));
  }

  @Override
  public void println(char[] x) {
    println(String.valueOf(x));
  }

  @Override
  public void println(Object x) {
    println(String.valueOf(x));
  }

  @Override
  public void println(String x) {
    synchronized (this) {
      print(x + "\n");
    }
  }
}
