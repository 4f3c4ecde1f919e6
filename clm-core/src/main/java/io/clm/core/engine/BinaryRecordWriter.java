package io.clm.core.engine;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The binary form of a record: numbers as zigzag varints, reals as eight bytes, text and decimals
 * length-prefixed, lists count-prefixed; no names.
 */
final class BinaryRecordWriter implements RecordWriter {
  private byte[] bytes = new byte[64];
  private int size;

  byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  void raw(int b) {
    if (size == bytes.length) {
      bytes = Arrays.copyOf(bytes, size * 2);
    }
    bytes[size++] = (byte) b;
  }

  void varint(long v) {
    while ((v & ~0x7fL) != 0) {
      raw((int) ((v & 0x7f) | 0x80));
      v >>>= 7;
    }
    raw((int) v);
  }

  private void bytes(byte[] b) {
    varint(b.length);
    for (byte x : b) {
      raw(x);
    }
  }

  @Override
  public void number(String name, long value) {
    varint((value << 1) ^ (value >> 63));
  }

  @Override
  public void real(String name, double value) {
    long bits = Double.doubleToRawLongBits(value);
    for (int shift = 56; shift >= 0; shift -= 8) {
      raw((int) (bits >>> shift));
    }
  }

  @Override
  public void text(String name, String value) {
    bytes(value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void decimal(String name, BigDecimal value) {
    number(name, value.scale());
    bytes(value.unscaledValue().toByteArray());
  }

  @Override
  public void flag(String name, boolean value) {
    raw(value ? 1 : 0);
  }

  @Override
  public void list(String name, int size) {
    varint(size);
  }

  @Override
  public void entry() {}

  @Override
  public void endEntry() {}

  @Override
  public void endList() {}
}
