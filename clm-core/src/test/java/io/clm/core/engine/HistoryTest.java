package io.clm.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Cause;
import io.clm.api.StageChange;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compact history gives back exactly the changes appended, whether they fit it or not. */
class HistoryTest {

  @Test
  void changesThatFitAndChangesThatDoNotComeBackEqual() {
    CoreLifecycleEngine engine = Fixtures.engine();
    CustomerState s = new CustomerState(Fixtures.customer(1), engine.shape);
    Instant at = Instant.parse("2026-02-03T04:05:06.789Z");
    List<StageChange> changes =
        List.of(
            new StageChange(s.id(), "prospect", "active", at, new Cause.Rule("first-purchase"),
                Map.of("TRANSACTION_COUNT", 1.0)),
            new StageChange(s.id(), "active", "loyal", at, new Cause.Rule("repeat-business"), Map.of()),
            new StageChange(s.id(), "loyal", "closed", at, new Cause.Manual("ops", "asked to"), Map.of()),
            new StageChange(s.id(), "closed", "active", at, new Cause.Rule("win-back"),
                Map.of("TRANSACTIONS_IN_STAGE", 2.0, "TRANSACTION_COUNT", 5.0)),
            new StageChange(s.id(), "active", "dormant", at, new Cause.Rule("first-purchase"), Map.of()),
            new StageChange(s.id(), "dormant", "closed", at.plusNanos(1), new Cause.Rule("dormant-closed"), Map.of()),
            new StageChange(s.id(), "closed", "prospect", at, new Cause.Import("old system"), Map.of()));
    for (StageChange c : changes) {
      s.append(c);
    }
    assertThat(s.historyList()).isEqualTo(changes);
    assertThat(s.historySize()).isEqualTo(changes.size());
    assertThat(s.historySince(5, s.id())).isEqualTo(changes.subList(5, 7));
    assertThat(s.historySince(7, s.id())).isNull();
    assertThat(s.otherChanges).as("only the changes that do not fit are objects").hasSize(5);
  }
}
