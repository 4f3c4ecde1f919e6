package io.clm.api.complaints;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Experimental;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where complaint tickets live: the complaint desk keeps no ticket that is not in its store. A
 * store holds, per ticket, the {@link StoredTicket record} (the complaint with its audit trail,
 * the running SLA clocks and the instant its next SLA event falls due), per customer the {@link
 * ComplaintFile complaint file}, the desk's clock, and an outbox of lifecycle events waiting to be
 * delivered to the lifecycle engine.
 *
 * <p>The contract a store must keep:
 *
 * <ul>
 *   <li>{@link #save} is atomic: the tickets, files, desk time and outbox events of one {@link
 *       TicketChange} are all stored, or none is (one database transaction). A save that fails
 *       throws {@link TicketStoreException} and leaves the store as it was; one that lost to
 *       another transaction, and may succeed if retried, says so with the kind {@link
 *       io.clm.api.StoreFailure#CONFLICT CONFLICT}.
 *   <li>A ticket saved again replaces the earlier record of the same id. Its audit trail grows (a
 *       database may append the new entries rather than rewrite them), except when the customer
 *       is erased: the desk then saves the trail rewritten, the free-text reasons replaced, with
 *       as many entries as before or more. A store that appends must notice a trail whose stored
 *       entries changed and replace it whole, so that no erased text stays stored.
 *   <li>A sequence belongs to one ticket. A change that would give one sequence to two tickets (a
 *       ticket of the change and a stored one, or two of the change) is refused with the kind
 *       {@link io.clm.api.StoreFailure#REFUSED REFUSED}, and nothing of it is stored. A ticket
 *       saved again with another sequence moves to it: scans and the due index find it there only.
 *   <li>Outbox events get increasing ids in the order they were saved, and stay pending until
 *       {@link #markDelivered} is called for them: delivery is at least once.
 *   <li>{@link #dueBy} answers from an index on {@link StoredTicket#nextDue()}: a restarted desk
 *       reads only the tickets that are due, not the whole store.
 * </ul>
 *
 * <p>The desk serialises its calls to one store; a store shared by several desks must be
 * thread-safe. The in-memory store ({@code io.clm.complaints.InMemoryTicketStore}) is the
 * reference implementation; a JDBC store keeps the same contract on a database.
 */
@Experimental
public interface TicketStore {

  /**
   * A short name of the store for messages ({@code in-memory}, {@code jdbc:h2:...} without
   * credentials).
   *
   * @return the name
   */
  String id();

  /**
   * A ticket.
   *
   * @param ticketId the ticket id
   * @return the ticket, or empty if the store does not hold it
   * @throws TicketStoreException if the store cannot be read
   */
  Optional<StoredTicket> find(String ticketId);

  /**
   * A customer's tickets, in the order they were received (then by sequence).
   *
   * @param customer the customer
   * @return the tickets; empty if the customer has none
   * @throws TicketStoreException if the store cannot be read
   */
  List<StoredTicket> findByCustomer(CustomerId customer);

  /**
   * A customer's complaint file (preferences learned, departments to remind).
   *
   * @param customer the customer
   * @return the file, or empty if none was saved
   * @throws TicketStoreException if the store cannot be read
   */
  Optional<ComplaintFile> file(CustomerId customer);

  /**
   * Every ticket, in sequence order.
   *
   * @param action called once per ticket
   * @throws TicketStoreException if the store cannot be read
   */
  void forEach(Consumer<StoredTicket> action);

  /**
   * Every ticket still open ({@link ComplaintState#isOpen()}), in sequence order.
   *
   * @param action called once per open ticket
   * @throws TicketStoreException if the store cannot be read
   */
  void forEachOpen(Consumer<StoredTicket> action);

  /**
   * The tickets whose next SLA event falls due at or before an instant, earliest first (ties by
   * sequence).
   *
   * @param until the instant
   * @param limit the most tickets to return, at least 1
   * @return the due tickets
   * @throws TicketStoreException if the store cannot be read
   */
  List<StoredTicket> dueBy(Instant until, int limit);

  /**
   * The highest ticket sequence saved so far; 0 for an empty store.
   *
   * @return the sequence
   * @throws TicketStoreException if the store cannot be read
   */
  long lastSequence();

  /**
   * The desk clock as last saved.
   *
   * @return the time, or empty for a new store
   * @throws TicketStoreException if the store cannot be read
   */
  Optional<Instant> deskTime();

  /**
   * Saves a change atomically: tickets, files, erasures, the desk time and new outbox events.
   *
   * @param change the change
   * @throws TicketStoreException if the change cannot be stored; nothing of it is then stored
   */
  void save(TicketChange change);

  /**
   * Outbox events not yet marked delivered, oldest first.
   *
   * @param limit the most events to return, at least 1
   * @return the events
   * @throws TicketStoreException if the store cannot be read
   */
  List<OutboxEvent> pendingEvents(int limit);

  /**
   * Marks outbox events delivered; they are not returned by {@link #pendingEvents} again. Unknown
   * or already delivered ids are ignored.
   *
   * @param outboxIds the ids
   * @throws TicketStoreException if the store cannot be written
   */
  void markDelivered(List<Long> outboxIds);
}
