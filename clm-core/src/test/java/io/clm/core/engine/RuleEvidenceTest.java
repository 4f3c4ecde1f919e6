package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static io.clm.core.engine.Fixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Cause;
import io.clm.api.Clm;
import io.clm.api.Condition;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.StageChange;
import io.clm.api.StageFamily;
import io.clm.api.event.Channel;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.model.LifecycleModel;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A rule's change carries the evidence of every metric its condition reads, inside {@code any} as
 * inside {@code all}, and names the rule that fired, also when two rules of a stage lead to the same
 * stage and the history is read back from a snapshot.
 */
class RuleEvidenceTest {
  /** new -> engaged by "volume" (five transactions) or, second, by "contact" (any of two measures). */
  private static LifecycleModel model() {
    return LifecycleModel.builder("evidence-test")
        .stage("new", StageFamily.PROSPECT)
        .stage("engaged", StageFamily.GROWTH)
        .initial("new")
        .rule("volume").from("new").to("engaged").priority(2)
        .when(Metric.TRANSACTION_COUNT.atLeast(5))
        .rule("contact").from("new").to("engaged").priority(1)
        .when(Condition.any(Metric.INTERACTION_COUNT.atLeast(1), Metric.TRANSACTION_COUNT.atLeast(3)))
        .build();
  }

  private static LifecycleEngine engine() {
    return Clm.builder().model(model()).currency("EUR").clock(Fixtures.CLOCK).idMask(Fixtures.MASK).build();
  }

  @Test
  void theChangeOfTheSecondRuleNamesItAndCarriesTheEvidenceOfItsAnyCondition() {
    LifecycleEngine engine = engine();
    List<StageChange> changes =
        engine.ingest(Interaction.of("i1", customer(1), START, InteractionKind.CONTACT, Channel.PHONE)).changes();
    assertThat(changes).singleElement().satisfies(c -> {
      assertThat(c.from()).isEqualTo("new");
      assertThat(c.to()).isEqualTo("engaged");
      assertThat(c.cause()).isEqualTo(new Cause.Rule("contact"));
      assertThat(c.evidence()).isEqualTo(Map.of("INTERACTION_COUNT", 1.0, "TRANSACTION_COUNT", 0.0));
    });
    assertThat(engine.history(customer(1))).isEqualTo(changes);

    LifecycleEngine copy = engine();
    copy.importSnapshot(new ByteArrayInputStream(snapshot(engine).getBytes(StandardCharsets.UTF_8)));
    assertThat(copy.history(customer(1))).isEqualTo(changes);
    assertThat(snapshot(copy)).isEqualTo(snapshot(engine));
  }

  /**
   * Two rules of a stage to the same stage reading the same metric: the change of the second keeps
   * its rule's name when read back, although the first rule's evidence would fit it too.
   */
  @Test
  void aChangeReadBackNamesTheRuleThatMadeItAmongRulesOfTheSameShape() {
    LifecycleModel twoThresholds = LifecycleModel.builder("thresholds-test")
        .stage("new", StageFamily.PROSPECT)
        .stage("engaged", StageFamily.GROWTH)
        .initial("new")
        .rule("five").from("new").to("engaged").priority(2)
        .when(Metric.TRANSACTION_COUNT.atLeast(5))
        .rule("three").from("new").to("engaged").priority(1)
        .when(Metric.TRANSACTION_COUNT.atLeast(3))
        .build();
    LifecycleEngine engine =
        Clm.builder().model(twoThresholds).currency("EUR").clock(Fixtures.CLOCK).idMask(Fixtures.MASK).build();
    for (int i = 1; i <= 3; i++) {
      engine.ingest(Fixtures.tx("t" + i, 1, START, "1.00"));
    }
    assertThat(engine.history(customer(1))).singleElement().satisfies(c -> {
      assertThat(c.cause()).isEqualTo(new Cause.Rule("three"));
      assertThat(c.evidence()).isEqualTo(Map.of("TRANSACTION_COUNT", 3.0));
    });
    LifecycleEngine copy =
        Clm.builder().model(twoThresholds).currency("EUR").clock(Fixtures.CLOCK).idMask(Fixtures.MASK).build();
    copy.importSnapshot(new ByteArrayInputStream(snapshot(engine).getBytes(StandardCharsets.UTF_8)));
    assertThat(copy.history(customer(1))).isEqualTo(engine.history(customer(1)));
  }
}
