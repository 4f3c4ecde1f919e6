package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.snapshot;
import static io.clm.core.engine.Fixtures.tx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerMetrics;
import io.clm.api.LifecycleEngine;
import io.clm.api.SnapshotException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snapshot import and export at their edges: positions, stage 0, a repeated seen event, failing streams. */
class SnapshotEdgesTest {
  private static void importInto(LifecycleEngine engine, String json) {
    engine.importSnapshot(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** A customer erased in the initial stage, the model's first (index 0), is imported as erased there. */
  @Test
  void aCustomerErasedInTheFirstStageIsImported() {
    LifecycleEngine a = Fixtures.builder().build();
    a.register(customer(1), START);
    a.erase(customer(1));
    String exported = snapshot(a);
    assertThat(exported).contains("\"stage\" : \"prospect\"");

    LifecycleEngine b = Fixtures.builder().build();
    importInto(b, exported);
    assertThat(b.stageCounts()).containsEntry("prospect", 1L);
    assertThat(snapshot(b)).isEqualTo(exported);
  }

  @Test
  void aCustomerEntryThatIsNotAnObjectIsNamedByItsPosition() {
    LifecycleEngine a = Fixtures.builder().build();
    a.ingest(tx("e1", 1, START, "1.00"));
    a.ingest(tx("e2", 2, START, "1.00"));
    a.ingest(tx("e3", 3, START, "1.00"));
    String exported = snapshot(a);
    int third = exported.indexOf("{\n    \"id\" : \"" + customer(3).value() + "\"");
    assertThat(third).isPositive();
    String broken = exported.substring(0, third) + "7, " + exported.substring(third);
    LifecycleEngine b = Fixtures.builder().build();
    assertThatThrownBy(() -> importInto(b, broken))
        .isExactlyInstanceOf(SnapshotException.class)
        .hasMessage("snapshot field 'customers[2]' is not an object");
  }

  /**
   * A seen event listed twice is refused, also when it is the one in the table's first slot (index
   * 0): it would otherwise be kept once, with the content of the first of the two.
   */
  @Test
  void aSeenEventListedTwiceIsRefusedWhereverItSits() {
    Shape shape = Fixtures.engine().shape;
    long inFirstSlot = 0;
    for (long fp = 1; inFirstSlot == 0; fp++) {
      CustomerState probe = new CustomerState(customer(1), shape);
      SeenIds.add(probe, fp, 7, 0, CustomerMetrics.NONE);
      if (SeenIds.find(probe, fp) == 0) {
        inFirstSlot = fp;
      }
    }
    LifecycleEngine a = Fixtures.builder().build();
    a.ingest(tx("e1", 1, START, "1.00"));
    String exported = snapshot(a);
    String entry = "{\n      \"id\" : " + inFirstSlot + ",\n      \"content\" : 7,\n      \"at\" : 0\n    }";
    String seen = "\"seen\" : [ " + entry + ", " + entry.replace("\"content\" : 7", "\"content\" : 8") + " ]";
    String twice = exported.replaceFirst("\"seen\" : \\[ \\{[^\\]]*\\]", java.util.regex.Matcher.quoteReplacement(seen));
    assertThat(twice).isNotEqualTo(exported);
    LifecycleEngine b = Fixtures.builder().build();
    assertThatThrownBy(() -> importInto(b, twice))
        .isExactlyInstanceOf(SnapshotException.class)
        .hasMessage("snapshot customer " + customer(1).masked() + " lists seen event "
            + Snapshots.hex(inFirstSlot) + " twice");
    assertThat(b.customerCount()).isZero();
  }

  @Test
  void aStreamThatFailsIsNamedByItsExceptionsClass() {
    LifecycleEngine a = Fixtures.builder().build();
    a.ingest(tx("e1", 1, START, "1.00"));
    assertThatThrownBy(() -> a.importSnapshot(new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("disk gone " + customer(1).value());
      }
    }))
        .isExactlyInstanceOf(SnapshotException.class)
        .hasMessage("snapshot could not be read: java.io.IOException")
        .hasCauseInstanceOf(IOException.class);
    assertThatThrownBy(() -> a.exportSnapshot(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("disk full");
      }
    }))
        .isExactlyInstanceOf(SnapshotException.class)
        .hasMessage("snapshot could not be written: java.io.IOException")
        .hasCauseInstanceOf(IOException.class);
    assertThat(a.customerCount()).isEqualTo(1);
    assertThat(a.stageCounts()).isEqualTo(Map.of("prospect", 0L, "active", 1L, "loyal", 0L, "dormant", 0L, "closed", 0L));
  }
}
