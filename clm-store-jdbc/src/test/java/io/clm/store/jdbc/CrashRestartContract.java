package io.clm.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.spi.HistoryEntry;
import io.clm.api.spi.SeenEvent;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that ingests a feed of a million events into the store, at random points, with
 * SIGKILL, and restarts it each time from the position the store recorded; the store then holds
 * byte for byte what one clean pass of the same feed leaves (the same fold run once in memory,
 * without a store). One subclass per database.
 */
abstract class CrashRestartContract {
  static final long EVENTS = 1_000_000;
  static final int CUSTOMERS = 10_000;
  static final int KILLS = 10;

  @TempDir Path dir;

  /** A URL of a new, empty database. */
  abstract String newDatabaseUrl();

  /**
   * Events per batch (one transaction each). H2 rewrites every index page a commit touched, so it
   * runs this test with fewer, larger batches; see docs/performance.md.
   */
  abstract int batch();

  @Test
  void killedAtRandomPointsTheStoreEndsExactlyAsOneCleanPass() throws Exception {
    String crashUrl = newDatabaseUrl();
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    String context = "seed " + seed;

    // Kill points: random feed positions, sorted, so that every kill lands before the end.
    long[] killAt = new long[KILLS];
    for (int i = 0; i < KILLS; i++) {
      killAt[i] = 1 + (long) (random.nextDouble() * (EVENTS - 2 * batch()));
    }
    java.util.Arrays.sort(killAt);

    List<Child> children = new ArrayList<>();
    try {
      crashAndRestart(crashUrl, killAt, random, context, children);
    } finally {
      for (Child c : children) {
        c.process.destroyForcibly();
      }
    }
    Path crashed = snapshot(crashUrl, dir.resolve("crashed.bin"));
    Path cleanPass = dir.resolve("clean.bin");
    try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cleanPass)))) {
      for (StoredCustomer c : new FeedLog(CUSTOMERS).cleanPass(EVENTS, batch()).values()) {
        write(out, c);
      }
      out.writeUTF(Long.toString(EVENTS));
    }
    assertThat(Files.mismatch(crashed, cleanPass)).as("first differing byte, " + context).isEqualTo(-1L);
    // 0 events lost, 0 counted twice: one seen event per event of the feed, every id once.
    try (JdbcStore store = JdbcStore.builder().url(crashUrl).build()) {
      assertThat(single(store, "SELECT COUNT(*) FROM clm_seen_event")).isEqualTo(EVENTS);
      assertThat(single(store, "SELECT COUNT(DISTINCT id_fingerprint) FROM clm_seen_event")).isEqualTo(EVENTS);
      assertThat(store.position()).contains(Long.toString(EVENTS));
    }
  }

  private void crashAndRestart(
      String crashUrl, long[] killAt, Random random, String context, List<Child> children)
      throws Exception {
    long acked = 0;
    int kills = 0;
    List<Long> resumes = new ArrayList<>();
    for (long target : killAt) {
      Child child = Child.start(crashUrl, dir.resolve("crash-" + kills + ".err"), batch());
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
    Child last = Child.start(crashUrl, dir.resolve("last.err"), batch());
    children.add(last);
    long resume = last.expect("resume");
    assertThat(resume).as(context).isBetween(acked, acked + batch());
    assertThat(last.expect("done")).isEqualTo(EVENTS);
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

  /** Everything the store holds, through the SPI, in the scan's key order, as bytes in a file. */
  static Path snapshot(String url, Path file) throws IOException {
    try (JdbcStore store = JdbcStore.builder().url(url).build();
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
      store.scan(c -> {
        try {
          write(out, c);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      for (Tombstone t : store.tombstones()) {
        out.writeLong(t.salt());
        out.writeLong(t.fingerprint());
        out.writeUTF(t.stage());
      }
      out.writeUTF(store.position().orElse(""));
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

  /** A child JVM running {@link CrashIngestMain}, its output read line by line. */
  static final class Child {
    private final Process process;
    private final Path err;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile long lastCommitted = -1;

    private Child(Process process, Path err) {
      this.process = process;
      this.err = err;
      Thread reader = new Thread(this::read, "crash-child-reader");
      reader.setDaemon(true);
      reader.start();
    }

    static Child start(String url, Path err, int batch) throws IOException {
      String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb = new ProcessBuilder(
          java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
          CrashIngestMain.class.getName(), url, Long.toString(EVENTS), Integer.toString(CUSTOMERS),
          Integer.toString(batch));
      pb.redirectError(err.toFile());
      return new Child(pb.start(), err);
    }

    private void read() {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          if (line.startsWith("committed ")) {
            lastCommitted = Long.parseLong(line.substring("committed ".length()));
          }
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("closed " + e);
      }
      lines.add("end");
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
      // Let the reader drain what the child printed before it died.
      while (process.isAlive()) {
        Thread.sleep(1);
      }
      Thread.sleep(20);
    }

    int exitCode() throws InterruptedException {
      return process.waitFor();
    }
  }
}
