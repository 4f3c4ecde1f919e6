package io.clm.segmentation;

import com.google.auto.service.AutoService;
import io.clm.api.Metric;
import io.clm.api.segmentation.FittedScheme;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.plugin.support.BaseScheme;
import io.clm.plugin.support.Inputs;
import io.clm.plugin.support.Labels;
import io.clm.plugin.support.Parameter;
import io.clm.plugin.support.Rules;
import java.util.List;
import java.util.Map;

/**
 * {@code relationship-status} (seed 004, 按照客户关系阶段分类: 潜在客户、活跃客户和流失客户): {@code churned} if
 * the relationship is closed ({@link Metric#RELATIONSHIP_CLOSED}) or the latest transaction is more
 * than {@code inactivity-days} (180) ago; {@code potential} if the customer never transacted;
 * otherwise {@code active}. Every customer is classified; prospects are {@code potential}.
 */
@AutoService(SegmentationScheme.class)
public final class RelationshipStatus extends BaseScheme {
  static final String INACTIVITY_DAYS = "inactivity-days";

  /** The scheme with a 180-day inactivity window. */
  public RelationshipStatus() {
    this(Map.of());
  }

  private RelationshipStatus(Map<String, Double> overrides) {
    super(
        "relationship-status",
        Kind.ABSOLUTE,
        List.of("potential", "active", "churned"),
        Population.Columns.of(Metric.DAYS_SINCE_LAST_TRANSACTION, Metric.RELATIONSHIP_CLOSED),
        List.of(new Parameter(INACTIVITY_DAYS, 180, 1, 36_500)),
        overrides);
  }

  @Override
  protected BaseScheme create(Map<String, Double> parameters) {
    return new RelationshipStatus(parameters);
  }

  @Override
  protected Rules rules(FittedScheme fitted) {
    double window = fitted.parameter(INACTIVITY_DAYS);
    return new Rules() {
      @Override
      public int classify(Population p, int row, Labels labels) {
        if (p.metric(Metric.RELATIONSHIP_CLOSED, row) == 1) {
          return 2;
        }
        double days = p.metric(Metric.DAYS_SINCE_LAST_TRANSACTION, row);
        if (Double.isNaN(days)) {
          return 0;
        }
        return days > window ? 2 : 1;
      }

      @Override
      public void explain(Population p, int row, Map<String, Double> into) {
        Inputs.put(into, "days-since-last-transaction", p.metric(Metric.DAYS_SINCE_LAST_TRANSACTION, row));
        into.put("relationship-closed", p.metric(Metric.RELATIONSHIP_CLOSED, row));
        into.put(INACTIVITY_DAYS, window);
      }

      @Override
      public List<String> reasons() {
        return List.of();
      }
    };
  }
}
