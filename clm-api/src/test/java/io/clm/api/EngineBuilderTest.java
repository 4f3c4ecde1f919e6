package io.clm.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.model.LifecycleModel;
import io.clm.api.spi.CustomerStore;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine builder's checks of the store settings and of the whole configuration, which run
 * before an engine implementation is looked up, and the lookup in the class loader the builder is
 * given. clm-api alone has no engine implementation, so a complete configuration ends at the lookup.
 */
class EngineBuilderTest {
  private static final LifecycleModel MODEL = LifecycleModel.builder("m")
      .stage("a", StageFamily.PROSPECT)
      .stage("b", StageFamily.GROWTH)
      .initial("a")
      .rule("r").from("a").to("b").priority(1).when(Metric.TRANSACTION_COUNT.atLeast(1))
      .build();

  /** A store the builder only holds: an engine would call it, the builder never does. */
  private static CustomerStore unusedStore() {
    return (CustomerStore) Proxy.newProxyInstance(
        CustomerStore.class.getClassLoader(), new Class<?>[] {CustomerStore.class}, (proxy, method, args) -> {
          throw new AssertionError("not called: " + method.getName());
        });
  }

  /** A loader that sees nothing but a service file naming an engine implementation it cannot load. */
  private static ClassLoader loaderListing(Path dir, String className) throws IOException {
    Path services = dir.resolve("io.clm.api.spi.ClmProvider");
    Files.writeString(services, className + "\n");
    URL url = services.toUri().toURL();
    return new ClassLoader(null) {
      @Override
      protected Enumeration<URL> findResources(String name) {
        return name.equals("META-INF/services/io.clm.api.spi.ClmProvider")
            ? Collections.enumeration(java.util.List.of(url))
            : Collections.emptyEnumeration();
      }
    };
  }

  @Test
  void customersInMemoryIsAtLeastZeroAndNeedsAStore() {
    assertThatThrownBy(() -> Clm.builder().customersInMemory(-1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("customersInMemory -1 is negative");
    Clm.Builder b = Clm.builder().model(MODEL).currency("EUR");
    assertThat(b.customersInMemory(0)).isSameAs(b);
    assertThatThrownBy(() -> b.customersInMemory(64))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("customersInMemory was already set");
    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("customersInMemory 0 needs a store to keep the other customers in");
  }

  @Test
  void aStoreIsSetOnceAndWithItTheConfigurationIsComplete() {
    Clm.Builder b = Clm.builder().model(MODEL).currency("EUR").customersInMemory(1000);
    assertThat(b.store(unusedStore())).isSameAs(b);
    assertThatThrownBy(() -> b.store(unusedStore()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("store was already set");
    assertThatThrownBy(b::build)
        .isInstanceOf(PluginConfigurationException.class)
        .hasMessage("no clm engine implementation found: add io.clm:clm-core to the class path or module path");
  }

  @Test
  void theEngineImplementationIsLookedUpInTheGivenLoader(@TempDir Path dir) throws IOException {
    ClassLoader loader = loaderListing(dir, "com.example.MissingEngine");
    assertThatThrownBy(() -> Clm.builder().model(MODEL).currency("EUR").classLoader(loader).build())
        .isInstanceOf(PluginConfigurationException.class)
        .hasMessageStartingWith("the clm engine implementation could not be loaded: ")
        .hasMessageContaining("com.example.MissingEngine");
    assertThatThrownBy(() -> Clm.plugins(loader))
        .isInstanceOf(PluginConfigurationException.class)
        .hasMessageStartingWith("the clm engine implementation could not be loaded: ")
        .hasMessageContaining("com.example.MissingEngine");
    assertThatThrownBy(() -> Clm.plugins(new ClassLoader(null) { }))
        .isInstanceOf(PluginConfigurationException.class)
        .hasMessage("no clm engine implementation found: add io.clm:clm-core to the class path or module path");
  }

  @Test
  void aModelRefusedForItsParametersIsNotTakenAsGiven() {
    Clm.Builder b = Clm.builder();
    assertThatThrownBy(() -> b.model("banking-six-stage", null)).isInstanceOf(NullPointerException.class);
    assertThat(b.model("banking-six-stage", Map.of("growth.min-transactions", 3.0))).isSameAs(b);
  }

  @Test
  void withoutALoaderTheThreadsContextLoaderIsSearched(@TempDir Path dir) throws IOException {
    ClassLoader listing = loaderListing(dir, "com.example.MissingEngine");
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(listing);
    try {
      assertThatThrownBy(Clm::plugins)
          .isInstanceOf(PluginConfigurationException.class)
          .hasMessageStartingWith("the clm engine implementation could not be loaded: ");
      assertThatThrownBy(() -> Clm.builder().model(MODEL).currency("EUR").build())
          .isInstanceOf(PluginConfigurationException.class)
          .hasMessageStartingWith("the clm engine implementation could not be loaded: ");
    } finally {
      thread.setContextClassLoader(before);
    }
  }
}
