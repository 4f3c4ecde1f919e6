package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import io.clm.tck.RetentionStrategyContract;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
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
  void aSoundStrategyPassesEveryCheck() {
    RetentionStrategyContract c = strategies(Reminder::new);
    assertThatCode(c::familiesAreDeclaredAndStable).doesNotThrowAnyException();
    assertThatCode(c::proposalsAreTotalDeterministicAndRespectConsent).doesNotThrowAnyException();
    assertThatCode(c::configurationIsTotalAndLeavesTheStrategyUnchanged).doesNotThrowAnyException();
    assertThatCode(c::proposalsAreSafeFromSeveralThreads).doesNotThrowAnyException();
    assertThatCode(c::resultsSurviveTheJsonRoundTrip).doesNotThrowAnyException();
  }

  @Test
  void noFamiliesOrFamiliesThatDifferOnAnotherInstanceAreCaught() {
    assertThatThrownBy(strategies(() -> new Reminder() {
      @Override
      public Set<StageFamily> families() {
        return Set.of();
      }
    })::familiesAreDeclaredAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("families() of 'acme.reminder'");
    AtomicInteger made = new AtomicInteger();
    assertThatThrownBy(strategies(() -> {
      StageFamily family = made.getAndIncrement() == 0 ? StageFamily.MATURITY : StageFamily.DECLINE;
      return new Reminder() {
        @Override
        public Set<StageFamily> families() {
          return EnumSet.of(family);
        }
      };
    })::familiesAreDeclaredAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("MATURITY");
  }

  @Test
  void noListIsCaught() {
    assertThatThrownBy(strategies(() -> new Reminder() {
      @Override
      public List<RetentionAction> propose(RetentionContext context) {
        return null;
      }
    })::proposalsAreTotalDeterministicAndRespectConsent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("returned null; return an empty list");
  }

  @Test
  void anActionNamingAnotherStrategyIsCaught() {
    assertThatThrownBy(strategies(() -> new Reminder() {
      @Override
      public List<RetentionAction> propose(RetentionContext context) {
        return List.of(action(context, "acme.other"));
      }
    })::proposalsAreTotalDeterministicAndRespectConsent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("strategy named by");
  }

  @Test
  void aCompensationInAnotherCurrencyIsCaught() {
    // the cost is in the customer's currency, the compensation always in euros
    assertThatThrownBy(strategies(() -> new Reminder() {
      @Override
      public List<RetentionAction> propose(RetentionContext context) {
        return List.of(new RetentionAction(new ActionType.ServiceRecovery(Money.of("10.00", "EUR")), "make good",
            Money.ofMinor(0, context.value().currency()), 60, id()));
      }
    })::proposalsAreTotalDeterministicAndRespectConsent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("currency of the compensation of");
  }

  /** Hands out the list of actions it keeps for each family, so a caller that clears one changes the next answer. */
  public static final class SharedLists extends Reminder {
    private final Map<StageFamily, List<RetentionAction>> byFamily = new EnumMap<>(StageFamily.class);

    @Override
    public synchronized List<RetentionAction> propose(RetentionContext context) {
      return byFamily.computeIfAbsent(context.family(), f -> new ArrayList<>(List.of(action(context, id()))));
    }
  }

  @Test
  void anAnswerThatTheCallerCanChangeIsCaught() {
    // caught by the second proposal; while QuickTheories shrinks, the list is already empty and another instance's
    // proposal differs
    assertThatThrownBy(strategies(SharedLists::new)::proposalsAreTotalDeterministicAndRespectConsent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("(com.acme.clm.kit.StrategyContractCatchesBrokenStrategiesTest$SharedLists)");
  }

  /** Keeps its priority per thread, and has the configured one only on the thread that made it. */
  public static final class PriorityPerThread extends Reminder {
    private final ThreadLocal<Integer> priority = ThreadLocal.withInitial(() -> 10);

    /** Readies the priority of the thread that makes the strategy. */
    public PriorityPerThread() {
      priority.set(30);
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      return List.of(new RetentionAction(
          new ActionType.Communication("reminder"), "reminded customers stay", Money.ofMinor(0, context.value().currency()),
          priority.get(), id()));
    }
  }

  @Test
  void aStrategyThatDependsOnTheThreadIsCaughtAtOnce() {
    // a race shows on the contexts that showed it; shrinking lists of forty contexts took many minutes
    assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
        assertThatThrownBy(strategies(PriorityPerThread::new)::proposalsAreSafeFromSeveralThreads)
            .isInstanceOf(AssertionError.class)
            .hasMessageContaining("proposals from 4 threads"));
  }

  @Test
  void parametersThatBreakTheParameterRuleAreCaught() {
    assertThatThrownBy(strategies(() -> new Reminder(Map.of("Reminder Cost", 1.0)))::configurationIsTotalAndLeavesTheStrategyUnchanged)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("parameters() of strategy 'acme.reminder'");
  }

  @Test
  void aConfigurationThatDoesNotGiveItsParametersBackIsCaught() {
    assertThatThrownBy(strategies(() -> new Reminder() {
      @Override
      public RetentionStrategy configure(Map<String, Double> overrides) {
        super.configure(overrides);
        return new Reminder(Map.of("reminder-cost", 1.0));
      }
    })::configurationIsTotalAndLeavesTheStrategyUnchanged)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("reminder-cost");
  }

  @Test
  void anUntypedFailureOnOddValuesIsCaught() {
    assertThatThrownBy(strategies(() -> new Reminder() {
      @Override
      public RetentionStrategy configure(Map<String, Double> overrides) {
        if (overrides.values().stream().anyMatch(v -> v < 0)) {
          throw new IllegalArgumentException("negative cost");
        }
        return super.configure(overrides);
      }
    })::configurationIsTotalAndLeavesTheStrategyUnchanged)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("threw java.lang.IllegalArgumentException: negative cost");
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

  /** Configures itself instead of a copy: the strategy it is called on changes. */
  public static class SelfConfiguring extends Reminder {
    final Map<String, Double> own = new HashMap<>(Map.of("reminder-cost", 0.0));

    @Override
    public Map<String, Double> parameters() {
      return Map.copyOf(own);
    }

    @Override
    public RetentionStrategy configure(Map<String, Double> overrides) {
      super.configure(overrides);
      own.putAll(overrides);
      return this;
    }
  }

  @Test
  void aConfigurationThatChangesTheStrategyItIsCalledOnIsCaught() {
    assertThatThrownBy(strategies(SelfConfiguring::new)::configurationIsTotalAndLeavesTheStrategyUnchanged)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the strategy's own parameters after configure()");
  }

  /**
   * Configures itself instead of a copy, and hands out the map of parameters it keeps: the map the
   * caller read before configuring changes with the strategy.
   */
  public static final class SelfConfiguringLive extends SelfConfiguring {
    @Override
    public Map<String, Double> parameters() {
      return own;
    }
  }

  @Test
  void aConfigurationThatChangesTheStrategyItIsCalledOnIsCaughtAlsoWhenItHandsOutItsOwnMap() {
    assertThatThrownBy(strategies(SelfConfiguringLive::new)::configurationIsTotalAndLeavesTheStrategyUnchanged)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the strategy's own parameters after configure()");
  }

  @Test
  void aConfigurationThatGivesNothingOrAnotherIdIsCaught() {
    assertThatThrownBy(strategies(() -> new Reminder() {
      @Override
      public RetentionStrategy configure(Map<String, Double> overrides) {
        RetentionStrategy configured = super.configure(overrides);
        return overrides.isEmpty() || overrides.equals(parameters()) ? configured : null;
      }
    })::configurationIsTotalAndLeavesTheStrategyUnchanged)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("configure(");
    assertThatThrownBy(strategies(() -> new Reminder() {
      @Override
      public RetentionStrategy configure(Map<String, Double> overrides) {
        super.configure(overrides);
        return new Reminder() {
          @Override
          public String id() {
            return "acme.other";
          }
        };
      }
    })::configurationIsTotalAndLeavesTheStrategyUnchanged)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("acme.other");
  }
}
