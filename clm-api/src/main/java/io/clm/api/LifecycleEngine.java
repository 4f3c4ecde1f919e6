package io.clm.api;

import io.clm.api.annotation.Stable;
import io.clm.api.event.Event;
import io.clm.api.model.LifecycleModel;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Moves customers through the stages of one {@link LifecycleModel} as events arrive. Create one
 * with {@link Clm#builder()}.
 *
 * <h2>Semantics</h2>
 *
 * <ul>
 *   <li><b>Metrics</b> are updated incrementally and are order-independent: the same set of events
 *       gives the same {@link CustomerMetrics} whatever the order of arrival.
 *   <li><b>Rules</b> are evaluated after each event at the customer's time, the latest event
 *       timestamp seen for that customer: the first rule (highest priority) out of the current
 *       stage whose condition holds fires, and evaluation repeats from the new stage, at most once
 *       per stage of the model. Stage history therefore follows arrival order; replaying the same
 *       log in the same order gives the same history.
 *   <li><b>Idempotency</b>: event ids are unique per customer. An event whose id was applied to
 *       the same customer before, with the same content, is ignored and reported as a duplicate;
 *       with other content it is refused with {@link ConflictingEventException}. See {@link
 *       Event}.
 *   <li><b>Time</b>: rules over elapsed time (inactivity, trend windows) fire in {@link
 *       #advanceTo(Instant)}, which touches only customers that are due.
 *   <li><b>Threads</b>: every method may be called from any number of threads. Events for one
 *       customer are applied one at a time; events for different customers in parallel.
 *       Concurrent ingest gives the same metrics as a serial run.
 * </ul>
 */
@Stable
public interface LifecycleEngine {

  /**
   * The model this engine runs.
   *
   * @return the model
   */
  LifecycleModel model();

  /**
   * Applies one event.
   *
   * @param event the event
   * @return whether it was a duplicate and the stage changes it caused
   * @throws InvalidEventException if the event does not fit this engine (another currency, a
   *     timestamp beyond the future tolerance); nothing is stored
   * @throws UnknownCustomerException if the customer is unknown and the engine rejects unknown
   *     customers, or the customer was erased
   * @throws IllegalTransitionException if it is a manual move the model forbids
   * @throws ConflictingEventException if an event with the same id but other content was applied
   *     to the customer before; nothing is stored
   */
  IngestResult ingest(Event event);

  /**
   * Applies a batch, all or nothing: every event is checked first, and if one would fail, the
   * exception names it and nothing of the batch is stored.
   *
   * @param events the events, applied in list order
   * @return counts and the stage changes caused
   * @throws ClmException as {@link #ingest(Event)}, for the first failing event
   */
  BatchResult ingestAll(List<? extends Event> events);

  /**
   * Registers a customer before any event, for engines that reject unknown customers. Does
   * nothing if the customer is known.
   *
   * @param customer the customer
   * @param since when the relationship (or prospect record) starts
   * @return true if the customer was new
   * @throws UnknownCustomerException if the customer was erased
   */
  boolean register(CustomerId customer, Instant since);

  /**
   * Re-evaluates the customers whose time-dependent rules are due at or before {@code now}, and
   * only those.
   *
   * @param now the instant to advance to; earlier instants than a previous call are ignored
   * @return the stage changes caused, ordered by time, then customer
   */
  List<StageChange> advanceTo(Instant now);

  /**
   * A customer's current state.
   *
   * @param customer the customer
   * @return an immutable copy, or empty if the customer is unknown
   */
  Optional<Customer> customer(CustomerId customer);

  /**
   * A customer's stage history, oldest first.
   *
   * @param customer the customer
   * @return the changes; empty for an unknown customer
   */
  List<StageChange> history(CustomerId customer);

  /**
   * Visits every customer, in no particular order, with an immutable copy of each. An exception
   * the action throws ends the visit and reaches the caller as it is, also when the engine reads
   * its customers from a store.
   *
   * @param action what to do with each
   */
  void forEachCustomer(Consumer<Customer> action);

  /**
   * Number of customers known (erased ones excluded).
   *
   * @return the count
   */
  long customerCount();

  /**
   * Number of customers per stage id, every stage of the model present; erased customers are
   * counted in the stage they were in when erased, so that aggregates stay correct.
   *
   * @return the counts, in the model's stage order
   */
  Map<String, Long> stageCounts();

  /**
   * Registers a listener for stage changes.
   *
   * @param listener the listener
   * @return a handle that removes it when closed
   */
  AutoCloseable addListener(StageChangeListener listener);

  /**
   * Erases a customer's personal data from state and history: the customer is gone from every
   * query and from later snapshots; aggregate counts keep counting them. Later events for the
   * customer are rejected with {@link UnknownCustomerException}.
   *
   * @param customer the customer
   * @return a receipt
   * @throws UnknownCustomerException if the customer is unknown
   */
  Erasure erase(CustomerId customer);

  /**
   * Writes the whole state (customers, metrics, history, seen event ids, erasure aggregates) as
   * JSON with a format version.
   *
   * @param out where to write; not closed
   * @throws SnapshotException if writing fails
   */
  void exportSnapshot(OutputStream out);

  /**
   * Replaces the whole state with a snapshot, all or nothing.
   *
   * @param in the JSON; not closed
   * @throws SnapshotException if the JSON is malformed (also: duplicate keys, content after the
   *     end, unknown or missing fields, values out of range), of another format version, or of
   *     another model or currency; the state is unchanged
   */
  void importSnapshot(InputStream in);

  /**
   * The lane of a customer among {@code lanes}, for an application that feeds this engine from
   * several threads: give each thread the events of one lane (or of a fixed set of lanes), and
   * threads on different lanes never take the same lock or write the same memory. Threads that
   * split the customers any other way are correct too, but each of them keeps moving the engine's
   * locks between processor cores.
   *
   * <p>The lane depends only on the customer id and {@code lanes}, is the same for every engine of
   * this library version, and may change between versions: route with it in memory, do not
   * persist it or partition a topic by it. This default spreads customers by their id's hash;
   * engines that stripe their customers override it to follow the stripes.
   *
   * @param customer the customer
   * @param lanes how many lanes, at least 1
   * @return the lane, from 0 to {@code lanes - 1}
   * @throws IllegalArgumentException if {@code lanes} is below 1
   */
  default int lane(CustomerId customer, int lanes) {
    if (lanes < 1) {
      throw new IllegalArgumentException("lanes " + lanes + " is below 1");
    }
    return Math.floorMod(customer.hashCode(), lanes);
  }
}
