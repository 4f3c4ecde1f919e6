package io.clm.spring.boot.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * The records one class logs while open. clm logs through {@code System.Logger}, which writes to
 * java.util.logging when no other backend is on the class path, as in these tests.
 */
final class CapturedLog implements AutoCloseable {
  private final Logger logger;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler = new Handler() {
    @Override
    public void publish(LogRecord r) {
      records.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  };

  CapturedLog(Class<?> source) {
    logger = Logger.getLogger(source.getName());
    handler.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  /** The records logged so far. */
  List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The messages logged so far at or above the level. */
  List<String> messages(Level atLeast) {
    return records.stream()
        .filter(r -> r.getLevel().intValue() >= atLeast.intValue())
        .map(r -> new SimpleFormatter().formatMessage(r))
        .toList();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
  }
}
