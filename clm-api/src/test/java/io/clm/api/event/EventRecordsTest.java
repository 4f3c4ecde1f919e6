package io.clm.api.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.BatchResult;
import io.clm.api.Cause;
import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.IngestResult;
import io.clm.api.InvalidEventException;
import io.clm.api.Money;
import io.clm.api.StageChange;
import io.clm.api.spi.CustomerRecord;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.Tombstone;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Every event kind names its type and refuses a blank id and blank texts; the result records check their counts. */
class EventRecordsTest {
  private static final CustomerId C = CustomerId.of("Hans-Huber-1");
  private static final Instant AT = Instant.parse("2026-06-01T12:00:00Z");

  /** One event of each kind, built with the given event id. */
  private static List<Function<String, Event>> kinds() {
    return List.of(
        id -> new Transaction(id, C, AT, Direction.DEBIT, Money.of("1.00", "EUR"), ProductType.CARD, Channel.POS),
        id -> Interaction.survey(id, C, AT, Channel.PHONE, 7),
        id -> new ProductOpened(id, C, AT, ProductType.LOAN),
        id -> new ProductClosed(id, C, AT, ProductType.LOAN),
        id -> new ComplaintOpened(id, C, AT, "K-1", Severity.URGENT),
        id -> new ComplaintResolved(id, C, AT, "K-1", true),
        id -> new RelationshipClosed(id, C, AT, true),
        id -> new ManualMove(id, C, AT, "growth", "rm-7", "agreed at review"),
        id -> new AttributeUpdate(id, C, AT, Attribute.CREDIT_SCORE, new BigDecimal("700")),
        id -> new ConsentChange(id, C, AT, Purpose.MARKETING, true));
  }

  @Test
  void everyKindNamesItsTypeAndRefusesABlankOrControlledId() {
    List<EventType> types = kinds().stream().map(k -> k.apply("e1").type()).toList();
    assertThat(types).containsExactlyInAnyOrder(EventType.values());
    for (Function<String, Event> kind : kinds()) {
      assertThatThrownBy(() -> kind.apply(" "))
          .isInstanceOf(InvalidEventException.class).hasMessage("event id is blank");
      assertThatThrownBy(() -> kind.apply("e\n1"))
          .isInstanceOf(InvalidEventException.class).hasMessage("event id contains a control character at 1");
    }
  }

  @Test
  void textsOfEventsAreChecked() {
    assertThatThrownBy(() -> new ManualMove("m", C, AT, " ", "rm", "why"))
        .isInstanceOf(InvalidEventException.class).hasMessage("to stage is blank");
    assertThatThrownBy(() -> new ManualMove("m", C, AT, "growth", " ", "why"))
        .isInstanceOf(InvalidEventException.class).hasMessage("actor is blank");
    assertThatThrownBy(() -> new ManualMove("m", C, AT, "growth", "rm", " "))
        .isInstanceOf(InvalidEventException.class).hasMessage("reason is blank");
    assertThatThrownBy(() -> new ManualMove("m", C, AT, "s".repeat(65), "rm", "why"))
        .isInstanceOf(InvalidEventException.class).hasMessage("to stage has 65 characters, more than 64");
    assertThat(new ManualMove("m", C, AT, "s".repeat(64), "rm", "r".repeat(1000)).reason()).hasSize(1000);
    assertThatThrownBy(() -> new ComplaintOpened("c", C, AT, " ", Severity.NORMAL))
        .isInstanceOf(InvalidEventException.class).hasMessage("complaint id is blank");
    assertThatThrownBy(() -> new ComplaintResolved("c", C, AT, "k".repeat(129), false))
        .isInstanceOf(InvalidEventException.class).hasMessage("complaint id has 129 characters, more than 128");
    assertThatThrownBy(() -> new ProductOpened("p", null, AT, ProductType.LOAN)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ProductClosed("p", C, null, ProductType.LOAN)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new RelationshipClosed("r", null, AT, true)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ConsentChange("r", C, AT, null, true)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void onlyOnlineAndMobileAreDigital() {
    assertThat(EnumSet.allOf(Channel.class).stream().filter(Channel::isDigital))
        .containsExactlyInAnyOrder(Channel.ONLINE, Channel.MOBILE);
  }

  @Test
  void causesNeedTheirTexts() {
    assertThat(new Cause.Manual("rm-7", "review").actor()).isEqualTo("rm-7");
    assertThatThrownBy(() -> new Cause.Manual(" ", "review"))
        .isInstanceOf(InvalidEventException.class).hasMessage("actor is blank");
    assertThatThrownBy(() -> new Cause.Manual("rm-7", ""))
        .isInstanceOf(InvalidEventException.class).hasMessage("reason is blank");
    assertThatThrownBy(() -> new Cause.Rule(" "))
        .isInstanceOf(InvalidEventException.class).hasMessage("rule id is blank");
    assertThatThrownBy(() -> new Cause.Import("\t"))
        .isInstanceOf(InvalidEventException.class).hasMessage("import source is blank");
    assertThatThrownBy(() -> new Cause.Import(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void resultsAndBatchesCheckTheirContents() {
    StageChange change = new StageChange(C, "new", "growth", AT, new Cause.Rule("r"), Map.of());
    assertThatThrownBy(() -> new StageChange(C, "new\n" + "n".repeat(1000), "new\n" + "n".repeat(1000), AT,
            new Cause.Rule("r"), Map.of()))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessage("stage change from 'new\\u000a" + "n".repeat(28) + "'... (1004 characters) to itself");
    assertThat(new IngestResult(false, List.of(change)).changes()).containsExactly(change);
    assertThat(new IngestResult(true, List.of()).duplicate()).isTrue();
    assertThatThrownBy(() -> new IngestResult(true, List.of(change)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a duplicate changes nothing");
    assertThat(new BatchResult(0, 0, List.of()).accepted()).isZero();
    assertThatThrownBy(() -> new BatchResult(-1, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("negative count");
    assertThatThrownBy(() -> new BatchResult(0, -1, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("negative count");
    StoreBatch.Write w = new StoreBatch.Write(new CustomerRecord(C, 0, new byte[] {1}), List.of(), List.of());
    StoreBatch one = StoreBatch.of(List.of(w));
    assertThat(one.writes()).containsExactly(w);
    assertThat(one.replaceAll()).isFalse();
    assertThatThrownBy(() -> StoreBatch.of(List.of(w, w)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("batch writes customer " + C.masked() + " twice");
    Tombstone t = new Tombstone(Tombstone.Scheme.KEYED, 1, 2, "growth");
    StoreBatch erase = StoreBatch.erase(C, t);
    assertThat(erase.erasures()).containsExactly(C);
    assertThat(erase.tombstones()).containsExactly(t);
    assertThatThrownBy(() -> new StoreBatch(List.of(w), List.of(C), List.of(t), Optional.empty(), false))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("batch names customer " + C.masked() + " twice");
  }
}
