package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Metric;
import io.clm.tck.ComplaintWorkflowContract;
import io.clm.tck.LifecycleModelProviderContract;
import io.clm.tck.RetentionStrategyContract;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.ValidationException;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Severity;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.api.model.ModelParameters;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The kit's checks can fail: each broken plugin below is caught by the check meant for it. The
 * package is outside io.clm, as a vendor's is (the kit treats io.clm classes as built-ins).
 */
class ContractsCatchBrokenPluginsTest {

  /** A correct small model; the broken ones below change one thing. */
  public static class GoodModel implements LifecycleModelProvider {
    @Override
    public String id() {
      return "acme.good";
    }

    @Override
    public Map<String, Double> defaultParameters() {
      return Map.of("active.min-transactions", 1.0);
    }

    @Override
    public LifecycleModel create(Map<String, Double> overrides) {
      double min = ModelParameters.resolve(id(), defaultParameters(), overrides).atLeast("active.min-transactions", 1);
      return LifecycleModel.builder(id())
          .stage("new", StageFamily.PROSPECT)
          .stage("active", StageFamily.GROWTH)
          .initial("new")
          .rule("first").from("new").to("active").priority(1)
          .when(Metric.TRANSACTION_COUNT.atLeast(min))
          .build();
    }
  }

  private static LifecycleModelProviderContract models(Supplier<LifecycleModelProvider> plugin) {
    return new LifecycleModelProviderContract() {
      @Override
      protected LifecycleModelProvider createPlugin() {
        return plugin.get();
      }
    };
  }

  @Test
  void aCorrectModelPasses() {
    LifecycleModelProviderContract c = models(GoodModel::new);
    assertThatCode(c::idIsWellFormed).doesNotThrowAnyException();
    assertThatCode(c::idDoesNotCollideWithABuiltIn).doesNotThrowAnyException();
    assertThatCode(c::createIsDeterministic).doesNotThrowAnyException();
    assertThatCode(c::createIsTotalAndDoesNotModifyItsArgument).doesNotThrowAnyException();
    assertThatCode(c::rulesAreDeterministicOnRealisticCustomers).doesNotThrowAnyException();
  }

  @Test
  void aMalformedIdIsCaught() {
    LifecycleModelProviderContract c = models(() -> new GoodModel() {
      @Override
      public String id() {
        return "Acme.Good";
      }
    });
    assertThatThrownBy(c::idIsWellFormed).isInstanceOf(AssertionError.class).hasMessageContaining("id 'Acme.Good' must be");
  }

  @Test
  void anIdWithoutAnOrganisationOrThatOfABuiltInIsCaught() {
    LifecycleModelProviderContract c = models(() -> new GoodModel() {
      @Override
      public String id() {
        return "banking-six-stage";
      }
    });
    assertThatThrownBy(c::idDoesNotCollideWithABuiltIn)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("ids without a dot are reserved for clm");
  }

  @Test
  void anUnregisteredPluginIsCaught() {
    assertThatThrownBy(models(GoodModel::new)::isRegisteredAsAService)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("does not list com.acme.clm.kit.")
        .hasMessageContaining(
            ": annotate the class with @AutoService(LifecycleModelProvider.class) (on the class path the JDK reads only"
                + " that file, so clm would not find the plugin there)");
  }

  @Test
  void aNonDeterministicModelIsCaught() {
    AtomicInteger calls = new AtomicInteger();
    LifecycleModelProviderContract c = models(() -> new GoodModel() {
      @Override
      public LifecycleModel create(Map<String, Double> overrides) {
        return super.create(Map.of("active.min-transactions", 1.0 + calls.incrementAndGet()));
      }
    });
    assertThatThrownBy(c::createIsDeterministic).isInstanceOf(AssertionError.class).hasMessageContaining("second create()");
  }

  @Test
  void anUntypedFailureOnOddParametersIsCaught() {
    LifecycleModelProviderContract c = models(() -> new GoodModel() {
      @Override
      public LifecycleModel create(Map<String, Double> overrides) {
        if (overrides.values().stream().anyMatch(v -> v < 0)) {
          throw new IllegalArgumentException("negative");
        }
        return super.create(Map.of());
      }
    });
    assertThatThrownBy(c::createIsTotalAndDoesNotModifyItsArgument)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("threw java.lang.IllegalArgumentException: negative; expected a model or an InvalidModelException");
  }

  @Test
  void aProviderThatModifiesItsArgumentIsCaught() {
    LifecycleModelProviderContract c = models(() -> new GoodModel() {
      @Override
      public LifecycleModel create(Map<String, Double> overrides) {
        overrides.clear();
        return super.create(overrides);
      }
    });
    assertThatThrownBy(c::createIsTotalAndDoesNotModifyItsArgument)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("overrides after create()");
  }

  @Test
  void marketingWithoutConsentIsCaught() {
    RetentionStrategyContract c = new RetentionStrategyContract() {
      @Override
      protected RetentionStrategy createPlugin() {
        return new RetentionStrategy() {
          @Override
          public String id() {
            return "acme.pushy";
          }

          @Override
          public Set<StageFamily> families() {
            return EnumSet.of(StageFamily.DECLINE);
          }

          @Override
          public List<RetentionAction> propose(RetentionContext context) {
            return List.of(
                new RetentionAction(new ActionType.Offer(30), "keep them", Money.of("5", context.value().currency().getCurrencyCode()), 50, id()));
          }
        };
      }
    };
    assertThatThrownBy(c::proposalsAreTotalDeterministicAndRespectConsent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("to a customer without marketing consent");
  }

  /** A strategy that prices a reminder at 0.10 in whatever currency: it cannot for JPY. */
  public static final class TenCentReminder implements RetentionStrategy {
    @Override
    public String id() {
      return "acme.ten-cents";
    }

    @Override
    public Set<StageFamily> families() {
      return EnumSet.of(StageFamily.MATURITY);
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      Money cost = Money.of("0.10", context.value().currency().getCurrencyCode());
      return List.of(new RetentionAction(new ActionType.Communication("reminder"), "reminded customers stay", cost, 30, id()));
    }
  }

  /** A strategy that prices everything in euros, whatever the customer's currency. */
  public static final class EuroOnly implements RetentionStrategy {
    @Override
    public String id() {
      return "acme.euro-only";
    }

    @Override
    public Set<StageFamily> families() {
      return EnumSet.of(StageFamily.MATURITY);
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      return List.of(
          new RetentionAction(new ActionType.Communication("reminder"), "reminded customers stay", Money.of("1.00", "EUR"), 30, id()));
    }
  }

  /**
   * A strategy that draws its experiment arm when it is made: the same instance always answers
   * the same, but an engine restarted (or another node) offers another discount.
   */
  public static final class ArmPerInstance implements RetentionStrategy {
    private static final AtomicInteger MADE = new AtomicInteger();
    private final int discount = MADE.getAndIncrement() % 2 == 0 ? 10 : 20;

    @Override
    public String id() {
      return "acme.arm-per-instance";
    }

    @Override
    public Set<StageFamily> families() {
      return EnumSet.of(StageFamily.MATURITY);
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      if (!context.marketingConsent()) {
        return List.of();
      }
      Money cost = Money.ofMinor(0, context.value().currency());
      return List.of(new RetentionAction(new ActionType.Offer(discount), "a discount keeps them", cost, 40, id()));
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
  void aStrategyThatFailsForACurrencyWithoutMinorUnitsIsCaught() {
    // Money.of("0.10", "JPY") throws a ValidationException, which RetentionPlan turns into a failure
    // of the strategy for every customer of a yen engine
    assertThatThrownBy(strategies(TenCentReminder::new)::proposalsAreTotalDeterministicAndRespectConsent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("threw io.clm.api.ValidationException")
        .hasMessageContaining("JPY");
  }

  @Test
  void aStrategyThatAnswersDifferentlyOnAnotherInstanceIsCaught() {
    // each instance is deterministic and safe from several threads on its own
    assertThatCode(strategies(ArmPerInstance::new)::proposalsAreSafeFromSeveralThreads).doesNotThrowAnyException();
    assertThatThrownBy(strategies(ArmPerInstance::new)::proposalsAreTotalDeterministicAndRespectConsent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("proposal of another instance of");
  }

  /** A strategy with a cost parameter whose {@code configure} ignores names it does not know. */
  public static final class ForgivingConfiguration implements RetentionStrategy {
    private final double cost;

    public ForgivingConfiguration() {
      this(2);
    }

    private ForgivingConfiguration(double cost) {
      this.cost = cost;
    }

    @Override
    public String id() {
      return "acme.forgiving";
    }

    @Override
    public Set<StageFamily> families() {
      return EnumSet.of(StageFamily.MATURITY);
    }

    @Override
    public Map<String, Double> parameters() {
      return Map.of("call-cost", cost);
    }

    @Override
    public RetentionStrategy configure(Map<String, Double> overrides) {
      return new ForgivingConfiguration(overrides.getOrDefault("call-cost", cost));
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      return List.of();
    }
  }

  @Test
  void aStrategyThatIgnoresAnUnknownParameterIsCaught() {
    // A misspelt cost would silently keep its default.
    assertThatThrownBy(strategies(ForgivingConfiguration::new)::configurationIsTotalAndLeavesTheStrategyUnchanged)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("tck.no-such-parameter");
    // Without parameters, the interface's own configure passes.
    assertThatCode(strategies(EuroOnly::new)::configurationIsTotalAndLeavesTheStrategyUnchanged).doesNotThrowAnyException();
  }

  /** A strategy that leaves a null where it has no action, in a list that takes nulls. */
  public static final class NullForNothing implements RetentionStrategy {
    @Override
    public String id() {
      return "acme.null-for-nothing";
    }

    @Override
    public Set<StageFamily> families() {
      return EnumSet.of(StageFamily.MATURITY);
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      return java.util.Arrays.asList((RetentionAction) null);
    }
  }

  @Test
  void aStrategyThatReturnsANullActionIsCaughtByName() {
    assertThatThrownBy(strategies(NullForNothing::new)::proposalsAreTotalDeterministicAndRespectConsent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("returned a list holding null; leave the action out instead");
  }

  @Test
  void aStrategyThatPricesInAnotherCurrencyIsCaught() {
    assertThatThrownBy(strategies(EuroOnly::new)::proposalsAreTotalDeterministicAndRespectConsent)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the customer value's currency");
  }

  @Test
  void aWorkflowThatLeavesWithdrawnIsCaught() {
    ComplaintWorkflowContract c = new ComplaintWorkflowContract() {
      @Override
      protected ComplaintWorkflow createPlugin() {
        return new ComplaintWorkflow() {
          @Override
          public String id() {
            return "acme.lenient";
          }

          @Override
          public Set<ComplaintState> next(ComplaintState from) {
            return from == ComplaintState.WITHDRAWN ? EnumSet.of(ComplaintState.REOPENED) : ComplaintState.standardNext(from);
          }

          @Override
          public SlaPolicy slaPolicy(Severity severity, String category) {
            return SlaPolicy.builder("acme.lenient", SlaLimit.businessDays(10)).build();
          }
        };
      }
    };
    assertThatThrownBy(c::theStateMachineIsSoundAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("moves out of WITHDRAWN");
  }

  /** A workflow whose classification rule assumes every complaint has an amount at stake. */
  public static final class AmountAssumingWorkflow implements ComplaintWorkflow {
    @Override
    public String id() {
      return "acme.amount-assuming";
    }

    @Override
    public Set<ComplaintState> next(ComplaintState from) {
      return ComplaintState.standardNext(from);
    }

    @Override
    public SlaPolicy slaPolicy(Severity severity, String category) {
      return SlaPolicy.builder("acme.amount-assuming", SlaLimit.businessDays(10)).build();
    }

    @Override
    public List<ClassificationRule> classificationRules() {
      return List.of(
          ClassificationRule.of(
              "large-amount",
              Severity.URGENT,
              facts -> {
                Money amount =
                    facts.complaint().amountAtStake().orElseThrow(() -> new ValidationException("no amount at stake"));
                return amount.amount().compareTo(new BigDecimal("5000")) >= 0;
              }));
    }
  }

  @Test
  void aClassificationRuleThatThrowsForSomeComplaintsIsCaught() {
    ComplaintWorkflowContract c = new ComplaintWorkflowContract() {
      @Override
      protected ComplaintWorkflow createPlugin() {
        return new AmountAssumingWorkflow();
      }
    };
    assertThatThrownBy(c::rulesAreWellFormedTotalAndDeterministic)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("rule 'large-amount' threw io.clm.api.ValidationException");
  }
}
