package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.acme.clm.kit.ContractsCatchBrokenPluginsTest.GoodModel;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.tck.LifecycleModelProviderContract;
import java.util.HashMap;
import java.util.Map;
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
}
