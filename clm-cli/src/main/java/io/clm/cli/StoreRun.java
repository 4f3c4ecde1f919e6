package io.clm.cli;

import io.clm.api.ClmException;
import io.clm.api.ErasureKeyException;
import io.clm.api.LifecycleEngine;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.Tombstone;
import io.clm.store.jdbc.JdbcStore;
import io.clm.store.jdbc.JdbcStoreException;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One run of {@code analyze} over a store. The store's position holds a label written by clm
 * analyze: the model and currency of the stored state, and how far time was advanced in it. A run
 * with another model or currency is refused before anything is read into the engine or written.
 *
 * <p>The stored state is what one long run over all the files so far would hold: time advanced a
 * day behind the latest event, as within a run. The report's last step, time advanced to the
 * report's date, runs on a {@link #copy copy} of the engine and is not stored, so that tomorrow's
 * file continues exactly where one run over both files would be.
 */
final class StoreRun implements AutoCloseable {
  private static final String PREFIX = "clm analyze;";

  /** What the store's position says about the stored state. */
  record Label(String model, String currency, Instant advancedTo) {
    String text() {
      return PREFIX + " model=" + model + "; currency=" + currency + "; advanced-to=" + (advancedTo == null ? "-" : advancedTo);
    }

    /** The label in a position, or empty if clm analyze did not write the position. */
    static Optional<Label> parse(String position) {
      if (!position.startsWith(PREFIX)) {
        return Optional.empty();
      }
      String[] parts = position.substring(PREFIX.length()).split(";");
      if (parts.length != 3) {
        return Optional.empty();
      }
      String model = field(parts[0], "model");
      String currency = field(parts[1], "currency");
      String advanced = field(parts[2], "advanced-to");
      if (model == null || currency == null || advanced == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(new Label(model, currency, advanced.equals("-") ? null : Instant.parse(advanced)));
      } catch (DateTimeParseException e) {
        return Optional.empty();
      }
    }

    private static String field(String part, String name) {
      String p = part.strip();
      return p.startsWith(name + "=") ? p.substring(name.length() + 1) : null;
    }
  }

  private final JdbcStore store;
  private final Map<String, Long> erased;
  private Label label;

  private StoreRun(JdbcStore store, Label label, Map<String, Long> erased) {
    this.store = store;
    this.label = label;
    this.erased = erased;
  }

  /**
   * Opens the store and checks that its state is one this run may continue.
   *
   * @throws UsageException if the store holds another model's or currency's state, or state that
   *     clm analyze did not write
   * @throws StoreException if the database fails
   */
  static StoreRun open(StoreOptions options, RunOptions run) {
    JdbcStore store = options.open();
    try {
      Optional<String> position = store.position();
      Label label = null;
      if (position.isPresent()) {
        label = Label.parse(position.get()).orElseThrow(() -> new UsageException("--store " + store.id()
            + " holds the feed position of another application; clm analyze --store continues only a store it wrote"));
        if (!label.model().equals(run.model)) {
          throw new UsageException("--model " + run.model + " does not match the store " + store.id() + ", which holds state of model "
              + label.model() + ": give --model " + label.model() + ", or another --store");
        }
        if (!label.currency().equals(run.currency.getCurrencyCode())) {
          throw new UsageException("--currency " + run.currency.getCurrencyCode() + " does not match the store " + store.id()
              + ", which holds amounts in " + label.currency() + ": give --currency " + label.currency() + ", or another --store");
        }
      } else {
        long customers = store.count();
        if (customers > 0) {
          throw new UsageException("--store " + store.id() + " holds " + customers
              + " customers that clm analyze did not write; clm analyze --store continues only a store it wrote");
        }
      }
      Map<String, Long> erased = new HashMap<>();
      for (Tombstone t : store.tombstones()) {
        erased.merge(t.stage(), 1L, Long::sum);
      }
      return new StoreRun(store, label, Map.copyOf(erased));
    } catch (JdbcStoreException e) {
      store.close();
      throw StoreOptions.failure(e);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /** The store's name in messages: its URL without credentials. */
  String id() {
    return store.id();
  }

  /**
   * The customers erased in the store (by an application over it; analyze erases nobody), by the
   * stage they were in: the engine keeps them in its stage counts so that aggregates stay right,
   * and the report leaves them out.
   */
  Map<String, Long> erasedByStage() {
    return erased;
  }

  /** How far time was advanced in the stored state, or empty if the store is new. */
  Optional<Instant> advancedTo() {
    return Optional.ofNullable(label).map(Label::advancedTo);
  }

  /**
   * The engine over the store, holding the stored state. A new store is labelled with the run's
   * model and currency once the engine is built.
   *
   * @throws UsageException if the store's erasures are keyed with another key than {@code
   *     --mask-key-file}'s
   * @throws StoreException if the database fails
   */
  LifecycleEngine engine(RunOptions options, Clock clock, Optional<Duration> deduplicationWindow) {
    LifecycleEngine engine;
    try {
      engine = options.engine(clock, deduplicationWindow, Optional.of(store));
    } catch (ErasureKeyException e) {
      throw new UsageException("--mask-key-file: " + e.getMessage());
    } catch (ClmException e) {
      throw StoreOptions.causeOf(e).orElseThrow(() -> e);
    }
    if (label == null) {
      write(new Label(options.model, options.currency.getCurrencyCode(), null));
    }
    return engine;
  }

  /** Records that time was advanced to {@code tick} in the stored state. */
  void advancedTo(Instant tick) {
    Instant previous = label.advancedTo();
    if (previous == null || tick.isAfter(previous)) {
      write(new Label(label.model(), label.currency(), tick));
    }
  }

  private void write(Label next) {
    try {
      store.write(new StoreBatch(List.of(), List.of(), List.of(), Optional.of(next.text()), false));
    } catch (JdbcStoreException e) {
      throw StoreOptions.failure(e);
    }
    label = next;
  }

  /**
   * Copies an engine's whole state into another, empty one, through a snapshot streamed between
   * them (never held whole in memory or written to disk).
   *
   * @return {@code to}
   */
  static LifecycleEngine copy(LifecycleEngine from, LifecycleEngine to) {
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (PipedInputStream in = new PipedInputStream(1 << 16)) {
      PipedOutputStream out = new PipedOutputStream(in);
      Thread export = new Thread(() -> {
        try (out) {
          from.exportSnapshot(out);
        } catch (IOException | RuntimeException e) {
          failure.set(e);
        }
      }, "clm-copy");
      export.setDaemon(true);
      export.start();
      try {
        to.importSnapshot(in);
      } catch (RuntimeException e) {
        Throwable first = failure.get();
        if (first != null) {
          e.addSuppressed(first);
        }
        throw e;
      }
      export.join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while copying the engine", e);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("copying the engine failed", failure.get());
    }
    return to;
  }

  @Override
  public void close() {
    store.close();
  }
}
