package io.clm.complaints.desk;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.complaints.StoredTicket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Erases a customer's complaint data: every ticket keeps what the regulator's record-keeping needs
 * and loses the rest, and the customer's file goes, in one change.
 */
final class Erasure {
  private Erasure() {}

  static List<String> erase(Desk d, CustomerId customer, String actor, Instant at) {
    Objects.requireNonNull(customer, "customer");
    Guards.requireActor(actor);
    Objects.requireNonNull(at, "at");
    d.requireTime(at);
    List<StoredTicket> all = d.store.findByCustomer(customer);
    List<String> open = new ArrayList<>();
    for (StoredTicket s : all) {
      if (s.complaint().state().isOpen()) {
        open.add(s.id());
      }
    }
    if (!open.isEmpty()) {
      throw new IllegalTransitionException("customer " + customer.masked() + " has open complaints " + open
          + ": their data is needed to handle them; erase once they are resolved");
    }
    d.advanceInternal(at, false);
    d.clearChange();
    List<String> ids = new ArrayList<>();
    for (StoredTicket s : all) {
      Ticket t = d.ticket(s.id());
      d.undo.put(t.id, d.record(t));
      Ticket erased = TicketRecords.erased(t, actor, at);
      d.tickets.put(t.id, erased);
      d.retire(t);
      d.reschedule(erased);
      d.changed.put(t.id, erased);
      ids.add(t.id);
    }
    d.save(List.of(customer));
    return ids;
  }
}
