package io.clm.kafka.streams;

import io.clm.api.CustomerId;
import io.clm.api.StageChange;
import io.clm.api.model.LifecycleModel;
import io.clm.api.spi.CustomerStore;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * clm's customer store over one stream task's key-value stores: the customer records (see {@link
 * CustomerRecords}) and the {@link DueIndex}. A save writes the record and moves the customer's
 * due entry in the same task, so both reach the changelogs in the same transaction.
 */
final class KafkaCustomerStore implements CustomerStore {
  private final KeyValueStore<Bytes, byte[]> customers;
  private final DueIndex due;
  private LifecycleModel model;

  KafkaCustomerStore(KeyValueStore<Bytes, byte[]> customers, KeyValueStore<Bytes, byte[]> due) {
    this.customers = customers;
    this.due = new DueIndex(due);
  }

  /** Sets the model whose rules decide due times; called once, right after the engine is built. */
  void model(LifecycleModel model) {
    this.model = Objects.requireNonNull(model, "model");
  }

  DueIndex dueIndex() {
    return due;
  }

  @Override
  public Optional<StoredCustomer> load(CustomerId customer) {
    byte[] record = customers.get(key(customer));
    return record == null ? Optional.empty() : Optional.of(CustomerRecords.customer(record));
  }

  @Override
  public void save(StoredCustomer customer, List<StageChange> appended) {
    CustomerId id = customer.customer().id();
    Bytes key = key(id);
    byte[] previous = customers.get(key);
    long before = previous == null ? Long.MAX_VALUE : CustomerRecords.due(previous);
    long after = DueIndex.dueAt(model, customer.customer(), Long.MIN_VALUE);
    customers.put(key, CustomerRecords.encode(customer, after, previous, appended));
    due.move(id, before, after);
  }

  /**
   * Recomputes a customer's due time as of {@code now}, after a punctuation looked at it: a rule
   * that was due has fired or no longer holds, so the next instant lies after {@code now}.
   */
  void reschedule(CustomerId id, long now) {
    Bytes key = key(id);
    byte[] record = customers.get(key);
    if (record == null) {
      return;
    }
    long before = CustomerRecords.due(record);
    long after = DueIndex.dueAt(model, CustomerRecords.customer(record).customer(), now);
    if (after != before) {
      customers.put(key, CustomerRecords.withDue(record, after));
      due.move(id, before, after);
    }
  }

  @Override
  public List<StageChange> history(CustomerId customer) {
    byte[] record = customers.get(key(customer));
    return record == null ? List.of() : CustomerRecords.history(record);
  }

  @Override
  public void erase(CustomerId customer) {
    Bytes key = key(customer);
    byte[] record = customers.get(key);
    if (record != null) {
      due.move(customer, CustomerRecords.due(record), Long.MAX_VALUE);
      customers.delete(key);
    }
  }

  static Bytes key(CustomerId customer) {
    return Bytes.wrap(customer.value().getBytes(StandardCharsets.UTF_8));
  }
}
