package io.clm.kafka.streams;

import io.clm.api.CustomerId;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
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
public final class CustomerQueries {
  private static final StringSerializer KEYS = new StringSerializer();

  private final KafkaStreams streams;
  private final HostInfo self;
  private final RemoteCustomers remote;

  CustomerQueries(KafkaStreams streams, HostInfo self, RemoteCustomers remote) {
    this.streams = Objects.requireNonNull(streams, "streams");
    this.self = Objects.requireNonNull(self, "self");
    this.remote = Objects.requireNonNull(remote, "remote");
  }

  /**
   * A customer's stage, metrics and history, wherever it lives.
   *
   * @param customer the customer
   * @return the customer, or empty if no instance knows it
   * @throws CustomerQueryException if the owner is unknown right now (a rebalance is under way) or
   *     cannot be asked
   */
  public Optional<CustomerView> customer(CustomerId customer) {
    KeyQueryMetadata owner = owner(customer);
    return owner.activeHost().equals(self) ? local(customer, owner.partition()) : remote.fetch(owner.activeHost(), customer);
  }

  /**
   * A customer from this instance's own store only: what the owner answers when asked.
   *
   * @param customer the customer
   * @return the customer, or empty if this instance does not own it or does not know it
   * @throws CustomerQueryException if the store is not open for queries right now
   */
  public Optional<CustomerView> local(CustomerId customer) {
    KeyQueryMetadata owner = owner(customer);
    return owner.activeHost().equals(self) ? local(customer, owner.partition()) : Optional.empty();
  }

  private KeyQueryMetadata owner(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    KeyQueryMetadata owner = streams.queryMetadataForKey(ClmTopology.CUSTOMERS_STORE, customer.value(), KEYS);
    if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw new CustomerQueryException(
          "the owner of customer " + customer.masked() + " is not known now; the streams are " + streams.state());
    }
    return owner;
  }

  private Optional<CustomerView> local(CustomerId customer, int partition) {
    ReadOnlyKeyValueStore<Bytes, byte[]> store;
    byte[] record;
    try {
      store =
          streams.store(
              StoreQueryParameters.fromNameAndType(ClmTopology.CUSTOMERS_STORE, QueryableStoreTypes.<Bytes, byte[]>keyValueStore())
                  .withPartition(partition));
      record = store.get(KafkaCustomerStore.key(customer));
    } catch (InvalidStateStoreException e) {
      throw new CustomerQueryException(
          "the store of customer " + customer.masked() + " is not open for queries now: " + e.getMessage(), e);
    }
    if (record == null) {
      return Optional.empty();
    }
    return Optional.of(
        new CustomerView(CustomerRecords.customer(record).customer(), CustomerRecords.history(record)));
  }
}
