package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link LineSource} against the rule it documents, written out here one line at a time: split at
 * {@code \n}, drop a {@code \r} before it, drop a byte order mark before the first line, refuse a
 * line longer than the limit, decode the rest as strict UTF-8.
 */
class LineSourceTest {

  @Test
  void everyLineIsWhatTheRuleMakesOfItsBytesHoweverTheInputArrives() {
    qt().withExamples(300)
        .forAll(longs().all(), integers().between(1, 200), integers().between(1, 80))
        .checkAssert((seed, lineCount, maxLineBytes) -> {
          Random random = new Random(seed);
          byte[] input = input(random, lineCount, maxLineBytes);
          List<String> expected = expected(input, maxLineBytes);
          LineSource lines = new LineSource(new Trickle(input, random), maxLineBytes);
          List<String> actual = new ArrayList<>();
          while (true) {
            String text;
            try {
              text = lines.next();
            } catch (LineSource.BadLine e) {
              actual.add("bad line " + e.number());
              continue;
            } catch (IOException e) {
              throw new AssertionError(e);
            }
            if (text == null) {
              break;
            }
            actual.add(text);
          }
          assertThat(actual).isEqualTo(expected);
          assertThat(lines.lines()).isEqualTo(expected.size());
        });
  }

  /** Lines of ASCII, of other UTF-8, of bytes that are not UTF-8, empty, long, with CR LF or LF. */
  private static byte[] input(Random random, int lineCount, int maxLineBytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (random.nextInt(5) == 0) {
      out.writeBytes(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
    }
    for (int i = 0; i < lineCount; i++) {
      int length = random.nextInt(6) == 0 ? maxLineBytes + random.nextInt(3) - 1 : random.nextInt(Math.max(1, maxLineBytes));
      for (int b = 0; b < length; b++) {
        int roll = random.nextInt(60);
        if (roll == 0) {
          out.writeBytes("é".getBytes(StandardCharsets.UTF_8));
        } else if (roll == 1) {
          out.writeBytes("€".getBytes(StandardCharsets.UTF_8));
        } else if (roll == 2) {
          out.write(0x80 + random.nextInt(0x80)); // never valid alone
        } else if (roll == 3) {
          out.write('\r');
        } else {
          out.write(' ' + random.nextInt(95));
        }
      }
      if (random.nextBoolean()) {
        out.write('\r');
      }
      if (i < lineCount - 1 || random.nextBoolean()) {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  private static List<String> expected(byte[] input, int maxLineBytes) {
    List<String> lines = new ArrayList<>();
    int start = 0;
    int number = 0;
    while (start < input.length) {
      int end = start;
      while (end < input.length && input[end] != '\n') {
        end++;
      }
      number++;
      byte[] line = Arrays.copyOfRange(input, start, end);
      start = end + 1;
      if (line.length > maxLineBytes) {
        lines.add("bad line " + number);
        continue;
      }
      int n = line.length > 0 && line[line.length - 1] == '\r' ? line.length - 1 : line.length;
      int from = number == 1 && n >= 3 && (line[0] & 0xff) == 0xef && (line[1] & 0xff) == 0xbb && (line[2] & 0xff) == 0xbf ? 3 : 0;
      try {
        lines.add(StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(line, from, n - from))
            .toString());
      } catch (CharacterCodingException e) {
        lines.add("bad line " + number);
      }
    }
    return lines;
  }

  /** Hands the input over in reads of random sizes, so that lines straddle reads. */
  private static final class Trickle extends InputStream {
    private final byte[] bytes;
    private final Random random;
    private int position;

    Trickle(byte[] bytes, Random random) {
      this.bytes = bytes;
      this.random = random;
    }

    @Override
    public int read() {
      return position < bytes.length ? bytes[position++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (position == bytes.length) {
        return -1;
      }
      int n = Math.min(Math.min(len, bytes.length - position), 1 + random.nextInt(random.nextBoolean() ? 8 : 400));
      System.arraycopy(bytes, position, b, off, n);
      position += n;
      return n;
    }
  }
}
