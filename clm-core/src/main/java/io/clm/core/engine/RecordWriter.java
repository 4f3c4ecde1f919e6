package io.clm.core.engine;

import java.math.BigDecimal;

/**
 * Writes the fields of a customer record in schema order. The binary form ignores the names; the
 * JSON form of snapshots writes them, so both come from one schema ({@link CustomerCodec}).
 */
interface RecordWriter {
  void number(String name, long value);

  void real(String name, double value);

  void text(String name, String value);

  void decimal(String name, BigDecimal value);

  void flag(String name, boolean value);

  /** Starts a list of {@code size} entries; each entry is written between {@link #entry()} and {@link #endEntry()}. */
  void list(String name, int size);

  void entry();

  void endEntry();

  void endList();
}
