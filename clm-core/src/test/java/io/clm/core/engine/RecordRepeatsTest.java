package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.SnapshotException;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A customer record lists each product, attribute, complaint, trend window and completed stage at
 * most once, in order: a record that repeats one (in a snapshot here; a stored record is read by the
 * same code) is refused naming what it repeats, never read with the later entry silently winning.
 * The entries repeated are never the first of their kind, whose bit in a mask is the lowest.
 */
class RecordRepeatsTest {
  private static final CustomerId C = customer(1);
  private static final Instant T = Fixtures.START;

  private String exported;
  private LifecycleEngine target;
  private String targetBefore;

  @BeforeEach
  void setUp() {
    LifecycleEngine source = Fixtures.engine();
    source.ingest(tx("t1", T, ProductType.CURRENT_ACCOUNT));
    source.ingest(tx("t2", T.plus(Duration.ofDays(40)), ProductType.DEPOSIT));
    source.ingest(tx("t3", T.plus(Duration.ofDays(80)), ProductType.DEPOSIT));
    source.ingest(new AttributeUpdate("a1", C, T, Attribute.CREDIT_SCORE, BigDecimal.valueOf(640)));
    source.ingest(new AttributeUpdate("a2", C, T, Attribute.TOTAL_BUSINESS, new BigDecimal("10.00")));
    source.ingest(new ComplaintOpened("k1", C, T, "c-1", Severity.NORMAL));
    source.ingest(new ComplaintOpened("k2", C, T, "c-2", Severity.URGENT));
    // prospect -> active -> loyal at the third transaction: two completed stages
    exported = snapshot(source);
    target = Fixtures.engine();
    target.ingest(Fixtures.tx("x1", 9, T, "1.00"));
    targetBefore = snapshot(target);
  }

  private static Transaction tx(String id, Instant at, ProductType product) {
    return new Transaction(id, C, at, Direction.DEBIT, Fixtures.eur("5.00"), product, Channel.BRANCH);
  }

  /** The snapshot with the {@code n}-th object (from 0) of list {@code list} given twice. */
  private String repeating(String list, int n) {
    int start = exported.indexOf("\"" + list + "\" : [ {");
    assertThat(start).as(list).isNotNegative();
    int from = exported.indexOf('{', start);
    String[] entries = exported.substring(from, exported.indexOf(" ]", from)).split("(?<=\\}), (?=\\{)");
    assertThat(entries.length).as(list).isGreaterThan(n);
    return exported.substring(0, from) + exported.substring(from).replace(entries[n], entries[n] + ", " + entries[n]);
  }

  private void assertRefused(String json, String detail) {
    assertThat(json).isNotEqualTo(exported);
    assertThatThrownBy(() -> target.importSnapshot(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
        .isExactlyInstanceOf(SnapshotException.class)
        .hasMessage("snapshot customer " + C.masked() + " " + detail);
    assertThat(snapshot(target)).isEqualTo(targetBefore);
  }

  @Test
  void theUnchangedSnapshotIsRead() {
    LifecycleEngine copy = Fixtures.engine();
    copy.importSnapshot(new ByteArrayInputStream(exported.getBytes(StandardCharsets.UTF_8)));
    assertThat(snapshot(copy)).isEqualTo(exported);
    assertThat(copy.customer(C).orElseThrow().stage()).isEqualTo("loyal");
  }

  @Test
  void aProductListedTwiceIsRefused() {
    assertRefused(repeating("products", 1), "lists product DEPOSIT twice");
  }

  @Test
  void anAttributeListedTwiceIsRefused() {
    assertRefused(repeating("attributes", 1), "lists attribute TOTAL_BUSINESS twice");
  }

  @Test
  void aComplaintListedTwiceIsRefused() {
    assertRefused(repeating("complaints", 1), "complaint ids are blank, repeated or out of order");
  }

  @Test
  void aTrendWindowListedTwiceIsRefused() {
    assertRefused(repeating("windows", 1), "trend windows are not in increasing order");
  }

  @Test
  void aCompletedStageListedTwiceIsRefused() {
    assertRefused(repeating("completedStages", 0), "lists completed stage 'prospect' twice");
    assertRefused(repeating("completedStages", 1), "lists completed stage 'active' twice");
  }
}
