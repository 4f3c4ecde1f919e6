package io.clm.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.clm.api.ClmException;
import io.clm.api.Metric;
import io.clm.api.StageFamily;
import io.clm.api.model.LifecycleModel;

/**
 * Fuzzes the lifecycle model builder with a sequence of calls read from the input: any sequence
 * gives a consistent model or a typed refusal ({@link ClmException}, or {@link
 * IllegalStateException} for a setter called twice) with a short one-line message.
 */
class ModelBuilderFuzzTest {
  private static final String[] IDS = {"a", "b", "c", "prospect", "active", "Bad Id", "", "x".repeat(70), "é"};

  @FuzzTest(maxDuration = "10s")
  void builder(FuzzedDataProvider data) {
    LifecycleModel model;
    try {
      LifecycleModel.Builder b = LifecycleModel.builder(data.consumeBoolean() ? "fuzz" : data.consumeString(20));
      int steps = data.consumeInt(0, 30);
      for (int i = 0; i < steps; i++) {
        switch (data.consumeInt(0, 6)) {
          case 0 -> b.stage(id(data), data.pickValue(StageFamily.values()));
          case 1 -> b.initial(id(data));
          case 2 -> b.terminal(id(data), id(data));
          case 3 -> b.forwardOnly(data.consumeBoolean());
          case 4 -> b.manualMoves(data.consumeBoolean());
          default -> b.rule(id(data)).from(id(data)).to(id(data)).priority(data.consumeInt())
              .when(data.pickValue(Metric.values()).atLeast(data.consumeDouble()));
        }
      }
      model = b.build();
    } catch (ClmException | IllegalStateException e) {
      assertThat(e.getMessage()).hasSizeLessThan(2_000).doesNotContain("\n");
      return;
    }
    assertThat(model.stages()).isNotEmpty();
    assertThat(model.stage(model.initialStage())).isPresent();
    model.rules().forEach(r -> {
      assertThat(model.stage(r.from())).isPresent();
      assertThat(model.stage(r.to())).isPresent();
    });
  }

  private static String id(FuzzedDataProvider data) {
    return data.consumeBoolean() ? data.pickValue(IDS) : data.consumeString(12);
  }
}
