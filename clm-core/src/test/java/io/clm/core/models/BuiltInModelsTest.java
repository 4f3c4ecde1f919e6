package io.clm.core.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clm.api.MetricsSnapshot;
import io.clm.api.PluginInfo;
import io.clm.api.Stage;
import io.clm.api.event.Attribute;
import io.clm.api.event.Severity;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.api.model.TransitionRule;
import io.clm.core.plugins.PluginRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What holds for every built-in model. */
class BuiltInModelsTest {
  private static final List<String> IDS =
      List.of(
          "banking-six-stage",
          "four-stage",
          "journey-seven-stage",
          "relationship-seven-period",
          "relationship-status",
          "three-stage");

  private static List<LifecycleModel> models() {
    List<LifecycleModel> models = new ArrayList<>();
    for (LifecycleModelProvider p : ServiceLoader.load(LifecycleModelProvider.class)) {
      models.add(p.create());
    }
    return models;
  }

  @Test
  void theSixModelsAreDiscoveredAsPlugins() {
    List<PluginInfo> found =
        PluginRegistry.discover(getClass().getClassLoader()).list().stream()
            .filter(i -> i.kind().equals("LifecycleModelProvider"))
            .toList();
    assertThat(found).extracting(PluginInfo::id).containsExactlyElementsOf(IDS);
    assertThat(found)
        .extracting(PluginInfo::className)
        .containsExactly(
            BankingSixStageProvider.class.getName(),
            FourStageProvider.class.getName(),
            JourneySevenStageProvider.class.getName(),
            RelationshipSevenPeriodProvider.class.getName(),
            RelationshipStatusProvider.class.getName(),
            ThreeStageProvider.class.getName());
  }

  @Test
  void everyModelHasTheIdOfItsProviderAndDocumentedDefaults() {
    for (LifecycleModelProvider p : ServiceLoader.load(LifecycleModelProvider.class)) {
      assertThat(p.create().id()).isEqualTo(p.id());
      assertThat(p.create(p.defaultParameters()).rules().toString())
          .isEqualTo(p.create().rules().toString());
      assertThat(p.defaultParameters()).isNotEmpty().allSatisfy((k, v) -> assertThat(v).isFinite());
    }
  }

  /**
   * Whatever the facts, evaluating the rules at one instant from any stage (as the engine does after
   * an event: fire the highest-priority rule that holds, enter the new stage, repeat) never comes
   * back to a stage: no model lets a customer flap between decline and recovery on the same facts.
   */
  @Test
  void rulesSettleWithoutRevisitingAStage() {
    List<LifecycleModel> models = models();
    assertThat(models).hasSize(6);
    qt().withExamples(400)
        .forAll(lists().of(integers().between(0, 999)).ofSize(16))
        .checkAssert(
            v -> {
              MetricsSnapshot facts = facts(v);
              for (LifecycleModel model : models) {
                for (Stage start : model.stages()) {
                  List<String> path = settle(model, start.id(), facts);
                  assertThat(new LinkedHashSet<>(path))
                      .as("%s from %s on %s: %s", model.id(), start.id(), v, path)
                      .hasSameSizeAs(path);
                }
              }
            });
  }

  private static List<String> settle(LifecycleModel model, String start, MetricsSnapshot facts) {
    long now = Facts.NOW.toEpochMilli();
    List<String> path = new ArrayList<>(List.of(start));
    Set<String> seen = new LinkedHashSet<>(path);
    String stage = start;
    MetricsSnapshot m = facts;
    while (true) {
      TransitionRule fired = null;
      for (TransitionRule r : model.rulesFrom(stage)) {
        if (r.condition().test(m, now)) {
          fired = r;
          break;
        }
      }
      if (fired == null) {
        return path;
      }
      stage = fired.to();
      path.add(stage);
      if (!seen.add(stage)) {
        return path;
      }
      m = enteredStage(m, now);
    }
  }

  private static MetricsSnapshot enteredStage(MetricsSnapshot s, long now) {
    return new MetricsSnapshot(
        s.currency(),
        s.firstSeen(),
        s.products(),
        s.digitalTransactions(),
        s.firstTransaction(),
        s.lastTransaction(),
        s.trendWindowMillis(),
        s.windows(),
        s.interactions(),
        s.lastInteraction(),
        s.surveys(),
        s.satisfactionSum(),
        s.lastSatisfaction(),
        s.lastSurveyAt(),
        s.complaints(),
        s.attributes(),
        s.consents(),
        s.relationshipClosedAt(),
        s.debtsSettled(),
        now,
        0);
  }

  private static MetricsSnapshot facts(List<Integer> v) {
    int transactions = v.get(0) % 21;
    Facts f = Facts.customer().transactions(transactions).inStage(v.get(1) % (transactions + 1));
    f.daysSinceLast(v.get(2) % 400 + (v.get(2) % 3) * 0.5);
    f.windows(v.get(3) % 3 == 0 ? 0 : v.get(3), v.get(4) % 4 == 0 ? 0 : v.get(4));
    for (int i = 0; i < v.get(5) % 3; i++) {
      f.openComplaint(Severity.URGENT);
    }
    for (int i = 0; i < v.get(6) % 3; i++) {
      f.openComplaint(Severity.NORMAL);
    }
    for (int i = 0; i < v.get(7) % 3; i++) {
      f.resolvedComplaint(true);
    }
    if (v.get(8) % 2 == 1) {
      f.resolvedComplaint(false);
    }
    f.products(v.get(9) % 4, v.get(10) % 4);
    switch (v.get(11) % 4) {
      case 1:
        f.closed(0, true);
        break;
      case 2:
        f.closed(0, false);
        break;
      case 3:
        f.closed(10, true);
        break;
      default:
        break;
    }
    f.interactions(v.get(12) % 6);
    if (v.get(13) % 12 < 11) {
      f.survey(v.get(13) % 12);
    }
    if (v.get(14) % 2 == 1) {
      f.attribute(Attribute.TOTAL_BUSINESS, Integer.toString(v.get(14) * 5));
    }
    if (v.get(15) % 3 > 0) {
      f.attribute(Attribute.REVENUE, "100");
      f.attribute(Attribute.COST_TO_SERVE, v.get(15) % 3 == 1 ? "50" : "150");
    }
    return f.build();
  }
}
