package io.clm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.StoreFailure;
import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.Classification;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintFile;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.Order;
import io.clm.api.complaints.OutboxEvent;
import io.clm.api.complaints.Resolution;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.complaints.StoredTicket;
import io.clm.api.complaints.TicketChange;
import io.clm.api.complaints.TicketStore;
import io.clm.api.complaints.TicketStoreException;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Event;
import io.clm.api.event.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract of a complaint desk's {@link TicketStore}, which every ticket store runs: the
 * in-memory one, a database store, a vendor's own. Extend it with one factory method that returns
 * a new, empty store:
 *
 * <pre>{@code
 * class MyTicketStoreTest extends TicketStoreContract {
 *   @Override
 *   protected TicketStore createStore() {
 *     return new MyTicketStore(freshDatabase());
 *   }
 * }
 * }</pre>
 *
 * <p>It checks that a ticket with every field set comes back equal; that a save replaces a ticket
 * and its audit trail, including a trail rewritten by erasure, longer than before or as long (its
 * entries' sizes unchanged), and a trail saved shorter; that
 * the due index, the customer index and the scans find exactly the tickets they should, in order,
 * ties by sequence;
 * that files, the desk clock and the outbox keep what was saved; that outbox events stay pending
 * until marked delivered; and that a sequence belongs to one ticket: a change that would give it to
 * two is refused whole, and a ticket saved with another sequence moves to it.
 */
@Experimental
public abstract class TicketStoreContract {
  private static final Instant T0 = Instant.parse("2025-03-03T09:15:30.123456789Z");
  private static final CustomerId ANNA = CustomerId.of("ticket-contract-anna");
  private static final CustomerId BEN = CustomerId.of("ticket-contract-ben");

  /** For subclasses. */
  protected TicketStoreContract() {}

  /**
   * A new, empty store.
   *
   * @return the store
   */
  protected abstract TicketStore createStore();

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static List<AuditEntry> audit(int entries, String reason) {
    List<AuditEntry> out = new ArrayList<>();
    for (int i = 0; i < entries; i++) {
      out.add(new AuditEntry(at(i), i % 2 == 0 ? "agent-7" : "clock", "step-" + i, ComplaintState.RECEIVED,
          ComplaintState.ACKNOWLEDGED, reason + " " + i));
    }
    return out;
  }

  /** A ticket with every optional field set. */
  private static StoredTicket full(long seq, String id, CustomerId customer, ComplaintState state, Instant due, List<AuditEntry> audit) {
    Complaint c = new Complaint(id, ComplaintChannel.PHONE, at(0), Optional.of(customer), Optional.of("ORD-1"),
        Optional.of(new Order("ORD-1", customer, at(-86_400), "card renewal", Optional.of(Money.of("12.30", "EUR")), "shipped")),
        "card was charged twice", Optional.of(Money.of("1234.56", "EUR")), "payment-services",
        Set.of(ComplaintFlag.ORDER_UNVERIFIED), state, Optional.of(new Classification(Severity.URGENT, "fraud-words")),
        Optional.of("payments-team"), Optional.of(new Resolution("refunded", Optional.of(Money.of("20.00", "EUR")), "duplicate-charge")),
        Optional.of(Boolean.TRUE), "psd2", Map.of(SlaTarget.RESOLUTION, at(1_296_000)), 1, true, audit);
    return new StoredTicket(seq, c,
        List.of(new StoredTicket.SlaClock(SlaTarget.RESOLUTION, at(0), 1, true, false, 2, Optional.of(at(1_296_000)))),
        List.of(new StoredTicket.SlaOutcome(SlaTarget.FIRST_RESPONSE, "psd2", true, at(60))),
        List.of(new StoredTicket.Pause(at(100), at(200))), Optional.of(at(300)), 2, 2, 1, Optional.ofNullable(due));
  }

  /** A ticket with no optional field set. */
  private static StoredTicket bare(long seq, String id, ComplaintState state, Instant due) {
    Complaint c = new Complaint(id, ComplaintChannel.WEB, at(seq), Optional.empty(), Optional.empty(), Optional.empty(),
        "text " + id, Optional.empty(), "general", Set.of(ComplaintFlag.UNIDENTIFIED_CUSTOMER), state, Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), "standard", Map.of(), 0, false, audit(1, "received"));
    return new StoredTicket(seq, c, List.of(), List.of(), List.of(), Optional.empty(), 1, 0, 0, Optional.ofNullable(due));
  }

  private static void save(TicketStore store, List<StoredTicket> tickets, List<Event> events, Instant deskTime) {
    store.save(new TicketChange(tickets, List.of(), List.of(), events, deskTime));
  }

  private static List<String> ids(List<StoredTicket> tickets) {
    return tickets.stream().map(StoredTicket::id).toList();
  }

  /** A new store holds nothing: no ticket, file, outbox event, sequence or desk time. */
  @Test
  public void aNewStoreIsEmpty() {
    TicketStore store = createStore();
    assertThat(store.id()).isNotBlank();
    assertThat(store.lastSequence()).isZero();
    assertThat(store.deskTime()).isEmpty();
    assertThat(store.find("T-1")).isEmpty();
    assertThat(store.findByCustomer(ANNA)).as("a customer's tickets in a new store").isEmpty();
    assertThat(store.file(ANNA)).isEmpty();
    assertThat(store.dueBy(Instant.MAX, 10)).as("the due tickets of a new store").isEmpty();
    assertThat(store.pendingEvents(10)).as("the outbox of a new store").isEmpty();
    List<StoredTicket> seen = new ArrayList<>();
    store.forEach(seen::add);
    assertThat(seen).as("the tickets a new store scans").isEmpty();
  }

  /**
   * A ticket with every optional field set, and one with none, come back equal, with the desk time
   * and the last sequence saved with them.
   */
  @Test
  public void aTicketWithEveryFieldComesBackEqual() {
    TicketStore store = createStore();
    StoredTicket full = full(1, "T-1", ANNA, ComplaintState.IN_PROGRESS, at(500), audit(3, "note"));
    StoredTicket bare = bare(2, "T-2", ComplaintState.RECEIVED, null);
    save(store, List.of(full, bare), List.of(), at(400));

    assertThat(store.find("T-1")).contains(full);
    assertThat(store.find("T-2")).contains(bare);
    assertThat(store.findByCustomer(ANNA)).containsExactly(full);
    assertThat(store.lastSequence()).isEqualTo(2);
    assertThat(store.deskTime()).contains(at(400));
  }

  /**
   * A second save of a ticket replaces it and its longer audit trail, and takes it out of the due
   * index when it is no longer due.
   */
  @Test
  public void aSaveReplacesTheTicketAndItsGrowingAuditTrail() {
    TicketStore store = createStore();
    save(store, List.of(full(1, "T-1", ANNA, ComplaintState.IN_PROGRESS, at(500), audit(2, "note"))), List.of(), at(1));
    StoredTicket grown = full(1, "T-1", ANNA, ComplaintState.RESOLVED, null, audit(5, "note"));
    save(store, List.of(grown), List.of(), at(2));

    assertThat(store.find("T-1")).contains(grown);
    assertThat(store.dueBy(Instant.MAX, 10)).isEmpty();
    assertThat(store.lastSequence()).isEqualTo(1);
    assertThat(store.deskTime()).contains(at(2));
  }

  /** A ticket saved again erased comes back as saved, and its customer no longer finds it. */
  @Test
  public void anErasedTicketKeepsNoTraceOfItsCustomerOrOldAuditText() {
    TicketStore store = createStore();
    save(store, List.of(full(1, "T-1", ANNA, ComplaintState.CLOSED, null, audit(3, "private words"))), List.of(), at(1));
    StoredTicket erased = new StoredTicket(1, new Complaint("T-1", ComplaintChannel.PHONE, at(0), Optional.empty(), Optional.empty(),
        Optional.empty(), "[erased]", Optional.empty(), "general", Set.of(ComplaintFlag.ERASED), ComplaintState.CLOSED,
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "psd2", Map.of(), 0, false,
        audit(4, "[erased]")), List.of(), List.of(), List.of(), Optional.empty(), 1, 1, 1, Optional.empty());
    save(store, List.of(erased), List.of(), at(2));

    assertThat(store.find("T-1")).contains(erased);
    assertThat(store.findByCustomer(ANNA)).isEmpty();
  }

  /**
   * An erasure may rewrite a trail without lengthening it: the desk then saves as many entries as
   * before, their free text replaced. A store that appends must still notice the change and
   * replace the trail, not take a trail of the same length for one that has not changed. Here
   * the new text is as long as the old, so that not even the size of an entry changes: a store
   * that compares entries by their sizes misses it.
   */
  @Test
  public void anErasedTrailOfTheSameLengthReplacesTheOldAuditText() {
    TicketStore store = createStore();
    StoredTicket before = full(1, "T-1", ANNA, ComplaintState.CLOSED, null, audit(3, "private words"));
    store.save(new TicketChange(List.of(before), List.of(), List.of(), List.of(), at(1)));
    Complaint c = before.complaint();
    StoredTicket erased = new StoredTicket(1, new Complaint("T-1", c.channel(), c.receivedAt(), Optional.empty(),
        Optional.empty(), Optional.empty(), "[erased]", Optional.empty(), c.category(), Set.of(ComplaintFlag.ERASED),
        c.state(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), c.policyId(), Map.of(), 0,
        false, audit(3, "[erased text]")), List.of(), List.of(), List.of(), Optional.empty(), 1, 1, 1, Optional.empty());
    store.save(new TicketChange(List.of(erased), List.of(), List.of(), List.of(), at(2)));

    assertThat(store.find("T-1").orElseThrow().complaint().audit())
        .as("audit trail rewritten by erasure with as many entries as before")
        .isEqualTo(audit(3, "[erased text]"));
    assertThat(store.find("T-1")).contains(erased);
  }

  /** A ticket saved with no audit entry yet is saved again as any other: replaced, not added twice. */
  @Test
  public void aTicketWithoutAuditEntriesIsSavedAgain() {
    TicketStore store = createStore();
    StoredTicket first = bare(1, "T-1", ComplaintState.RECEIVED, at(30));
    Complaint c = first.complaint();
    StoredTicket empty = new StoredTicket(1, new Complaint(c.id(), c.channel(), c.receivedAt(), c.customer(), c.orderNumber(),
        c.order(), c.content(), c.amountAtStake(), c.category(), c.flags(), c.state(), c.classification(), c.assignee(),
        c.resolution(), c.accepted(), c.policyId(), c.deadlines(), c.escalationLevel(), c.paused(), List.of()),
        List.of(), List.of(), List.of(), Optional.empty(), 1, 0, 0, Optional.of(at(30)));
    store.save(new TicketChange(List.of(empty), List.of(), List.of(), List.of(), at(1)));
    StoredTicket again = bare(1, "T-1", ComplaintState.ACKNOWLEDGED, at(40));
    store.save(new TicketChange(List.of(again), List.of(), List.of(), List.of(), at(2)));

    assertThat(store.find("T-1")).as("a ticket first saved without audit entries").contains(again);
    assertThat(ids(store.dueBy(Instant.MAX, 10))).containsExactly("T-1");
  }

  /**
   * A save replaces the ticket whole, its audit trail too, also when the trail saved is shorter
   * than the one stored: the store keeps no entry beyond it.
   */
  @Test
  public void aShorterTrailReplacesTheLongerOne() {
    TicketStore store = createStore();
    store.save(new TicketChange(
        List.of(full(1, "T-1", ANNA, ComplaintState.CLOSED, null, audit(4, "note"))), List.of(), List.of(), List.of(), at(1)));
    StoredTicket shorter = full(1, "T-1", ANNA, ComplaintState.CLOSED, null, audit(2, "note"));
    store.save(new TicketChange(List.of(shorter), List.of(), List.of(), List.of(), at(2)));

    assertThat(store.find("T-1").orElseThrow().complaint().audit()).as("audit trail saved shorter").isEqualTo(audit(2, "note"));
    assertThat(store.find("T-1")).contains(shorter);
  }

  /**
   * A sequence belongs to one ticket, and a refused change stores none of itself: neither the
   * tickets, files and outbox events before the ticket that takes another's sequence, nor the desk
   * time. Checked for a sequence a stored ticket has and for one that two tickets of the change
   * share.
   */
  @Test
  public void aChangeGivingOneSequenceToTwoTicketsIsRefusedWhole() {
    TicketStore store = createStore();
    StoredTicket first = bare(1, "T-1", ComplaintState.RECEIVED, at(30));
    store.save(new TicketChange(List.of(first), List.of(), List.of(), List.of(), at(1)));
    ComplaintFile file = new ComplaintFile(ANNA, List.of("email"), Set.of("cards"));
    Event opened = new ComplaintOpened("T-2/opened/1", ANNA, at(2), "T-2", Severity.NORMAL);

    for (List<StoredTicket> clash : List.of(
        List.of(bare(2, "T-2", ComplaintState.RECEIVED, at(10)), bare(1, "T-3", ComplaintState.RECEIVED, at(10))),
        List.of(bare(2, "T-2", ComplaintState.RECEIVED, at(10)), bare(2, "T-3", ComplaintState.RECEIVED, at(10))))) {
      assertThatThrownBy(() -> store.save(new TicketChange(clash, List.of(file), List.of(), List.of(opened), at(2))))
          .as("a change giving sequence %d to two tickets", clash.get(1).sequence())
          .isInstanceOfSatisfying(TicketStoreException.class, e -> assertThat(e.kind()).isEqualTo(StoreFailure.REFUSED));

      assertThat(store.find("T-2")).as("a ticket of the refused change").isEmpty();
      assertThat(store.find("T-3")).as("a ticket of the refused change").isEmpty();
      assertThat(store.find("T-1")).as("the stored ticket").contains(first);
      assertThat(store.file(ANNA)).as("a file of the refused change").isEmpty();
      assertThat(store.pendingEvents(10)).as("the outbox after a refused change").isEmpty();
      assertThat(store.deskTime()).as("the desk time after a refused change").contains(at(1));
      assertThat(store.lastSequence()).isEqualTo(1);
      assertThat(ids(store.dueBy(Instant.MAX, 10))).containsExactly("T-1");
      List<StoredTicket> all = new ArrayList<>();
      store.forEach(all::add);
      assertThat(all).containsExactly(first);
    }
  }

  /** A ticket saved again with another sequence is found under it only, once. */
  @Test
  public void aTicketSavedWithAnotherSequenceMovesToIt() {
    TicketStore store = createStore();
    store.save(new TicketChange(List.of(
        full(1, "T-1", ANNA, ComplaintState.RECEIVED, at(10), audit(1, "a")),
        bare(2, "T-2", ComplaintState.RECEIVED, at(10))), List.of(), List.of(), List.of(), at(1)));
    StoredTicket moved = full(3, "T-1", ANNA, ComplaintState.RECEIVED, at(20), audit(2, "a"));
    store.save(new TicketChange(List.of(moved), List.of(), List.of(), List.of(), at(2)));

    List<StoredTicket> all = new ArrayList<>();
    store.forEach(all::add);
    assertThat(ids(all)).as("every ticket, in sequence order").containsExactly("T-2", "T-1");
    List<StoredTicket> open = new ArrayList<>();
    store.forEachOpen(open::add);
    assertThat(ids(open)).as("the open tickets, in sequence order").containsExactly("T-2", "T-1");
    assertThat(ids(store.dueBy(Instant.MAX, 10))).as("the due tickets").containsExactly("T-2", "T-1");
    assertThat(ids(store.dueBy(at(10), 10))).as("the tickets due by the moved one's old time").containsExactly("T-2");
    assertThat(store.findByCustomer(ANNA)).containsExactly(moved);
    assertThat(store.lastSequence()).isEqualTo(3);
    store.save(new TicketChange(List.of(bare(1, "T-4", ComplaintState.RECEIVED, null)), List.of(), List.of(), List.of(), at(3)));
    assertThat(store.find("T-4")).as("a ticket given the sequence another ticket left").isPresent();
  }

  /**
   * The due index returns the tickets due by an instant, earliest first, ties by sequence, at most
   * the limit; a limit below 1 is refused; a ticket saved with a new due instant moves.
   */
  @Test
  public void dueByReturnsTheDueTicketsEarliestFirstThenBySequenceUpToTheLimit() {
    TicketStore store = createStore();
    save(store, List.of(
        bare(1, "T-1", ComplaintState.RECEIVED, at(30)),
        bare(2, "T-2", ComplaintState.RECEIVED, at(10)),
        bare(3, "T-3", ComplaintState.RECEIVED, at(30)),
        bare(4, "T-4", ComplaintState.RECEIVED, at(30).plusNanos(1)),
        bare(5, "T-5", ComplaintState.RECEIVED, null)), List.of(), at(0));

    assertThat(ids(store.dueBy(at(30), 10))).containsExactly("T-2", "T-1", "T-3");
    assertThat(ids(store.dueBy(at(30), 2))).containsExactly("T-2", "T-1");
    assertThat(ids(store.dueBy(at(30), 1))).as("the smallest limit").containsExactly("T-2");
    assertThat(ids(store.dueBy(at(9), 10))).as("tickets due before the earliest due instant").isEmpty();
    assertThat(ids(store.dueBy(Instant.MAX, 10))).containsExactly("T-2", "T-1", "T-3", "T-4");
    assertThatThrownBy(() -> store.dueBy(at(30), 0)).isInstanceOf(IllegalArgumentException.class);

    save(store, List.of(bare(2, "T-2", ComplaintState.RECEIVED, at(40))), List.of(), at(1));
    assertThat(ids(store.dueBy(at(40), 10))).containsExactly("T-1", "T-3", "T-4", "T-2");
  }

  /**
   * Ties are broken by sequence, not by ticket id: tickets due at the same instant, and a
   * customer's tickets received at the same instant, come in the order of their sequences, here the
   * opposite of the order of their ids ({@code T-10} sorts before {@code T-9}).
   */
  @Test
  public void tiesGoBySequenceNotByTicketId() {
    TicketStore store = createStore();
    store.save(new TicketChange(List.of(
        full(9, "T-9", ANNA, ComplaintState.RECEIVED, at(30), audit(1, "a")),
        full(10, "T-10", ANNA, ComplaintState.RECEIVED, at(30), audit(1, "b")),
        bare(11, "T-11", ComplaintState.RECEIVED, at(20))), List.of(), List.of(), List.of(), at(0)));

    assertThat(ids(store.dueBy(at(30), 10))).as("tickets due, ties by sequence").containsExactly("T-11", "T-9", "T-10");
    assertThat(ids(store.findByCustomer(ANNA)))
        .as("a customer's tickets received at the same instant, by sequence")
        .containsExactly("T-9", "T-10");
  }

  /**
   * The scans visit every ticket, or only the open ones, in sequence order, over more tickets than
   * a database store reads in one page.
   */
  @Test
  public void scansVisitEveryTicketOrOnlyTheOpenOnesInSequenceOrder() {
    TicketStore store = createStore();
    List<StoredTicket> tickets = new ArrayList<>();
    List<String> open = new ArrayList<>();
    // more tickets than a database store reads in one page
    for (int i = 1; i <= 1_100; i++) {
      ComplaintState state = i % 3 == 0 ? ComplaintState.CLOSED : ComplaintState.IN_PROGRESS;
      tickets.add(bare(1_101 - i, "T-" + (1_101 - i), state, null));
      if (state.isOpen()) {
        open.add(0, "T-" + (1_101 - i));
      }
    }
    save(store, tickets, List.of(), at(0));

    List<StoredTicket> all = new ArrayList<>();
    store.forEach(all::add);
    assertThat(all).extracting(StoredTicket::sequence).isSorted().hasSize(1_100).doesNotHaveDuplicates();
    List<StoredTicket> opened = new ArrayList<>();
    store.forEachOpen(opened::add);
    assertThat(ids(opened)).containsExactlyElementsOf(open);
    assertThat(store.lastSequence()).isEqualTo(1_100);
  }

  /** A customer's tickets come by receipt, then sequence, and only that customer's. */
  @Test
  public void findByCustomerOrdersByReceiptThenSequence() {
    TicketStore store = createStore();
    StoredTicket late = full(1, "T-1", ANNA, ComplaintState.RECEIVED, null, audit(1, "a"));
    Complaint early = late.complaint();
    StoredTicket first = new StoredTicket(2, new Complaint("T-2", early.channel(), at(-10), early.customer(), early.orderNumber(),
        early.order(), early.content(), early.amountAtStake(), early.category(), early.flags(), early.state(),
        early.classification(), early.assignee(), early.resolution(), early.accepted(), early.policyId(), early.deadlines(),
        early.escalationLevel(), early.paused(), early.audit()), List.of(), List.of(), List.of(), Optional.empty(), 1, 0, 0,
        Optional.empty());
    save(store, List.of(late, first, full(3, "T-3", BEN, ComplaintState.RECEIVED, null, audit(1, "b"))), List.of(), at(0));

    assertThat(ids(store.findByCustomer(ANNA))).containsExactly("T-2", "T-1");
    assertThat(ids(store.findByCustomer(BEN))).containsExactly("T-3");
  }

  /** A customer's complaint file is replaced by a later save and removed by an erasure. */
  @Test
  public void filesAreReplacedAndErased() {
    TicketStore store = createStore();
    ComplaintFile anna = new ComplaintFile(ANNA, List.of("email"), Set.of("cards"));
    store.save(new TicketChange(List.of(), List.of(anna, new ComplaintFile(BEN, List.of(), Set.of())), List.of(), List.of(), at(1)));
    assertThat(store.file(ANNA)).contains(anna);

    ComplaintFile changed = new ComplaintFile(ANNA, List.of("email", "no calls"), Set.of("cards", "loans"));
    store.save(new TicketChange(List.of(), List.of(changed), List.of(BEN), List.of(), at(2)));
    assertThat(store.file(ANNA)).contains(changed);
    assertThat(store.file(BEN)).isEmpty();
  }

  /**
   * Outbox events come in the order saved, with increasing ids, up to the limit, and stay pending
   * until marked delivered; ids never seen are ignored, a limit below 1 is refused, and an event
   * saved again gets a new id.
   */
  @Test
  public void outboxEventsKeepTheirOrderAndStayPendingUntilDelivered() {
    TicketStore store = createStore();
    Event opened = new ComplaintOpened("T-1/opened/1", ANNA, at(1), "T-1", Severity.URGENT);
    Event resolved = new ComplaintResolved("T-1/resolved/1", ANNA, at(2), "T-1", true);
    Event other = new ComplaintOpened("T-2/opened/1", BEN, at(3), "T-2", Severity.NORMAL);
    save(store, List.of(), List.of(opened, resolved), at(2));
    save(store, List.of(), List.of(other), at(3));

    List<OutboxEvent> pending = store.pendingEvents(10);
    assertThat(pending).extracting(OutboxEvent::event).containsExactly(opened, resolved, other);
    assertThat(pending).extracting(OutboxEvent::id).isSorted().doesNotHaveDuplicates();
    assertThat(store.pendingEvents(2)).containsExactlyElementsOf(pending.subList(0, 2));
    assertThat(store.pendingEvents(1)).as("the smallest limit").containsExactly(pending.get(0));

    store.markDelivered(List.of(pending.get(0).id(), pending.get(0).id() + 1_000_000));
    assertThat(store.pendingEvents(10)).containsExactlyElementsOf(pending.subList(1, 3));
    store.markDelivered(List.of(pending.get(0).id()));
    store.markDelivered(List.of());
    assertThat(store.pendingEvents(10)).containsExactlyElementsOf(pending.subList(1, 3));

    save(store, List.of(), List.of(opened), at(4));
    List<OutboxEvent> after = store.pendingEvents(10);
    assertThat(after.get(2).id()).isGreaterThan(pending.get(2).id());
    assertThatThrownBy(() -> store.pendingEvents(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
