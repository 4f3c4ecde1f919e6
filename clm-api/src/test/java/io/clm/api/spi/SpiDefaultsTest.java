package io.clm.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.CustomerIdMask;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.StageFamily;
import io.clm.api.StoreFailure;
import io.clm.api.UnknownCustomers;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.api.segmentation.SegmentationScheme;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What the service interfaces do by default (a store's bulk read, an engine's lanes, a model
 * provider's defaults) and the checks of the records an engine and a store exchange.
 */
class SpiDefaultsTest {
  private static final LifecycleModel MODEL = LifecycleModel.builder("m")
      .stage("a", StageFamily.PROSPECT)
      .stage("b", StageFamily.GROWTH)
      .initial("a")
      .rule("r").from("a").to("b").priority(1).when(Metric.TRANSACTION_COUNT.atLeast(1))
      .build();

  private static StoredCustomer stored(String id) {
    return new StoredCustomer(new CustomerRecord(CustomerId.of(id), Long.MAX_VALUE, new byte[] {1}), List.of(),
        List.of());
  }

  /** A store that holds two customers and counts the single reads it is asked for. */
  private static final class TwoCustomers implements CustomerStore {
    final List<CustomerId> loads = new ArrayList<>();

    @Override
    public Optional<StoredCustomer> load(CustomerId customer) {
      loads.add(customer);
      return Set.of("anna", "boris").contains(customer.value()) ? Optional.of(stored(customer.value())) : Optional.empty();
    }

    @Override public void scan(Consumer<StoredCustomer> action) { throw new AssertionError("not called"); }
    @Override public void scanDue(long epochMillis, Consumer<CustomerId> action) { throw new AssertionError("not called"); }
    @Override public List<Tombstone> tombstones() { throw new AssertionError("not called"); }
    @Override public Optional<String> position() { throw new AssertionError("not called"); }
    @Override public void write(StoreBatch batch) { throw new AssertionError("not called"); }
  }

  @Test
  void aStoreReadsSeveralCustomersOneByOneByDefault() {
    TwoCustomers store = new TwoCustomers();
    List<CustomerId> asked = List.of(CustomerId.of("anna"), CustomerId.of("carla"), CustomerId.of("boris"));
    List<StoredCustomer> found = store.loadAll(asked);
    assertThat(found).extracting(s -> s.record().customer().value()).containsExactlyInAnyOrder("anna", "boris");
    assertThat(store.loads).containsExactlyElementsOf(asked);
    assertThat(store.loadAll(List.of())).isEmpty();
  }

  /** An engine whose only behaviour is the interface's defaults. */
  private static LifecycleEngine defaultsOnly() {
    InvocationHandler h = (proxy, method, args) -> {
      if (method.isDefault()) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      throw new AssertionError("not called: " + method.getName());
    };
    return (LifecycleEngine) Proxy.newProxyInstance(
        LifecycleEngine.class.getClassLoader(), new Class<?>[] {LifecycleEngine.class}, h);
  }

  @Test
  void lanesSpreadCustomersOverAllLanesAndStayThere() {
    LifecycleEngine engine = defaultsOnly();
    CustomerId anna = CustomerId.of("anna");
    assertThat(engine.lane(anna, 1)).isZero();
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < 200; i++) {
      CustomerId id = CustomerId.of("customer-" + i);
      int lane = engine.lane(id, 8);
      assertThat(lane).isBetween(0, 7);
      assertThat(engine.lane(CustomerId.of("customer-" + i), 8)).isEqualTo(lane);
      used.add(lane);
    }
    assertThat(used).hasSize(8);
    assertThatThrownBy(() -> engine.lane(anna, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lanes 0 is below 1");
  }

  @Test
  void anEngineConfigurationKeepsCustomersInMemoryOnlyWithAStore() {
    CustomerIdMask mask = CustomerIdMask.random();
    ClassLoader loader = getClass().getClassLoader();
    Clock clock = Clock.systemUTC();
    assertThatThrownBy(() -> new EngineConfig(MODEL, java.util.Currency.getInstance("EUR"), UnknownCustomers.CREATE,
            Duration.ZERO, Duration.ofDays(90), Optional.empty(), clock, Optional.empty(), loader, mask, OptionalInt.of(0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customersInMemory 0 needs a store to keep the other customers in");
    Optional<CustomerStore> store = Optional.of(new TwoCustomers());
    assertThatThrownBy(() -> new EngineConfig(MODEL, java.util.Currency.getInstance("EUR"), UnknownCustomers.CREATE,
            Duration.ZERO, Duration.ofDays(90), Optional.empty(), clock, store, loader, mask, OptionalInt.of(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("customersInMemory -1 is negative");
    assertThat(new EngineConfig(MODEL, java.util.Currency.getInstance("EUR"), UnknownCustomers.CREATE,
            Duration.ZERO, Duration.ofDays(90), Optional.empty(), clock, store, loader, mask, OptionalInt.of(0))
        .customersInMemory()).hasValue(0);
    assertThat(new EngineConfig(MODEL, java.util.Currency.getInstance("EUR"), UnknownCustomers.CREATE,
            Duration.ZERO, Duration.ofDays(90), Optional.empty(), clock, Optional.empty(), loader, mask,
            OptionalInt.empty())
        .store()).isEmpty();
  }

  @Test
  void theFingerprintZeroIsReserved() {
    assertThat(new SeenEvent(1, 0, 0).id()).isEqualTo(1);
    assertThat(new SeenEvent(-1, 0, 0).id()).isEqualTo(-1);
    assertThatThrownBy(() -> new SeenEvent(0, 5, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("seen event id fingerprint 0 is reserved");
  }

  @Test
  void storeFailuresSayWhatKindTheyAre() {
    CustomerStoreException e = new CustomerStoreException("disk full", StoreFailure.FULL, null);
    assertThat(e.kind()).isEqualTo(StoreFailure.FULL);
    assertThat(e).hasMessage("disk full");
  }

  @Test
  void aModelProviderCreatesItsModelWithoutOverridesByDefault() {
    List<Map<String, Double>> asked = new ArrayList<>();
    LifecycleModelProvider provider = new LifecycleModelProvider() {
      @Override
      public String id() {
        return "m";
      }

      @Override
      public Map<String, Double> defaultParameters() {
        return Map.of();
      }

      @Override
      public LifecycleModel create(Map<String, Double> overrides) {
        asked.add(overrides);
        return MODEL;
      }
    };
    assertThat(provider.create()).isSameAs(MODEL);
    assertThat(asked).containsExactly(Map.of());
  }

  @Test
  void everyKindOfPluginIsDiscovered() {
    assertThat(Plugin.kinds()).contains(LifecycleModelProvider.class, SegmentationScheme.class)
        .allMatch(Plugin.class::isAssignableFrom)
        .doesNotHaveDuplicates();
  }
}
