package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.clm.kit.ContractsCatchBrokenPluginsTest.GoodModel;
import io.clm.api.Metric;
import io.clm.api.StageFamily;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.tck.LifecycleModelProviderContract;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The model contract's checks can fail: each broken provider below is caught by the check meant for it. */
class ModelContractCatchesBrokenModelsTest {

  private static LifecycleModelProviderContract models(Supplier<LifecycleModelProvider> plugin) {
    return new LifecycleModelProviderContract() {
      @Override
      protected LifecycleModelProvider createPlugin() {
        return plugin.get();
      }
    };
  }

  /** The good model with the least number of transactions given, not read from its parameters. */
  private static LifecycleModel model(String id, double minTransactions) {
    return LifecycleModel.builder(id)
        .stage("new", StageFamily.PROSPECT)
        .stage("active", StageFamily.GROWTH)
        .initial("new")
        .rule("first").from("new").to("active").priority(1)
        .when(Metric.TRANSACTION_COUNT.atLeast(minTransactions))
        .build();
  }

  @Test
  void aCorrectModelPassesTheOtherChecks() {
    LifecycleModelProviderContract c = models(GoodModel::new);
    assertThatCode(c::modelIdIsTheProviderId).doesNotThrowAnyException();
    assertThatCode(c::defaultParametersAreFiniteAndStable).doesNotThrowAnyException();
    assertThatCode(c::unknownParameterIsRefused).doesNotThrowAnyException();
    assertThatCode(c::createIsSafeFromSeveralThreads).doesNotThrowAnyException();
    assertThatCode(c::resultsSurviveTheJsonRoundTrip).doesNotThrowAnyException();
    assertThatCode(c::idIsStable).doesNotThrowAnyException();
  }

  @Test
  void aModelUnderAnotherIdOrNoModelIsCaught() {
    assertThatThrownBy(models(() -> new GoodModel() {
      @Override
      public LifecycleModel create(Map<String, Double> overrides) {
        return model("acme.other", 1);
      }
    })::modelIdIsTheProviderId)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("id of the model of 'acme.good'");
    assertThatThrownBy(models(() -> new GoodModel() {
      @Override
      public LifecycleModel create(Map<String, Double> overrides) {
        return null;
      }
    })::modelIdIsTheProviderId)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("create() of 'acme.good'");
  }

  @Test
  void aModelUnderAnotherIdForSomeOverridesIsCaught() {
    assertThatThrownBy(models(() -> new GoodModel() {
      @Override
      public LifecycleModel create(Map<String, Double> overrides) {
        return overrides.isEmpty() ? super.create(overrides) : model("acme.other", 1);
      }
    })::createIsTotalAndDoesNotModifyItsArgument)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("acme.other");
  }

  @Test
  void aNullModelForSomeOverridesIsCaught() {
    assertThatThrownBy(models(() -> new GoodModel() {
      @Override
      public LifecycleModel create(Map<String, Double> overrides) {
        return overrides.isEmpty() ? super.create(overrides) : null;
      }
    })::createIsTotalAndDoesNotModifyItsArgument)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("returned null");
  }

  @Test
  void defaultsThatAreNotFiniteAreCaught() {
    assertThatThrownBy(models(() -> new GoodModel() {
      @Override
      public Map<String, Double> defaultParameters() {
        return Map.of("active.min-transactions", Double.NaN);
      }
    })::defaultParametersAreFiniteAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("defaultParameters() of 'acme.good'");
  }

  /** Hands out the map of defaults it keeps, so a caller that changes it changes the provider. */
  public static final class SharedDefaults extends GoodModel {
    private final Map<String, Double> defaults = new HashMap<>(Map.of("active.min-transactions", 1.0));

    @Override
    public Map<String, Double> defaultParameters() {
      return defaults;
    }
  }

  @Test
  void defaultsThatTheCallerCanChangeAreCaught() {
    assertThatThrownBy(models(SharedDefaults::new)::defaultParametersAreFiniteAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("defaultParameters() after a caller modified the returned map");
  }

  @Test
  void defaultsThatDifferOnAnotherInstanceAreCaught() {
    AtomicInteger made = new AtomicInteger();
    assertThatThrownBy(models(() -> {
      double min = 1 + made.getAndIncrement();
      return new GoodModel() {
        @Override
        public Map<String, Double> defaultParameters() {
          return Map.of("active.min-transactions", min);
        }
      };
    })::defaultParametersAreFiniteAndStable)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("defaultParameters() of another instance");
  }

  @Test
  void aProviderThatIgnoresAnUnknownParameterIsCaught() {
    assertThatThrownBy(models(() -> new GoodModel() {
      @Override
      public LifecycleModel create(Map<String, Double> overrides) {
        return model(id(), overrides.getOrDefault("active.min-transactions", 1.0));
      }
    })::unknownParameterIsRefused)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("must throw an InvalidModelException naming the parameter");
  }

  @Test
  void aModelThatDiffersOnAnotherInstanceIsCaught() {
    AtomicInteger made = new AtomicInteger();
    assertThatThrownBy(models(() -> {
      double min = 1 + made.getAndIncrement();
      return new GoodModel() {
        @Override
        public LifecycleModel create(Map<String, Double> overrides) {
          return model(id(), min);
        }
      };
    })::createIsDeterministic)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("create() on another instance");
  }

  @Test
  void aProviderThatAddsOverridesToItsDefaultsIsCaught() {
    // create(defaultParameters()) must be create(): here each override is added to the default
    assertThatThrownBy(models(() -> new GoodModel() {
      @Override
      public LifecycleModel create(Map<String, Double> overrides) {
        return model(id(), 1 + overrides.getOrDefault("active.min-transactions", 0.0));
      }
    })::createIsDeterministic)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("create(defaultParameters()) equals create()");
  }

  /** Keeps its threshold per thread, and has the configured one only on the thread that made it. */
  public static final class ThresholdPerThread extends GoodModel {
    private final ThreadLocal<Double> min = ThreadLocal.withInitial(() -> 5.0);

    /** Readies the threshold of the thread that makes the provider. */
    public ThresholdPerThread() {
      min.set(1.0);
    }

    @Override
    public LifecycleModel create(Map<String, Double> overrides) {
      super.create(overrides);
      return model(id(), min.get());
    }
  }

  @Test
  void aProviderThatDependsOnTheThreadIsCaught() {
    assertThatThrownBy(models(ThresholdPerThread::new)::createIsSafeFromSeveralThreads)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("models created from 4 threads");
  }

  /**
   * Keeps the model it made first on each thread and hands it out again there, whatever the
   * overrides: one thread always gets one model, but threads that started with other overrides get
   * other models.
   */
  public static final class FirstModelPerThread extends GoodModel {
    private final ThreadLocal<LifecycleModel> made = new ThreadLocal<>();

    @Override
    public LifecycleModel create(Map<String, Double> overrides) {
      if (made.get() == null) {
        made.set(super.create(overrides));
      }
      return made.get();
    }
  }

  @Test
  void aProviderThatKeepsAModelPerThreadWhateverTheOverridesIsCaught() {
    assertThatCode(models(FirstModelPerThread::new)::createIsDeterministic).doesNotThrowAnyException();
    assertThatThrownBy(models(FirstModelPerThread::new)::createIsSafeFromSeveralThreads)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("models created from 4 threads");
  }

  /** The good model as an inner class: {@link java.util.ServiceLoader} cannot make one. */
  public class InnerModel extends GoodModel {}

  @Test
  void aProviderThatServiceLoaderCannotMakeIsCaught() {
    assertThatCode(models(GoodModel::new)::isInstantiableByServiceLoader).doesNotThrowAnyException();
    assertThatThrownBy(models(InnerModel::new)::isInstantiableByServiceLoader)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("InnerModel is a top-level or static nested class");
  }
}
