package io.clm.cli;

import java.util.List;
import java.util.TreeMap;

/**
 * The first rejected rows of a run in the order of the files and their lines. The reader refuses
 * some rows and the engine, on the worker threads, others, in an order that depends on the threads;
 * kept by file and line, the same files give the same messages on every run and every machine.
 */
final class Rejections {
  /** Bits of a key that hold the line; the file's place in the run is above them. */
  private static final int LINE_BITS = 40;
  private final TreeMap<Long, String> first = new TreeMap<>();

  /** Adds a rejected row's message; beyond the first {@link Report#MAX_REJECTIONS_SHOWN}, the latest goes. */
  synchronized void add(int file, long line, String message) {
    first.put(((long) file << LINE_BITS) | line, message);
    if (first.size() > Report.MAX_REJECTIONS_SHOWN) {
      first.pollLastEntry();
    }
  }

  /** The messages by file and line. */
  synchronized List<String> messages() {
    return List.copyOf(first.values());
  }
}
