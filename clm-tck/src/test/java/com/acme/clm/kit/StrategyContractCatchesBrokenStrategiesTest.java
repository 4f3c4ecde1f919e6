package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import io.clm.tck.RetentionStrategyContract;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The strategy contract's checks can fail: each broken strategy below is caught by the check meant for it. */
class StrategyContractCatchesBrokenStrategiesTest {

  /** A sound strategy: a free reminder for every mature customer, and a cost parameter. */
  public static class Reminder implements RetentionStrategy {
    private final Map<String, Double> parameters;

    /** The strategy with its default cost. */
    public Reminder() {
      this(Map.of("reminder-cost", 0.0));
    }

    Reminder(Map<String, Double> parameters) {
      this.parameters = Map.copyOf(parameters);
    }

    @Override
    public String id() {
      return "acme.reminder";
    }

    @Override
    public Set<StageFamily> families() {
      return EnumSet.of(StageFamily.MATURITY);
    }

    @Override
    public Map<String, Double> parameters() {
      return parameters;
    }

    @Override
    public RetentionStrategy configure(Map<String, Double> overrides) {
      for (String name : overrides.keySet()) {
        if (!name.equals("reminder-cost")) {
          throw new io.clm.api.ValidationException("strategy 'acme.reminder' has no parameter '" + name + "'");
        }
      }
      Map<String, Double> merged = new HashMap<>(parameters);
      merged.putAll(overrides);
      if (!Double.isFinite(merged.get("reminder-cost"))) {
        throw new io.clm.api.ValidationException("strategy 'acme.reminder': reminder-cost is not finite");
      }
      return new Reminder(merged);
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      return List.of(action(context, id()));
    }

    static RetentionAction action(RetentionContext context, String strategy) {
      return new RetentionAction(
          new ActionType.Communication("reminder"), "reminded customers stay", Money.ofMinor(0, context.value().currency()), 30, strategy);
    }
  }

  private static RetentionStrategyContract strategies(Supplier<RetentionStrategy> plugin) {
    return new RetentionStrategyContract() {
      @Override
      protected RetentionStrategy createPlugin() {
        return plugin.get();
      }
    };
  }

  @Test
  void aConfigurationThatChangesItsArgumentIsCaught() {
    assertThatThrownBy(strategies(() -> new Reminder() {
      @Override
      public RetentionStrategy configure(Map<String, Double> overrides) {
        RetentionStrategy configured = super.configure(overrides);
        try {
          overrides.clear();
        } catch (UnsupportedOperationException unmodifiable) {
          // it empties the caller's map only where it can
        }
        return configured;
      }
    })::configurationIsTotalAndLeavesTheStrategyUnchanged)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("overrides after configure()");
  }

  /**
   * Configures itself instead of a copy, and hands out the map of parameters it keeps: the map the
   * caller read before configuring changes with the strategy.
   */
  public static final class SelfConfiguringLive extends Reminder {
    private final Map<String, Double> own = new HashMap<>(Map.of("reminder-cost", 0.0));

    @Override
    public Map<String, Double> parameters() {
      return own;
    }

    @Override
    public RetentionStrategy configure(Map<String, Double> overrides) {
      super.configure(overrides);
      own.putAll(overrides);
      return this;
    }
  }

  @Test
  void aConfigurationThatChangesTheStrategyItIsCalledOnIsCaughtAlsoWhenItHandsOutItsOwnMap() {
    assertThatThrownBy(strategies(SelfConfiguringLive::new)::configurationIsTotalAndLeavesTheStrategyUnchanged)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the strategy's own parameters after configure()");
  }
}
