package io.clm.complaints;

import io.clm.api.CustomerId;
import io.clm.api.StoreFailure;
import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.ComplaintFile;
import io.clm.api.complaints.OutboxEvent;
import io.clm.api.complaints.StoredTicket;
import io.clm.api.complaints.TicketChange;
import io.clm.api.complaints.TicketStore;
import io.clm.api.complaints.TicketStoreException;
import io.clm.api.event.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The reference {@link TicketStore}: everything in memory, every method synchronised, a save
 * applied all at once. Survives the desk (a new desk over the same store carries on) but not the
 * process. The due index is a sorted set of (next due, sequence), so {@link #dueBy} reads only the
 * due tickets.
 */
@Experimental
public final class InMemoryTicketStore implements TicketStore {

  private record Due(Instant at, long sequence) {}

  private static final Comparator<Due> ORDER = Comparator.comparing(Due::at).thenComparingLong(Due::sequence);

  private final Map<String, StoredTicket> tickets = new HashMap<>();
  private final TreeMap<Long, String> bySequence = new TreeMap<>();
  private final Map<CustomerId, NavigableSet<Long>> byCustomer = new HashMap<>();
  private final TreeSet<Due> due = new TreeSet<>(ORDER);
  private final Map<CustomerId, ComplaintFile> files = new HashMap<>();
  private final LinkedHashMap<Long, Event> outbox = new LinkedHashMap<>();
  private long nextOutboxId = 1;
  private Instant deskTime;

  /** Creates an empty store. */
  public InMemoryTicketStore() {}

  @Override
  public String id() {
    return "in-memory";
  }

  @Override
  public synchronized Optional<StoredTicket> find(String ticketId) {
    Objects.requireNonNull(ticketId, "ticketId");
    return Optional.ofNullable(tickets.get(ticketId));
  }

  @Override
  public synchronized List<StoredTicket> findByCustomer(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    List<StoredTicket> out = new ArrayList<>();
    for (long seq : byCustomer.getOrDefault(customer, new TreeSet<>())) {
      out.add(tickets.get(bySequence.get(seq)));
    }
    out.sort(Comparator.comparing((StoredTicket t) -> t.complaint().receivedAt()).thenComparingLong(StoredTicket::sequence));
    return out;
  }

  @Override
  public synchronized Optional<ComplaintFile> file(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return Optional.ofNullable(files.get(customer));
  }

  @Override
  public void forEach(Consumer<StoredTicket> action) {
    for (StoredTicket t : snapshot(false)) {
      action.accept(t);
    }
  }

  @Override
  public void forEachOpen(Consumer<StoredTicket> action) {
    for (StoredTicket t : snapshot(true)) {
      action.accept(t);
    }
  }

  private synchronized List<StoredTicket> snapshot(boolean openOnly) {
    List<StoredTicket> out = new ArrayList<>();
    for (String id : bySequence.values()) {
      StoredTicket t = tickets.get(id);
      if (!openOnly || t.complaint().state().isOpen()) {
        out.add(t);
      }
    }
    return out;
  }

  @Override
  public synchronized List<StoredTicket> dueBy(Instant until, int limit) {
    Objects.requireNonNull(until, "until");
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    List<StoredTicket> out = new ArrayList<>();
    for (Due d : due) {
      if (d.at().isAfter(until) || out.size() == limit) {
        break;
      }
      out.add(tickets.get(bySequence.get(d.sequence())));
    }
    return out;
  }

  @Override
  public synchronized long lastSequence() {
    return bySequence.isEmpty() ? 0 : bySequence.lastKey();
  }

  @Override
  public synchronized Optional<Instant> deskTime() {
    return Optional.ofNullable(deskTime);
  }

  @Override
  public synchronized void save(TicketChange change) {
    Objects.requireNonNull(change, "change");
    checkSequences(change.tickets());
    // nothing below can fail half-way: every record was validated when it was built
    for (StoredTicket t : change.tickets()) {
      StoredTicket old = tickets.put(t.id(), t);
      if (old != null) {
        old.nextDue().ifPresent(at -> due.remove(new Due(at, old.sequence())));
        old.complaint().customer().ifPresent(c -> byCustomer.get(c).remove(old.sequence()));
        bySequence.remove(old.sequence());
      }
      bySequence.put(t.sequence(), t.id());
      t.nextDue().ifPresent(at -> due.add(new Due(at, t.sequence())));
      t.complaint().customer().ifPresent(c -> byCustomer.computeIfAbsent(c, k -> new TreeSet<>()).add(t.sequence()));
    }
    for (ComplaintFile f : change.files()) {
      files.put(f.customer(), f);
    }
    for (CustomerId c : change.erasedFiles()) {
      files.remove(c);
    }
    for (Event e : change.events()) {
      outbox.put(nextOutboxId++, e);
    }
    deskTime = change.deskTime();
  }

  /**
   * Refuses, before anything is stored, a change that would give one sequence to two tickets: one
   * of the change and one stored, or two of the change.
   */
  private void checkSequences(List<StoredTicket> saved) {
    Map<Long, String> claimed = new HashMap<>();
    for (StoredTicket t : saved) {
      String other = claimed.put(t.sequence(), t.id());
      if (other == null) {
        other = bySequence.get(t.sequence());
      }
      if (other != null && !other.equals(t.id())) {
        throw new TicketStoreException("in-memory store: cannot save ticket " + t.id() + " with sequence " + t.sequence()
            + ", which ticket " + other + " has; nothing of the change was stored", StoreFailure.REFUSED, null);
      }
    }
  }

  @Override
  public synchronized List<OutboxEvent> pendingEvents(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    List<OutboxEvent> out = new ArrayList<>();
    for (Map.Entry<Long, Event> e : outbox.entrySet()) {
      if (out.size() == limit) {
        break;
      }
      out.add(new OutboxEvent(e.getKey(), e.getValue()));
    }
    return out;
  }

  @Override
  public synchronized void markDelivered(List<Long> outboxIds) {
    for (Long id : outboxIds) {
      outbox.remove(id);
    }
  }

  @Override
  public String toString() {
    return "InMemoryTicketStore";
  }
}
