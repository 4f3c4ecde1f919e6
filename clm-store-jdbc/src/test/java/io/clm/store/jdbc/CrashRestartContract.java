package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.LifecycleEngine;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import io.clm.tck.MemoryCustomerStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process running the lifecycle engine over the store, ingesting a generated feed, at
 * random points with SIGKILL, and restarts it each time from what the store recorded; the store
 * then holds byte for byte what one clean pass of the same feed through the same engine leaves in
 * the test kit's in-memory store. One subclass per database.
 */
abstract class CrashRestartContract {
  static final int CUSTOMERS = 5_000;
  static final int KILLS = 10;

  @TempDir Path dir;

  /** A URL of a new, empty database. */
  abstract String newDatabaseUrl();

  /**
   * Events per batch (one transaction each). Large batches, about ten events per customer each,
   * are what lets a feed of a million events pass in the test's time: a batch stores one record and
   * one seen row per customer it changed; see docs/performance.md.
   */
  abstract int batch();

  /** Events in the feed. */
  abstract long events();

  @Test
  void killedAtRandomPointsTheStoreEndsExactlyAsOneCleanPass() throws Exception {
    String crashUrl = newDatabaseUrl();
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    String context = "seed " + seed;

    // Kill points: random feed positions, sorted, so that every kill lands before the end.
    long[] killAt = new long[KILLS];
    for (int i = 0; i < KILLS; i++) {
      killAt[i] = 1 + (long) (random.nextDouble() * (events() - 2 * batch()));
    }
    java.util.Arrays.sort(killAt);

    List<Child> children = new ArrayList<>();
    try {
      crashAndRestart(crashUrl, killAt, random, context, children);
    } finally {
      children.forEach(Child::destroy);
    }
    Path crashed;
    try (JdbcStore store = JdbcStore.builder().url(crashUrl).build()) {
      crashed = snapshot(store, dir.resolve("crashed.bin"));
      // 0 events lost, 0 counted twice: one seen event per event of the feed, every id once.
      long[] seen = new long[1];
      Set<Long> ids = new HashSet<>();
      store.scan(c -> c.seen().forEach(e -> {
        seen[0]++;
        ids.add(e.id());
      }));
      assertThat(seen[0]).isEqualTo(events());
      assertThat(ids).hasSize(Math.toIntExact(events()));
    }
    MemoryCustomerStore clean = new MemoryCustomerStore();
    LifecycleEngine engine = FeedLog.engine(clean);
    FeedLog feed = new FeedLog(CUSTOMERS);
    for (long from = 0; from < events(); from += batch()) {
      engine.ingestAll(feed.events(from, Math.min(events(), from + batch())));
    }
    Path cleanPass = snapshot(clean, dir.resolve("clean.bin"));
    assertThat(Files.mismatch(crashed, cleanPass)).as("first differing byte, " + context).isEqualTo(-1L);
  }

  private void crashAndRestart(
      String crashUrl, long[] killAt, Random random, String context, List<Child> children)
      throws Exception {
    long acked = 0;
    int kills = 0;
    List<Long> resumes = new ArrayList<>();
    for (long target : killAt) {
      Child child = Child.start(crashUrl, dir.resolve("crash-" + kills + ".err"), events(), batch());
      children.add(child);
      long resume = child.expect("resume");
      resumes.add(resume);
      // Nothing acknowledged is lost, and at most the batch in flight at the kill was committed unseen.
      assertThat(resume).as(context).isBetween(acked, acked + batch());
      acked = resume;
      while (acked < target) {
        acked = child.expect("committed");
      }
      // Kill a little after a commit: sometimes between batches, sometimes inside the next one.
      Thread.sleep(random.nextInt(40));
      child.kill();
      acked = Math.max(acked, child.lastCommitted());
      kills++;
    }
    Child last = Child.start(crashUrl, dir.resolve("last.err"), events(), batch());
    children.add(last);
    long resume = last.expect("resume");
    assertThat(resume).as(context).isBetween(acked, acked + batch());
    assertThat(last.expect("done")).isEqualTo(events());
    assertThat(last.exitCode()).isZero();
    assertThat(kills).isGreaterThanOrEqualTo(10);
    assertThat(resumes).as("each restart resumed later in the feed, " + context).isSorted();
  }

  static long single(JdbcStore store, String sql) throws SQLException {
    try (Connection c = store.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      long n = rs.getLong(1);
      c.rollback();
      return n;
    }
  }

  /** Everything a store holds, through the SPI, by customer key, as bytes in a file. */
  static Path snapshot(CustomerStore store, Path file) throws IOException {
    SortedMap<String, StoredCustomer> customers = new TreeMap<>();
    store.scan(c -> customers.put(c.record().customer().value(), c));
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      for (StoredCustomer c : customers.values()) {
        write(out, c);
      }
      for (Tombstone t : store.tombstones()) {
        out.writeUTF(t.scheme().name());
        out.writeLong(t.check());
        out.writeLong(t.fingerprint());
        out.writeUTF(t.stage());
      }
    }
    return file;
  }

  static void write(DataOutputStream out, StoredCustomer c) throws IOException {
          out.writeUTF(c.record().customer().value());
          out.writeLong(c.record().dueAt());
          byte[] state = c.record().state();
          out.writeInt(state.length);
          out.write(state);
          out.writeInt(c.seen().size());
          for (SeenEvent e : c.seen()) {
            out.writeLong(e.id());
            out.writeLong(e.content());
            out.writeLong(e.at());
          }
          out.writeInt(c.history().size());
          for (HistoryEntry h : c.history()) {
            out.writeLong(h.sequence());
            byte[] change = h.change();
            out.writeInt(change.length);
            out.write(change);
          }
  }

  /**
   * A child JVM running {@link CrashIngestMain}, its output read line by line. The child's standard
   * output goes to a file, not a pipe: what a write put in the file is there once the call returns,
   * and the file is read to its end after the child died, so no line the child printed is missed.
   */
  static final class Child {
    private final Process process;
    private final Path out;
    private final Path err;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> printed = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Thread reader;
    private volatile long lastCommitted = -1;

    private Child(Process process, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.err = err;
      this.reader = new Thread(this::read, "crash-child-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Child start(String url, Path err, long events, int batch) throws IOException {
      return start(err, CrashIngestMain.class, url, Long.toString(events), Integer.toString(CUSTOMERS), Integer.toString(batch));
    }

    /**
     * Starts a JVM on the test class path running a class's {@code main} with arguments; its
     * standard error goes to {@code err}, its standard output to {@code err} with {@code .out}
     * appended.
     */
    static Child start(Path err, Class<?> main, String... args) throws IOException {
      String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
      List<String> command = new ArrayList<>(List.of(
          java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), main.getName()));
      command.addAll(List.of(args));
      Path out = err.resolveSibling(err.getFileName() + ".out");
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.redirectOutput(out.toFile());
      pb.redirectError(err.toFile());
      return new Child(pb.start(), out, err);
    }

    /** Every line the child printed so far that starts with a prefix, without it, in order. */
    List<String> linesStartingWith(String prefix) {
      synchronized (printed) {
        return printed.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
      }
    }

    /**
     * Follows the output file while the child runs; once the child is seen dead, reads what is left
     * (all of its writes are in the file by then) and ends. A line is taken at its line end.
     */
    private void read() {
      try (InputStream in = new BufferedInputStream(Files.newInputStream(out))) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean dead;
        do {
          dead = !process.isAlive();
          for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
              take(line.toString(StandardCharsets.UTF_8));
              line.reset();
            } else {
              line.write(b);
            }
          }
          if (!dead) {
            Thread.sleep(1);
          }
        } while (!dead);
        // a last line without its line end was cut off by the kill, and is not taken
      } catch (IOException | InterruptedException e) {
        lines.add("closed " + e);
      }
      lines.add("end");
    }

    private void take(String line) {
      if (line.startsWith("committed ")) {
        lastCommitted = Long.parseLong(line.substring("committed ".length()));
      }
      printed.add(line);
      lines.add(line);
    }

    /** Waits for the next line of a kind and returns its number; other kinds are skipped. */
    long expect(String kind) throws InterruptedException, IOException {
      while (true) {
        String line = lines.poll(10, TimeUnit.MINUTES);
        if (line == null || line.equals("end")) {
          process.waitFor(1, TimeUnit.MINUTES);
          throw new AssertionError("child ended before '" + kind + "': " + Files.readString(err));
        }
        if (line.startsWith(kind + " ")) {
          return Long.parseLong(line.substring(kind.length() + 1));
        }
      }
    }

    long lastCommitted() {
      return lastCommitted;
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
      // Everything the child printed before it died is read once the reader has seen it dead.
      reader.join(TimeUnit.MINUTES.toMillis(1));
      if (reader.isAlive()) {
        throw new AssertionError("the killed child's output did not end within a minute");
      }
    }

    /** Kills the process if it still runs. */
    void destroy() {
      process.destroyForcibly();
    }

    int exitCode() throws InterruptedException {
      return process.waitFor();
    }
  }
}
