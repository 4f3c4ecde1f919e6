package io.clm.kafka.streams;

import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.annotation.Experimental;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.StoredCustomer;
import java.util.Objects;
import java.util.function.Function;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Looks one customer up from any application instance: Kafka Streams' metadata names the instance
 * whose task owns the customer's partition; this instance reads its own store, or asks the owner
 * through {@link RemoteCustomers}. Create with {@link ClmTopology#queries}. Thread-safe.
 */
@SuppressWarnings("exports")
@Experimental
public final class CustomerQueries {
  private static final StringSerializer KEYS = new StringSerializer();

  private final KafkaStreams streams;
  private final HostInfo self;
  private final RemoteCustomers remote;
  private final Function<CustomerStore, LifecycleEngine> engines;

  CustomerQueries(
      KafkaStreams streams, HostInfo self, RemoteCustomers remote, Function<CustomerStore, LifecycleEngine> engines) {
    this.streams = Objects.requireNonNull(streams, "streams");
    this.self = Objects.requireNonNull(self, "self");
    this.remote = Objects.requireNonNull(remote, "remote");
    this.engines = engines;
  }

  /**
   * A customer's stage, metrics and history, wherever it lives.
   *
   * @param customer the customer
   * @return the customer, or empty if no instance knows it
   * @throws CustomerQueryException if the owner is unknown right now (a rebalance is under way, or
   *     the streams are not running: not started yet, shutting down, stopped or failed), cannot be
   *     known (the streams run without {@code application.server}) or cannot be asked
   */
  public Optional<CustomerView> customer(CustomerId customer) {
    KeyQueryMetadata owner = owner(customer);
    return owner.activeHost().equals(self) ? local(customer, owner.partition()) : remote.fetch(owner.activeHost(), customer);
  }

  /**
   * A customer from this instance's own store only: what the owner answers when asked. An
   * instance that does not own the customer's partition (any more: the asker's metadata was taken
   * before a rebalance) cannot tell whether the customer exists, so it throws rather than answer
   * empty.
   *
   * @param customer the customer
   * @return the customer, or empty if this instance owns the customer's partition and does not
   *     know the customer
   * @throws CustomerQueryException if this instance does not own the customer's partition now, the
   *     streams are not running, or the store is not open for queries right now
   */
  public Optional<CustomerView> local(CustomerId customer) {
    KeyQueryMetadata owner = owner(customer);
    if (!owner.activeHost().equals(self)) {
      throw new CustomerQueryException(
          "instance " + HttpCustomerEndpoint.address(self) + " does not own customer " + customer.masked() + " now, "
              + HttpCustomerEndpoint.address(owner.activeHost()) + " does; ask again");
    }
    return local(customer, owner.partition());
  }

  private KeyQueryMetadata owner(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    KeyQueryMetadata owner;
    try {
      owner = streams.queryMetadataForKey(ClmTopology.CUSTOMERS_STORE, customer.value(), KEYS);
      if ((owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE))
          && streams.state() == KafkaStreams.State.RUNNING
          && streams.metadataForAllStreamsClients().isEmpty()) {
        // Running with partitions assigned but no instance known: none announced its address.
        throw new CustomerQueryException(
            "the owner of customer " + customer.masked() + " cannot be known: the streams run without "
                + StreamsConfig.APPLICATION_SERVER_CONFIG + "; set it to this instance's host:port " + HttpCustomerEndpoint.address(self));
      }
    } catch (InvalidStateStoreException | IllegalStateException e) {
      // Streams that are not running (not started yet, shutting down, stopped or failed) know no owner.
      throw new CustomerQueryException(notKnownNow(customer), e);
    }
    if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw new CustomerQueryException(notKnownNow(customer));
    }
    return owner;
  }

  private String notKnownNow(CustomerId customer) {
    return "the owner of customer " + customer.masked() + " is not known now; the streams are " + streams.state();
  }

  private Optional<CustomerView> local(CustomerId customer, int partition) {
    try {
      return view(store(ClmTopology.CUSTOMERS_STORE, partition), store(ClmTopology.APPENDED_STORE, partition), customer, engines);
    } catch (InvalidStateStoreException e) {
      throw new CustomerQueryException(
          "the store of customer " + customer.masked() + " is not open for queries now: " + e.getMessage(), e);
    }
  }

  /**
   * A customer as a task's stores hold it, read while the task's stream thread may be writing: the
   * record and the history it counts, as one write left them (see {@link StoreLayout#load}).
   */
  static Optional<CustomerView> view(
      ReadOnlyKeyValueStore<Bytes, byte[]> customers,
      ReadOnlyKeyValueStore<Bytes, byte[]> appended,
      CustomerId customer,
      Function<CustomerStore, LifecycleEngine> engines) {
    Optional<StoredCustomer> stored = StoreLayout.load(customers, appended, customer);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    // The record is the engine's own encoding: an engine over this one customer decodes it.
    LifecycleEngine engine = engines.apply(ReadOnlyStore.of(stored.get()));
    return engine.customer(customer).map(state -> new CustomerView(state, engine.history(customer)));
  }

  private ReadOnlyKeyValueStore<Bytes, byte[]> store(String name, int partition) {
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())
              .withPartition(partition));
    } catch (IllegalStateException e) {
      // The streams stopped running after the owner was looked up: no store is open for queries.
      throw new InvalidStateStoreException(e.getMessage(), e);
    }
  }
}
