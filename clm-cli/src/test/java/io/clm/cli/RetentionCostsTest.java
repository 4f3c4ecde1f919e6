package io.clm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginInfo;
import io.clm.api.Plugins;
import io.clm.api.StageFamily;
import io.clm.api.ValidationException;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import io.clm.api.spi.Plugin;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** How {@code --retention-costs} reaches strategies that misbehave when asked about them. */
class RetentionCostsTest {

  /** A strategy whose parameters and configuration are whatever the test makes them. */
  private record Strategy(String id, Map<String, Double> given, Function<Map<String, Double>, RetentionStrategy> configuring)
      implements RetentionStrategy {
    @Override
    public Set<StageFamily> families() {
      return Set.of(StageFamily.MATURITY);
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      return List.of();
    }

    @Override
    public Map<String, Double> parameters() {
      if (given == null) {
        throw new IllegalStateException("no parameters today");
      }
      return given;
    }

    @Override
    public RetentionStrategy configure(Map<String, Double> overrides) {
      return configuring.apply(overrides);
    }
  }

  private static Plugins of(RetentionStrategy... strategies) {
    return new Plugins() {
      @Override
      public <T extends Plugin> T get(Class<T> kind, String id) {
        throw new UnsupportedOperationException();
      }

      @Override
      public <T extends Plugin> List<T> all(Class<T> kind) {
        return List.of(strategies).stream().map(kind::cast).toList();
      }

      @Override
      public List<PluginInfo> list() {
        return List.of();
      }

      @Override
      public List<String> problems() {
        return List.of();
      }
    };
  }

  @Test
  void withoutCostsNoStrategyIsAsked() {
    Strategy broken = new Strategy("acme.broken", null, o -> {
      throw new IllegalStateException("never");
    });
    assertThat(Sections.strategies(of(broken), Map.of())).containsExactly(broken);
  }

  @Test
  void aStrategyWithoutTheGivenCostIsLeftAsItIs() {
    Strategy other = new Strategy("acme.other", Map.of("call-cost", 1.0), o -> {
      throw new IllegalStateException("not asked");
    });
    Strategy mine = new Strategy("acme.mine", Map.of("contact-cost", 1.0), o -> new Strategy("acme.mine", o, p -> null));
    List<RetentionStrategy> configured = Sections.strategies(of(other, mine), Map.of("contact-cost", 7.0));
    assertThat(configured.get(0)).isSameAs(other);
    assertThat(configured.get(1).parameters()).containsExactly(Map.entry("contact-cost", 7.0));
  }

  @Test
  void aStrategyThatFailsIsAConfigurationErrorNamingIt() {
    Strategy silent = new Strategy("acme.silent", null, o -> null);
    assertThatThrownBy(() -> Sections.strategies(of(silent), Map.of("contact-cost", 7.0)))
        .isInstanceOf(PluginConfigurationException.class)
        .hasMessageContaining("acme.silent")
        .hasMessageContaining("java.lang.IllegalStateException in parameters for --retention-costs")
        .hasMessageNotContaining("no parameters today");
    Strategy nothing = new Strategy("acme.nothing", Map.of("contact-cost", 1.0), o -> null);
    assertThatThrownBy(() -> Sections.strategies(of(nothing), Map.of("contact-cost", 7.0)))
        .isInstanceOf(PluginConfigurationException.class)
        .hasMessageContaining("acme.nothing")
        .hasMessageContaining("returned null from configure");
    Strategy refusing = new Strategy("acme.refusing", Map.of("contact-cost", 1.0), o -> {
      throw new ValidationException("strategy 'acme.refusing': parameter 'contact-cost' is 7.0, out of range 0..5");
    });
    assertThatThrownBy(() -> Sections.strategies(of(refusing), Map.of("contact-cost", 7.0)))
        .isInstanceOf(UsageException.class)
        .hasMessage("--retention-costs: strategy 'acme.refusing': parameter 'contact-cost' is 7.0, out of range 0..5");
  }
}
