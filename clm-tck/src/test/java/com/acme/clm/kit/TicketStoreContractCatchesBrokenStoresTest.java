package com.acme.clm.kit;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.StoreFailure;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintFile;
import io.clm.api.complaints.OutboxEvent;
import io.clm.api.complaints.StoredTicket;
import io.clm.api.complaints.TicketChange;
import io.clm.api.complaints.TicketStore;
import io.clm.api.complaints.TicketStoreException;
import io.clm.api.event.Event;
import io.clm.tck.TicketStoreContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The ticket store contract's checks can fail: each broken store below is caught by the check meant for it. */
class TicketStoreContractCatchesBrokenStoresTest {

  /**
   * Keeps audit trails apart from the tickets and appends to them, as a database store does. It
   * replaces a trail whose stored entries changed, but only when the trail grew: a trail saved
   * with as many entries as before it takes for unchanged, so the text an erasure replaced stays.
   */
  static class AppendOnGrowthStore implements TicketStore {
    private final Map<String, StoredTicket> tickets = new HashMap<>();
    private final Map<String, List<AuditEntry>> trails = new HashMap<>();
    private final Map<CustomerId, ComplaintFile> files = new HashMap<>();
    private final List<OutboxEvent> outbox = new ArrayList<>();
    private final Set<Long> delivered = new HashSet<>();
    private Instant deskTime;

    @Override
    public String id() {
      return "append-on-growth";
    }

    @Override
    public synchronized Optional<StoredTicket> find(String ticketId) {
      return Optional.ofNullable(tickets.get(ticketId)).map(this::withTrail);
    }

    private StoredTicket withTrail(StoredTicket t) {
      Complaint c = t.complaint();
      Complaint stored = new Complaint(c.id(), c.channel(), c.receivedAt(), c.customer(), c.orderNumber(), c.order(),
          c.content(), c.amountAtStake(), c.category(), c.flags(), c.state(), c.classification(), c.assignee(),
          c.resolution(), c.accepted(), c.policyId(), c.deadlines(), c.escalationLevel(), c.paused(), trails.get(c.id()));
      return new StoredTicket(t.sequence(), stored, t.clocks(), t.outcomes(), t.pauses(), t.pausedSince(), t.cycle(),
          t.openedCycle(), t.finishedCycle(), t.nextDue());
    }

    /** How tickets that tie on their instant are ordered: by sequence. */
    Comparator<StoredTicket> ties() {
      return Comparator.comparingLong(StoredTicket::sequence);
    }

    private List<StoredTicket> sorted(Comparator<StoredTicket> order) {
      return tickets.values().stream().map(this::withTrail).sorted(order).toList();
    }

    @Override
    public synchronized List<StoredTicket> findByCustomer(CustomerId customer) {
      return sorted(Comparator.comparing((StoredTicket t) -> t.complaint().receivedAt()).thenComparing(ties()))
          .stream().filter(t -> t.complaint().customer().equals(Optional.of(customer))).toList();
    }

    @Override
    public synchronized Optional<ComplaintFile> file(CustomerId customer) {
      return Optional.ofNullable(files.get(customer));
    }

    @Override
    public synchronized void forEach(Consumer<StoredTicket> action) {
      sorted(Comparator.comparingLong(StoredTicket::sequence)).forEach(action);
    }

    @Override
    public synchronized void forEachOpen(Consumer<StoredTicket> action) {
      sorted(Comparator.comparingLong(StoredTicket::sequence)).stream().filter(t -> t.complaint().state().isOpen()).forEach(action);
    }

    @Override
    public synchronized List<StoredTicket> dueBy(Instant until, int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit " + limit + " is below 1");
      }
      return sorted(Comparator.comparing((StoredTicket t) -> t.nextDue().orElse(Instant.MAX)).thenComparing(ties()))
          .stream().filter(t -> t.nextDue().isPresent() && !t.nextDue().get().isAfter(until)).limit(limit).toList();
    }

    @Override
    public synchronized long lastSequence() {
      return tickets.values().stream().mapToLong(StoredTicket::sequence).max().orElse(0);
    }

    @Override
    public synchronized Optional<Instant> deskTime() {
      return Optional.ofNullable(deskTime);
    }

    /** Refuses a change that would give one sequence to two tickets, before storing anything. */
    final synchronized void checkSequences(List<StoredTicket> saved) {
      Map<Long, String> owners = new HashMap<>();
      tickets.values().forEach(t -> owners.put(t.sequence(), t.id()));
      for (StoredTicket t : saved) {
        String other = owners.put(t.sequence(), t.id());
        if (other != null && !other.equals(t.id())) {
          throw new TicketStoreException("sequence " + t.sequence() + " is ticket " + other + "'s", StoreFailure.REFUSED, null);
        }
      }
    }

    @Override
    public synchronized void save(TicketChange change) {
      checkSequences(change.tickets());
      for (StoredTicket t : change.tickets()) {
        List<AuditEntry> audit = t.complaint().audit();
        List<AuditEntry> stored = trails.get(t.id());
        if (stored == null || rewritten(stored, audit)) {
          trails.put(t.id(), new ArrayList<>(audit));
        } else if (audit.size() > stored.size()) {
          stored.addAll(audit.subList(stored.size(), audit.size()));
        }
        tickets.put(t.id(), t);
      }
      change.files().forEach(f -> files.put(f.customer(), f));
      change.erasedFiles().forEach(files::remove);
      for (Event e : change.events()) {
        outbox.add(new OutboxEvent(outbox.size() + 1, e));
      }
      deskTime = change.deskTime();
    }

    /** Whether a saved trail is not the stored one with entries appended: here, only when it grew. */
    boolean rewritten(List<AuditEntry> stored, List<AuditEntry> audit) {
      return audit.size() > stored.size() && !audit.subList(0, stored.size()).equals(stored);
    }

    @Override
    public synchronized List<OutboxEvent> pendingEvents(int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit " + limit + " is below 1");
      }
      return outbox.stream().filter(e -> !delivered.contains(e.id())).limit(limit).toList();
    }

    @Override
    public synchronized void markDelivered(List<Long> outboxIds) {
      delivered.addAll(outboxIds);
    }
  }

  /**
   * Tells a rewritten trail by the number of entries and the size of each, as a store that keeps
   * a digest of the sizes alone would: it replaces a trail saved shorter or longer, but not one
   * whose entries' text changed and kept its length.
   */
  static final class SizesOnlyStore extends AppendOnGrowthStore {
    @Override
    boolean rewritten(List<AuditEntry> stored, List<AuditEntry> audit) {
      if (audit.size() < stored.size()) {
        return true;
      }
      for (int i = 0; i < stored.size(); i++) {
        if (stored.get(i).reason().length() != audit.get(i).reason().length()) {
          return true;
        }
      }
      return false;
    }
  }

  /** Orders tickets that tie on their instant by ticket id, as an index on (due, ticket id) does. */
  static final class TiesByIdStore extends AppendOnGrowthStore {
    @Override
    Comparator<StoredTicket> ties() {
      return Comparator.comparing(StoredTicket::id);
    }
  }

  /**
   * Saves a change a ticket at a time, each with the change's files and desk time, and its outbox
   * events last: a ticket that takes another's sequence is refused, but what came before it stays.
   */
  static final class NotAtomicStore extends AppendOnGrowthStore {
    @Override
    public synchronized void save(TicketChange change) {
      for (StoredTicket t : change.tickets()) {
        super.save(new TicketChange(List.of(t), change.files(), change.erasedFiles(), List.of(), change.deskTime()));
      }
      super.save(new TicketChange(List.of(), change.files(), change.erasedFiles(), change.events(), change.deskTime()));
    }
  }

  /** Keeps a customer's file when a change erases it. */
  static final class KeepsErasedFilesStore extends AppendOnGrowthStore {
    @Override
    public synchronized void save(TicketChange change) {
      super.save(new TicketChange(change.tickets(), change.files(), List.of(), change.events(), change.deskTime()));
    }
  }

  /** Forgets that outbox events were delivered. */
  static final class ForgetsDeliveriesStore extends AppendOnGrowthStore {
    @Override
    public synchronized void markDelivered(List<Long> outboxIds) {}
  }

  /** Scans every ticket from the last sequence down. */
  static final class BackwardScanStore extends AppendOnGrowthStore {
    @Override
    public synchronized void forEach(Consumer<StoredTicket> action) {
      List<StoredTicket> all = new ArrayList<>();
      super.forEach(all::add);
      java.util.Collections.reverse(all);
      all.forEach(action);
    }
  }

  /** Lists a customer's tickets by ticket id, not by receipt. */
  static final class CustomerTicketsByIdStore extends AppendOnGrowthStore {
    @Override
    public synchronized List<StoredTicket> findByCustomer(CustomerId customer) {
      return super.findByCustomer(customer).stream().sorted(Comparator.comparing(StoredTicket::id)).toList();
    }
  }

  /** Keeps no desk time. */
  static final class NoDeskTimeStore extends AppendOnGrowthStore {
    @Override
    public synchronized Optional<Instant> deskTime() {
      return Optional.empty();
    }
  }

  /** Returns every due ticket, whatever the limit. */
  static final class UnlimitedDueStore extends AppendOnGrowthStore {
    @Override
    public synchronized List<StoredTicket> dueBy(Instant until, int limit) {
      return super.dueBy(until, Integer.MAX_VALUE);
    }
  }

  /** Starts counting sequences at one. */
  static final class SequenceFromOneStore extends AppendOnGrowthStore {
    @Override
    public synchronized long lastSequence() {
      return Math.max(1, super.lastSequence());
    }
  }

  /** Indexes a ticket under every customer it was ever saved with, so an erased ticket stays found. */
  static final class CustomerIndexOnlyGrowsStore extends AppendOnGrowthStore {
    private final Map<CustomerId, Set<String>> index = new HashMap<>();

    @Override
    public synchronized void save(TicketChange change) {
      super.save(change);
      change.tickets().forEach(t -> t.complaint().customer()
          .ifPresent(c -> index.computeIfAbsent(c, k -> new HashSet<>()).add(t.id())));
    }

    @Override
    public synchronized List<StoredTicket> findByCustomer(CustomerId customer) {
      Set<String> ids = index.getOrDefault(customer, Set.of());
      List<StoredTicket> out = new ArrayList<>();
      forEach(t -> {
        if (ids.contains(t.id())) {
          out.add(t);
        }
      });
      return out;
    }
  }

  /** Keeps each ticket's first due instant, as an index that is never updated would. */
  static final class FirstDueOnlyStore extends AppendOnGrowthStore {
    private final Map<String, Instant> firstDue = new HashMap<>();

    @Override
    public synchronized void save(TicketChange change) {
      super.save(change);
      change.tickets().forEach(t -> t.nextDue().ifPresent(due -> firstDue.putIfAbsent(t.id(), due)));
    }

    @Override
    public synchronized List<StoredTicket> dueBy(Instant until, int limit) {
      if (limit < 1) {
        throw new IllegalArgumentException("limit " + limit + " is below 1");
      }
      List<StoredTicket> out = new ArrayList<>();
      forEach(t -> {
        Instant due = firstDue.get(t.id());
        if (due != null && !due.isAfter(until)) {
          out.add(t);
        }
      });
      out.sort(Comparator.comparing((StoredTicket t) -> firstDue.get(t.id())).thenComparingLong(StoredTicket::sequence));
      return out.stream().limit(limit).toList();
    }
  }

  /** Replaces a trail whenever the saved one is not the stored one with entries appended: sound. */
  static final class SoundStore extends AppendOnGrowthStore {
    @Override
    boolean rewritten(List<AuditEntry> stored, List<AuditEntry> audit) {
      return audit.size() < stored.size() || !audit.subList(0, stored.size()).equals(stored);
    }
  }

  /**
   * Writes a change's outbox events first, in a transaction of their own, and then the rest: a
   * refused change leaves its events in the outbox.
   */
  static final class EventsFirstStore extends AppendOnGrowthStore {
    @Override
    public synchronized void save(TicketChange change) {
      Instant desk = deskTime().orElse(change.deskTime());
      super.save(new TicketChange(List.of(), List.of(), List.of(), change.events(), desk));
      super.save(new TicketChange(change.tickets(), change.files(), change.erasedFiles(), List.of(), change.deskTime()));
    }
  }

  /**
   * Looks a stored ticket up through its audit rows, as a join of the ticket and audit tables does:
   * a ticket saved without audit entries is not found when it is saved again, and is inserted a
   * second time.
   */
  static final class JoinsOnTheTrailStore extends AppendOnGrowthStore {
    private final List<StoredTicket> secondRows = new ArrayList<>();

    @Override
    public synchronized void save(TicketChange change) {
      for (StoredTicket t : change.tickets()) {
        find(t.id()).filter(old -> old.complaint().audit().isEmpty()).ifPresent(old -> secondRows.add(t));
      }
      super.save(change);
    }

    @Override
    public synchronized List<StoredTicket> dueBy(Instant until, int limit) {
      List<StoredTicket> out = new ArrayList<>(super.dueBy(until, limit));
      secondRows.stream().filter(t -> t.nextDue().filter(due -> !due.isAfter(until)).isPresent()).forEach(out::add);
      return out.stream().limit(limit).toList();
    }
  }

  /** Takes the earliest ticket of the due index before it checks whether it is due (a do-while loop). */
  static final class EarliestAlwaysDueStore extends AppendOnGrowthStore {
    @Override
    public synchronized List<StoredTicket> dueBy(Instant until, int limit) {
      List<StoredTicket> all = super.dueBy(Instant.MAX, Integer.MAX_VALUE);
      if (all.isEmpty()) {
        return all;
      }
      List<StoredTicket> out = new ArrayList<>();
      int next = 0;
      do {
        out.add(all.get(next++));
      } while (next < all.size() && out.size() < limit && !all.get(next).nextDue().orElseThrow().isAfter(until));
      return out;
    }
  }

  /** Keeps a delivery mark: every event up to the highest id given counts as delivered. */
  static final class DeliveryMarkStore extends AppendOnGrowthStore {
    private long mark;

    @Override
    public synchronized List<OutboxEvent> pendingEvents(int limit) {
      return super.pendingEvents(limit).stream().filter(e -> e.id() > mark).toList();
    }

    @Override
    public synchronized void markDelivered(List<Long> outboxIds) {
      outboxIds.forEach(id -> mark = Math.max(mark, id));
    }
  }

  /** Inserts each delivered id into a table keyed by it: an id marked twice is refused. */
  static final class DeliveredOnceStore extends AppendOnGrowthStore {
    private final Set<Long> marked = new HashSet<>();

    @Override
    public synchronized void markDelivered(List<Long> outboxIds) {
      for (long id : outboxIds) {
        if (!marked.add(id)) {
          throw new TicketStoreException("outbox event " + id + " is already delivered", StoreFailure.REFUSED, null);
        }
      }
      super.markDelivered(outboxIds);
    }
  }

  /** Builds {@code WHERE id IN (...)} from the ids given: no id at all is a syntax error. */
  static final class NoEmptyDeliveryStore extends AppendOnGrowthStore {
    @Override
    public synchronized void markDelivered(List<Long> outboxIds) {
      if (outboxIds.isEmpty()) {
        throw new TicketStoreException("syntax error at or near \")\" in IN ()", StoreFailure.REFUSED, null);
      }
      super.markDelivered(outboxIds);
    }
  }

  /** Scans every ticket as open, whatever its state. */
  static final class EveryTicketOpenStore extends AppendOnGrowthStore {
    @Override
    public synchronized void forEachOpen(Consumer<StoredTicket> action) {
      forEach(action);
    }
  }

  /** One table of a store that an earlier check wrote: each is one a factory forgot to clear. */
  enum Table {
    CUSTOMER_INDEX, DUE_INDEX, OUTBOX, TICKETS
  }

  /**
   * A new store over a database an earlier check wrote, whose factory cleared every table but one:
   * that table still answers with the earlier check's rows; the sequence, the desk time and the
   * tickets found by id are new.
   */
  static final class OneTableLeftOverStore extends AppendOnGrowthStore {
    private final Table left;
    private final TicketStore earlier;

    OneTableLeftOverStore(Table left, TicketStore earlier) {
      this.left = left;
      this.earlier = earlier;
    }

    @Override
    public synchronized List<StoredTicket> findByCustomer(CustomerId customer) {
      return left == Table.CUSTOMER_INDEX ? earlier.findByCustomer(customer) : super.findByCustomer(customer);
    }

    @Override
    public synchronized List<StoredTicket> dueBy(Instant until, int limit) {
      return left == Table.DUE_INDEX ? earlier.dueBy(until, limit) : super.dueBy(until, limit);
    }

    @Override
    public synchronized List<OutboxEvent> pendingEvents(int limit) {
      return left == Table.OUTBOX ? earlier.pendingEvents(limit) : super.pendingEvents(limit);
    }

    @Override
    public synchronized void forEach(Consumer<StoredTicket> action) {
      if (left == Table.TICKETS) {
        earlier.forEach(action);
      } else {
        super.forEach(action);
      }
    }
  }

  private static TicketStoreContract contract(java.util.function.Supplier<TicketStore> store) {
    return new TicketStoreContract() {
      @Override
      protected TicketStore createStore() {
        return store.get();
      }
    };
  }

  @Test
  void storesBrokenInTheirIndexesScansFilesOutboxOrClockAreCaught() {
    assertThatThrownBy(contract(SequenceFromOneStore::new)::aNewStoreIsEmpty).isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract(NoDeskTimeStore::new)::aTicketWithEveryFieldComesBackEqual)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract(FirstDueOnlyStore::new)::aSaveReplacesTheTicketAndItsGrowingAuditTrail)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract(CustomerIndexOnlyGrowsStore::new)::anErasedTicketKeepsNoTraceOfItsCustomerOrOldAuditText)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract(UnlimitedDueStore::new)::dueByReturnsTheDueTicketsEarliestFirstThenBySequenceUpToTheLimit)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract(FirstDueOnlyStore::new)::dueByReturnsTheDueTicketsEarliestFirstThenBySequenceUpToTheLimit)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract(BackwardScanStore::new)::scansVisitEveryTicketOrOnlyTheOpenOnesInSequenceOrder)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract(CustomerTicketsByIdStore::new)::findByCustomerOrdersByReceiptThenSequence)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract(KeepsErasedFilesStore::new)::filesAreReplacedAndErased).isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract(ForgetsDeliveriesStore::new)::outboxEventsKeepTheirOrderAndStayPendingUntilDelivered)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void theReferenceStorePassesTheChecksTheBrokenStoresFail() {
    TicketStoreContract sound = contract(AppendOnGrowthStore::new);
    org.assertj.core.api.Assertions.assertThatCode(() -> {
      sound.aNewStoreIsEmpty();
      sound.aTicketWithEveryFieldComesBackEqual();
      sound.aSaveReplacesTheTicketAndItsGrowingAuditTrail();
      sound.anErasedTicketKeepsNoTraceOfItsCustomerOrOldAuditText();
      sound.dueByReturnsTheDueTicketsEarliestFirstThenBySequenceUpToTheLimit();
      sound.scansVisitEveryTicketOrOnlyTheOpenOnesInSequenceOrder();
      sound.findByCustomerOrdersByReceiptThenSequence();
      sound.filesAreReplacedAndErased();
      sound.outboxEventsKeepTheirOrderAndStayPendingUntilDelivered();
    }).doesNotThrowAnyException();
  }

  /** Every other check of the contract passes the store: it is broken in one way only. */
  @Nested
  class TheOtherChecksPass extends TicketStoreContract {
    @Override
    protected TicketStore createStore() {
      return new AppendOnGrowthStore();
    }

    @Override
    public void anErasedTrailOfTheSameLengthReplacesTheOldAuditText() {
      // the check the store fails, below
    }

    @Override
    public void aShorterTrailReplacesTheLongerOne() {
      // the store keeps the longer trail, as it keeps one of the same length
    }
  }

  /** Every other check of the contract passes the store that compares trails by their sizes. */
  @Nested
  class TheOtherChecksPassSizesOnly extends TicketStoreContract {
    @Override
    protected TicketStore createStore() {
      return new SizesOnlyStore();
    }

    @Override
    public void anErasedTrailOfTheSameLengthReplacesTheOldAuditText() {
      // the check the store fails, below
    }
  }

  /** Every other check of the contract passes the store that breaks ties by id. */
  @Nested
  class TheOtherChecksPassTiesById extends TicketStoreContract {
    @Override
    protected TicketStore createStore() {
      return new TiesByIdStore();
    }

    @Override
    public void anErasedTrailOfTheSameLengthReplacesTheOldAuditText() {
      // the store keeps the trail as the other broken store does
    }

    @Override
    public void aShorterTrailReplacesTheLongerOne() {
      // the store keeps the longer trail, as it keeps one of the same length
    }

    @Override
    public void tiesGoBySequenceNotByTicketId() {
      // the check the store fails, below
    }
  }

  /** Every other check of the contract passes the store that saves a ticket at a time. */
  @Nested
  class TheOtherChecksPassNotAtomic extends TicketStoreContract {
    @Override
    protected TicketStore createStore() {
      return new NotAtomicStore();
    }

    @Override
    public void anErasedTrailOfTheSameLengthReplacesTheOldAuditText() {
      // the store keeps the trail as the other broken stores do
    }

    @Override
    public void aShorterTrailReplacesTheLongerOne() {
      // the store keeps the longer trail, as it keeps one of the same length
    }

    @Override
    public void aChangeGivingOneSequenceToTwoTicketsIsRefusedWhole() {
      // the check the store fails, below
    }
  }

  @Test
  void aStoreThatKeepsPartOfARefusedChangeIsCaught() {
    TicketStoreContract c = contract(NotAtomicStore::new);
    assertThatThrownBy(c::aChangeGivingOneSequenceToTwoTicketsIsRefusedWhole)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("a ticket of the refused change");
  }

  @Test
  void aStoreThatBreaksTiesByTicketIdIsCaught() {
    TicketStoreContract c = contract(TiesByIdStore::new);
    assertThatThrownBy(c::tiesGoBySequenceNotByTicketId)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("tickets due, ties by sequence");
  }

  @Test
  void aStoreThatKeepsAnErasedTrailOfTheSameLengthIsCaught() {
    TicketStoreContract c = contract(AppendOnGrowthStore::new);
    assertThatThrownBy(c::anErasedTrailOfTheSameLengthReplacesTheOldAuditText)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("audit trail rewritten by erasure with as many entries as before");
  }

  @Test
  void aStoreThatComparesTrailsByTheirSizesIsCaught() {
    TicketStoreContract c = contract(SizesOnlyStore::new);
    assertThatThrownBy(c::anErasedTrailOfTheSameLengthReplacesTheOldAuditText)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("audit trail rewritten by erasure with as many entries as before");
  }

  @Test
  void aStoreThatKeepsTheLongerTrailIsCaught() {
    TicketStoreContract c = contract(AppendOnGrowthStore::new);
    assertThatThrownBy(c::aShorterTrailReplacesTheLongerOne)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("audit trail saved shorter");
  }

  /** Every check of the contract passes the sound store. */
  @Nested
  class TheSoundStorePassesEveryCheck extends TicketStoreContract {
    @Override
    protected TicketStore createStore() {
      return new SoundStore();
    }
  }

  @Test
  void aStoreThatKeepsTheEventsOfARefusedChangeIsCaught() {
    assertThatThrownBy(contract(EventsFirstStore::new)::aChangeGivingOneSequenceToTwoTicketsIsRefusedWhole)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("the outbox after a refused change");
  }

  @Test
  void aStoreThatInsertsATicketSavedWithoutAuditEntriesAgainIsCaught() {
    assertThatCode(contract(JoinsOnTheTrailStore::new)::dueByReturnsTheDueTicketsEarliestFirstThenBySequenceUpToTheLimit)
        .doesNotThrowAnyException();
    assertThatThrownBy(contract(JoinsOnTheTrailStore::new)::aTicketWithoutAuditEntriesIsSavedAgain)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("\"T-1\", \"T-1\"");
  }

  @Test
  void aStoreThatReturnsTheEarliestTicketWhenNoneIsDueIsCaught() {
    assertThatThrownBy(contract(EarliestAlwaysDueStore::new)::dueByReturnsTheDueTicketsEarliestFirstThenBySequenceUpToTheLimit)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("tickets due before the earliest due instant");
  }

  @Test
  void storesThatMarkTooMuchOrFailOnARepeatedOrEmptyDeliveryAreCaught() {
    assertThatThrownBy(contract(DeliveryMarkStore::new)::outboxEventsKeepTheirOrderAndStayPendingUntilDelivered)
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(contract(DeliveredOnceStore::new)::outboxEventsKeepTheirOrderAndStayPendingUntilDelivered)
        .isInstanceOf(TicketStoreException.class)
        .hasMessageContaining("is already delivered");
    assertThatThrownBy(contract(NoEmptyDeliveryStore::new)::outboxEventsKeepTheirOrderAndStayPendingUntilDelivered)
        .isInstanceOf(TicketStoreException.class)
        .hasMessageContaining("IN ()");
  }

  @Test
  void aStoreThatScansClosedTicketsAsOpenIsCaught() {
    assertThatThrownBy(contract(EveryTicketOpenStore::new)::scansVisitEveryTicketOrOnlyTheOpenOnesInSequenceOrder)
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void aNewStoreWithATableLeftFromAnEarlierCheckIsCaught() {
    for (Table left : Table.values()) {
      TicketStore earlier = new AppendOnGrowthStore();
      TicketStoreContract filling = contract(() -> earlier);
      filling.aTicketWithEveryFieldComesBackEqual();
      filling.outboxEventsKeepTheirOrderAndStayPendingUntilDelivered();
      assertThatThrownBy(contract(() -> new OneTableLeftOverStore(left, earlier))::aNewStoreIsEmpty)
          .as("a new store with the %s of an earlier check", left)
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining(switch (left) {
            case CUSTOMER_INDEX -> "a customer's tickets in a new store";
            case DUE_INDEX -> "the due tickets of a new store";
            case OUTBOX -> "the outbox of a new store";
            case TICKETS -> "the tickets a new store scans";
          });
    }
  }
}
