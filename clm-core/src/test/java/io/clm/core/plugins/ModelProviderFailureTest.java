package io.clm.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.InvalidModelException;
import io.clm.api.PluginFailureException;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model provider whose create() throws or returns null is named (id and class) when the engine
 * is built. The providers are visible only through the class loader these tests build.
 */
class ModelProviderFailureTest {

  public static final class Throwing implements LifecycleModelProvider {
    @Override
    public String id() {
      return "test.throwing-model";
    }

    @Override
    public Map<String, Double> defaultParameters() {
      return Map.of();
    }

    @Override
    public LifecycleModel create(Map<String, Double> overrides) {
      throw new IllegalStateException("licence file acme.lic not found");
    }
  }

  public static final class Silent implements LifecycleModelProvider {
    @Override
    public String id() {
      return "test.silent-model";
    }

    @Override
    public Map<String, Double> defaultParameters() {
      return Map.of();
    }

    @Override
    public LifecycleModel create(Map<String, Double> overrides) {
      return null;
    }
  }

  public static final class Strict implements LifecycleModelProvider {
    @Override
    public String id() {
      return "test.strict-model";
    }

    @Override
    public Map<String, Double> defaultParameters() {
      return Map.of();
    }

    @Override
    public LifecycleModel create(Map<String, Double> overrides) {
      throw new InvalidModelException("unknown parameters " + overrides.keySet());
    }
  }

  private static URLClassLoader loader(Path dir) {
    return ServicesDirectory.loader(dir, LifecycleModelProvider.class, List.of(Throwing.class, Silent.class, Strict.class));
  }

  @Test
  void aThrowingProviderIsNamed(@TempDir Path dir) throws Exception {
    try (URLClassLoader loader = loader(dir)) {
      assertThatThrownBy(() -> Clm.builder().classLoader(loader).model("test.throwing-model").currency("EUR").build())
          .isInstanceOf(PluginFailureException.class)
          .hasMessage(
              "plugin 'test.throwing-model' (io.clm.core.plugins.ModelProviderFailureTest$Throwing) threw"
                  + " java.lang.IllegalStateException in create for Clm.builder().build()")
          .hasCauseInstanceOf(IllegalStateException.class);
    }
  }

  @Test
  void aProviderReturningNullIsNamed(@TempDir Path dir) throws Exception {
    try (URLClassLoader loader = loader(dir)) {
      assertThatThrownBy(() -> Clm.builder().classLoader(loader).model("test.silent-model").currency("EUR").build())
          .isInstanceOf(PluginFailureException.class)
          .hasMessage(
              "plugin 'test.silent-model' (io.clm.core.plugins.ModelProviderFailureTest$Silent) returned null"
                  + " from create for Clm.builder().build()");
    }
  }

  @Test
  void aTypedRefusalPassesThroughUnwrapped(@TempDir Path dir) throws Exception {
    try (URLClassLoader loader = loader(dir)) {
      assertThatThrownBy(
              () -> Clm.builder().classLoader(loader).model("test.strict-model", Map.of("x", 1.0)).currency("EUR").build())
          .isExactlyInstanceOf(InvalidModelException.class)
          .hasMessage("unknown parameters [x]");
    }
  }

  @Test
  void theProvidersAreNotSeenWithoutThatLoader() {
    assertThat(Clm.plugins().all(LifecycleModelProvider.class))
        .extracting(LifecycleModelProvider::id)
        .doesNotContain("test.throwing-model", "test.silent-model", "test.strict-model");
  }
}
