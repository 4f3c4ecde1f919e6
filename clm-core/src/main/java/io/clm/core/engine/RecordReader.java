package io.clm.core.engine;

import java.math.BigDecimal;

/**
 * Reads the fields of a customer record in schema order, the counterpart of {@link RecordWriter}.
 * Every read checks that the next field is the one named; anything else is {@link #corrupt}.
 */
interface RecordReader {
  long number(String name);

  double real(String name);

  String text(String name);

  BigDecimal decimal(String name);

  boolean flag(String name);

  /** Starts a list; {@link #nextEntry()} then tells whether another entry follows. */
  void list(String name);

  /** Whether another entry of the current list follows; if so, it is entered. */
  boolean nextEntry();

  /** Leaves the current entry. */
  void endEntry();

  /** The typed failure for this source, naming the customer and what is wrong. */
  RuntimeException corrupt(String detail);
}
