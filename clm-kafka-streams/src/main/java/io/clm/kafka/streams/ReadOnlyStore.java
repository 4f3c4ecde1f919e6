package io.clm.kafka.streams;

import io.clm.api.CustomerId;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A store holding at most one customer and refusing writes: an engine over it decodes that
 * customer for a query, or, empty, checks the engine settings of a topology being built.
 */
record ReadOnlyStore(Optional<StoredCustomer> customer) implements CustomerStore {
  static final ReadOnlyStore EMPTY = new ReadOnlyStore(Optional.empty());

  static ReadOnlyStore of(StoredCustomer customer) {
    return new ReadOnlyStore(Optional.of(customer));
  }

  @Override
  public Optional<StoredCustomer> load(CustomerId id) {
    return customer.filter(c -> id.equals(c.record().customer()));
  }

  @Override
  public void scan(Consumer<StoredCustomer> action) {
    customer.ifPresent(action);
  }

  @Override
  public void scanDue(long epochMillis, Consumer<CustomerId> action) {
    customer.filter(c -> c.record().dueAt() <= epochMillis).ifPresent(c -> action.accept(c.record().customer()));
  }

  @Override
  public List<Tombstone> tombstones() {
    return List.of();
  }

  @Override
  public Optional<String> position() {
    return Optional.empty();
  }

  @Override
  public void write(StoreBatch batch) {
    throw new UnsupportedOperationException("a read-only store does not write");
  }
}
