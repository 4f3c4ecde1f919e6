package io.clm.cli;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The physical lines of a file, one at a time, each decoded as UTF-8 on its own. A line ends at
 * {@code \n} (a {@code \r} before it is dropped). This is the one place where input is split into
 * lines, so that nothing a line holds (an unclosed quote, bytes that are not UTF-8, a line of a
 * gigabyte) can make a reader lose the lines after it: every physical line is counted, and a line
 * that cannot be decoded or is longer than the limit is reported with its number and skipped to its
 * end without being held in memory.
 */
final class LineSource implements Closeable {

  /** The default longest line, in bytes. */
  static final int DEFAULT_MAX_LINE_BYTES = 64 * 1024;

  private final InputStream in;
  private final int maxLineBytes;
  private final byte[] buffer = new byte[1 << 16];
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
  private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private int position;
  private int limit;
  private long number;
  private boolean eof;

  LineSource(InputStream in, int maxLineBytes) {
    if (maxLineBytes < 1) {
      throw new IllegalArgumentException("maxLineBytes " + maxLineBytes + " is not positive");
    }
    this.in = in;
    this.maxLineBytes = maxLineBytes;
  }

  /** A line that cannot be used as text: its number and what is wrong. */
  static final class BadLine extends Exception {
    private static final long serialVersionUID = 1L;
    private final long number;

    BadLine(long number, String problem) {
      super(problem, null, false, false);
      this.number = number;
    }

    long number() {
      return number;
    }
  }

  /**
   * The next line's text, without its line end.
   *
   * @return the text, or null at the end of the input
   * @throws BadLine if the line is longer than the limit or not valid UTF-8; the source has moved
   *     past it
   */
  String next() throws IOException, BadLine {
    if (eof) {
      return null;
    }
    String ascii = asciiLine();
    if (ascii != null) {
      return ascii;
    }
    line.reset();
    boolean tooLong = false;
    long bytes = 0;
    while (true) {
      if (position == limit) {
        limit = in.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
          limit = 0;
          eof = true;
          if (bytes == 0) {
            return null;
          }
          break;
        }
      }
      int start = position;
      while (position < limit && buffer[position] != '\n') {
        position++;
      }
      int count = position - start;
      bytes += count;
      if (!tooLong) {
        if (bytes > maxLineBytes) {
          tooLong = true;
          line.reset();
        } else {
          line.write(buffer, start, count);
        }
      }
      if (position < limit) {
        position++;
        break;
      }
    }
    number++;
    if (tooLong) {
      throw new BadLine(number, "is " + bytes + " bytes long, more than the limit of " + maxLineBytes);
    }
    byte[] b = line.toByteArray();
    int n = b.length;
    if (n > 0 && b[n - 1] == '\r') {
      n--;
    }
    int from = number == 1 && n >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf ? 3 : 0;
    ByteBuffer bytesIn = ByteBuffer.wrap(b, from, n - from);
    CharBuffer chars = CharBuffer.allocate(n - from);
    CoderResult result = utf8.reset().decode(bytesIn, chars, true);
    if (!result.isError()) {
      result = utf8.flush(chars);
    }
    if (result.isError()) {
      throw new BadLine(number, "is not valid UTF-8 at byte " + (bytesIn.position() + 1));
    }
    return chars.flip().toString();
  }

  /**
   * The next line when it lies whole in the buffer, is not too long and is ASCII (so valid UTF-8,
   * without a byte order mark, one character per byte): its text straight from the buffer, without
   * decoding. Otherwise null, and nothing is consumed.
   */
  private String asciiLine() {
    int end = position;
    int high = 0;
    while (end < limit && buffer[end] != '\n') {
      high |= buffer[end];
      end++;
    }
    if (end == limit || high < 0 || end - position > maxLineBytes) {
      return null;
    }
    int start = position;
    position = end + 1;
    number++;
    if (end > start && buffer[end - 1] == '\r') {
      end--;
    }
    return new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
  }

  /** Physical lines read so far, including bad ones. */
  long lines() {
    return number;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
