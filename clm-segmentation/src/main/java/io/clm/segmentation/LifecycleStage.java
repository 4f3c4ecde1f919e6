package io.clm.segmentation;

import com.google.auto.service.AutoService;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.plugin.support.BaseScheme;
import io.clm.plugin.support.Labels;
import io.clm.plugin.support.Rules;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code lifecycle-stage} (seed 003 lists 客户生命周期 among the criteria): the customer's current stage
 * of the engine's lifecycle model is the segment. The segments are the model's stage ids, so {@link
 * #segments()} is empty and the labels of a {@link io.clm.api.segmentation.Segmentation} are the
 * stages met, in order of first appearance. Every customer is classified; prospects are in the
 * model's first stage.
 */
@AutoService(SegmentationScheme.class)
public final class LifecycleStage extends BaseScheme {

  /** The scheme; it has no parameters. */
  public LifecycleStage() {
    this(Map.of());
  }

  private LifecycleStage(Map<String, Double> overrides) {
    super("lifecycle-stage", Kind.ABSOLUTE, List.of(), new Population.Columns(Set.of(), Set.of(), true), List.of(), overrides);
  }

  @Override
  protected BaseScheme create(Map<String, Double> parameters) {
    return new LifecycleStage(parameters);
  }

  @Override
  protected Rules rules(FittedScheme fitted) {
    return new Rules() {
      @Override
      public int classify(Population p, int row, Labels labels) {
        return labels.code(p.stage(row));
      }

      @Override
      public void explain(Population p, int row, Map<String, Double> into) {}

      @Override
      public List<String> reasons() {
        return List.of();
      }
    };
  }
}
