package io.clm.core.engine;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/** Reads the binary form written by {@link BinaryRecordWriter}; every overrun is {@link #corrupt}. */
final class BinaryRecordReader implements RecordReader {
  private final byte[] bytes;
  private int position;
  private final Function<String, RuntimeException> failure;
  private final Deque<long[]> lists = new ArrayDeque<>();

  BinaryRecordReader(byte[] bytes, int start, Function<String, RuntimeException> failure) {
    this.bytes = bytes;
    this.position = start;
    this.failure = failure;
  }

  /** The index of the next byte to read. */
  int position() {
    return position;
  }

  int raw() {
    if (position >= bytes.length) {
      throw corrupt("it ends early, at byte " + position);
    }
    return bytes[position++] & 0xff;
  }

  long varint() {
    long v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      int b = raw();
      v |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return v;
      }
    }
    throw corrupt("a number at byte " + position + " is longer than ten bytes");
  }

  private byte[] bytes(String name) {
    long n = varint();
    if (n < 0 || n > bytes.length - position) {
      throw corrupt("field '" + name + "' claims " + n + " bytes, more than remain");
    }
    byte[] b = new byte[(int) n];
    System.arraycopy(bytes, position, b, 0, b.length);
    position += b.length;
    return b;
  }

  /** Fails unless every byte was read. */
  void end() {
    if (position != bytes.length) {
      throw corrupt((bytes.length - position) + " bytes follow the last field");
    }
  }

  @Override
  public long number(String name) {
    long z = varint();
    return (z >>> 1) ^ -(z & 1);
  }

  @Override
  public double real(String name) {
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | raw();
    }
    return Double.longBitsToDouble(bits);
  }

  @Override
  public String text(String name) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes(name)))
          .toString();
    } catch (CharacterCodingException e) {
      throw corrupt("field '" + name + "' is not UTF-8");
    }
  }

  @Override
  public BigDecimal decimal(String name) {
    long scale = number(name);
    if (scale != (int) scale) {
      throw corrupt("field '" + name + "' has scale " + scale);
    }
    byte[] unscaled = bytes(name);
    if (unscaled.length == 0) {
      throw corrupt("field '" + name + "' has no digits");
    }
    return new BigDecimal(new BigInteger(unscaled), (int) scale);
  }

  @Override
  public boolean flag(String name) {
    int b = raw();
    if (b > 1) {
      throw corrupt("field '" + name + "' is " + b + ", not 0 or 1");
    }
    return b == 1;
  }

  @Override
  public void list(String name) {
    long n = varint();
    if (n < 0 || n > bytes.length - position) {
      throw corrupt("list '" + name + "' claims " + n + " entries, more than remain");
    }
    lists.push(new long[] {n});
  }

  @Override
  public boolean nextEntry() {
    long[] left = lists.peek();
    if (left[0] == 0) {
      lists.pop();
      return false;
    }
    left[0]--;
    return true;
  }

  @Override
  public void endEntry() {}

  @Override
  public RuntimeException corrupt(String detail) {
    return failure.apply(detail);
  }
}
