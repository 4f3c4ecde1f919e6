package io.clm.complaints.desk;

import io.clm.api.CustomerId;
import io.clm.api.complaints.CallerView;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintAppendix;
import io.clm.api.complaints.ComplaintFile;
import io.clm.api.complaints.CustomerDirectory;
import io.clm.api.complaints.OrderBook;
import io.clm.api.complaints.Reminder;
import io.clm.api.complaints.StoredTicket;
import io.clm.api.complaints.TicketStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The customers' side of the desk (seed 002 steps 1 and 6): what the agent sees when a customer
 * calls, the complaint appendix of each customer's file, the preferences and departments an
 * operation adds to it, and the reminders when the customer does business again.
 */
final class CustomerFiles {
  private static final int RECENT = 5;

  private final TicketStore store;
  private final CustomerDirectory directory;
  private final OrderBook orders;
  private final Consumer<Reminder> reminders;
  /** Files the running operation changed, saved with it. */
  final Map<CustomerId, ComplaintFile> changed = new LinkedHashMap<>();

  CustomerFiles(TicketStore store, CustomerDirectory directory, OrderBook orders, Consumer<Reminder> reminders) {
    this.store = store;
    this.directory = directory;
    this.orders = orders;
    this.reminders = reminders;
  }

  CallerView identifyCaller(String callerPhone) {
    Optional<CustomerId> customer = directory.findByPhone(callerPhone);
    return customer.map(this::viewOf).orElseGet(() -> new CallerView(Optional.empty(), List.of(), List.of(), List.of()));
  }

  CallerView viewOf(CustomerId customer) {
    List<StoredTicket> all = store.findByCustomer(customer);
    List<Complaint> recent = new ArrayList<>();
    for (int i = all.size() - 1; i >= 0 && recent.size() < RECENT; i--) {
      recent.add(all.get(i).complaint());
    }
    return new CallerView(Optional.of(customer), orders.recentOrders(customer, RECENT), recent, file(customer).preferences());
  }

  List<Reminder> customerReturned(CustomerId customer, Instant at) {
    List<StoredTicket> all = store.findByCustomer(customer);
    if (all.isEmpty()) {
      return List.of();
    }
    ComplaintFile file = file(customer);
    List<String> ids = all.stream().map(StoredTicket::id).toList();
    List<Reminder> out = new ArrayList<>();
    for (String department : file.departments()) {
      Reminder r = new Reminder(department, customer, at, ids, file.preferences());
      out.add(r);
      reminders.accept(r);
    }
    return out;
  }

  ComplaintAppendix appendix(CustomerId customer) {
    List<Complaint> list = new ArrayList<>();
    for (StoredTicket t : store.findByCustomer(customer)) {
      list.add(t.complaint());
    }
    ComplaintFile file = file(customer);
    return new ComplaintAppendix(customer, list, file.preferences(), file.departments());
  }

  /** The customer's earlier complaints' receipt times, for the repeat-complainant rule. */
  List<Instant> earlier(Ticket t) {
    if (t.customer == null) {
      return List.of();
    }
    List<Instant> out = new ArrayList<>();
    for (StoredTicket other : store.findByCustomer(t.customer)) {
      if (!other.id().equals(t.id) && !other.complaint().receivedAt().isAfter(t.receivedAt)) {
        out.add(other.complaint().receivedAt());
      }
    }
    return out;
  }

  /** The customer's file as the running operation sees it (changed, or as stored). */
  ComplaintFile file(CustomerId customer) {
    ComplaintFile f = changed.get(customer);
    if (f == null) {
      f = store.file(customer).orElse(new ComplaintFile(customer, List.of(), Set.of()));
    }
    return f;
  }

  void addDepartment(CustomerId customer, String department) {
    ComplaintFile f = file(customer);
    Set<String> departments = new TreeSet<>(f.departments());
    departments.add(department);
    changed.put(customer, new ComplaintFile(customer, f.preferences(), departments));
  }

  void addPreference(CustomerId customer, String preference) {
    ComplaintFile f = file(customer);
    List<String> preferences = new ArrayList<>(f.preferences());
    preferences.add(preference);
    changed.put(customer, new ComplaintFile(customer, preferences, f.departments()));
  }
}
