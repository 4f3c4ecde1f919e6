package io.clm.store.jdbc;

import io.clm.api.CustomerId;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.ComplaintFile;
import io.clm.api.complaints.OutboxEvent;
import io.clm.api.complaints.StoredTicket;
import io.clm.api.complaints.TicketChange;
import io.clm.api.complaints.TicketStore;
import io.clm.api.complaints.TicketStoreException;
import io.clm.api.event.Event;
import io.clm.jackson.ClmJacksonModule;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The complaint desk's {@link TicketStore} on the tables of schema version 2, sharing the
 * connections of a {@link JdbcStore}. A save is one transaction; audit entries are appended; the
 * due index answers {@link #dueBy}; tickets are read a page at a time.
 */
final class JdbcTicketStore implements TicketStore {
  private static final int PAGE = 500;
  private static final String SELECT_TICKET = "SELECT ticket_id, record FROM clm_ticket";

  private final Transactions tx;

  JdbcTicketStore(Transactions tx) {
    this.tx = tx;
  }

  @Override
  public String id() {
    return tx.store();
  }

  @Override
  public Optional<StoredTicket> find(String ticketId) {
    Objects.requireNonNull(ticketId, "ticketId");
    List<StoredTicket> found = transact("find ticket " + ticketId,
        c -> tickets(c, SELECT_TICKET + " WHERE ticket_id = ?", ps -> ps.setString(1, ticketId)));
    return found.stream().findFirst();
  }

  @Override
  public List<StoredTicket> findByCustomer(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    List<StoredTicket> found = new ArrayList<>(transact("find the tickets of a customer",
        c -> tickets(c, SELECT_TICKET + " WHERE customer_key = ?", ps -> ps.setString(1, customer.value()))));
    found.sort(Comparator.comparing((StoredTicket t) -> t.complaint().receivedAt()).thenComparingLong(StoredTicket::sequence));
    return found;
  }

  @Override
  public Optional<ComplaintFile> file(CustomerId customer) {
    Objects.requireNonNull(customer, "customer");
    return transact("read a complaint file", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT record FROM clm_complaint_file WHERE customer_key = ?")) {
        ps.setString(1, customer.value());
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next() ? Optional.of(decode(rs.getBytes(1), ComplaintFile.class, "a complaint file")) : Optional.empty();
        }
      }
    });
  }

  @Override
  public void forEach(Consumer<StoredTicket> action) {
    pages("read every ticket", "", action);
  }

  @Override
  public void forEachOpen(Consumer<StoredTicket> action) {
    pages("read the open tickets", " AND is_open", action);
  }

  /** Every ticket matching a condition, a page at a time in sequence order, each page read in its own transaction. */
  private void pages(String operation, String condition, Consumer<StoredTicket> action) {
    Objects.requireNonNull(action, "action");
    long after = 0;
    while (true) {
      long from = after;
      List<StoredTicket> page = transact(operation, c -> tickets(c,
          SELECT_TICKET + " WHERE sequence_no > ?" + condition + " ORDER BY sequence_no LIMIT " + PAGE,
          ps -> ps.setLong(1, from)));
      page.forEach(action);
      if (page.size() < PAGE) {
        return;
      }
      after = page.get(page.size() - 1).sequence();
    }
  }

  @Override
  public List<StoredTicket> dueBy(Instant until, int limit) {
    Objects.requireNonNull(until, "until");
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    return transact("find the due tickets", c -> tickets(c,
        SELECT_TICKET + " WHERE due_seconds < ? OR (due_seconds = ? AND due_nanos <= ?)"
            + " ORDER BY due_seconds, due_nanos, sequence_no LIMIT " + limit,
        ps -> {
          ps.setLong(1, until.getEpochSecond());
          ps.setLong(2, until.getEpochSecond());
          ps.setInt(3, until.getNano());
        }));
  }

  @Override
  public long lastSequence() {
    return transact("read the last ticket sequence", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT MAX(sequence_no) FROM clm_ticket");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public Optional<Instant> deskTime() {
    return transact("read the desk time", c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT desk_seconds, desk_nanos FROM clm_desk WHERE id = 1");
          ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(Instant.ofEpochSecond(rs.getLong(1), rs.getInt(2))) : Optional.empty();
      }
    });
  }

  @Override
  public void save(TicketChange change) {
    Objects.requireNonNull(change, "change");
    transact("save a ticket change", c -> {
      for (StoredTicket t : change.tickets()) {
        saveTicket(c, t);
      }
      for (ComplaintFile f : change.files()) {
        upsert(c, "UPDATE clm_complaint_file SET record = ? WHERE customer_key = ?",
            "INSERT INTO clm_complaint_file (record, customer_key) VALUES (?, ?)",
            ps -> {
              ps.setBytes(1, TicketJson.write(f));
              ps.setString(2, f.customer().value());
            });
      }
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM clm_complaint_file WHERE customer_key = ?")) {
        for (CustomerId erased : change.erasedFiles()) {
          ps.setString(1, erased.value());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO clm_outbox (event) VALUES (?)")) {
        for (Event e : change.events()) {
          ps.setBytes(1, TicketJson.write(e));
          ps.addBatch();
        }
        ps.executeBatch();
      }
      Instant at = change.deskTime();
      upsert(c, "UPDATE clm_desk SET desk_seconds = ?, desk_nanos = ? WHERE id = 1",
          "INSERT INTO clm_desk (desk_seconds, desk_nanos, id) VALUES (?, ?, 1)",
          ps -> {
            ps.setLong(1, at.getEpochSecond());
            ps.setInt(2, at.getNano());
          });
      return null;
    });
  }

  private static void saveTicket(Connection c, StoredTicket t) throws SQLException {
    List<AuditEntry> audit = t.complaint().audit();
    List<byte[]> entries = new ArrayList<>(audit.size());
    for (AuditEntry a : audit) {
      entries.add(TicketJson.write(a));
    }
    int stored = -1;
    String storedDigest = null;
    try (PreparedStatement ps = c.prepareStatement("SELECT audit_size, audit_digest FROM clm_ticket WHERE ticket_id = ?")) {
      ps.setString(1, t.id());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          stored = rs.getInt(1);
          storedDigest = rs.getString(2);
        }
      }
    }
    int keep = Math.max(stored, 0);
    if (stored > entries.size() || stored > 0 && !TicketJson.digest(entries, stored).equals(storedDigest)) {
      // the trail was rewritten (erasure): replace it whole, so nothing erased stays on disk
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM clm_ticket_audit WHERE ticket_id = ?")) {
        ps.setString(1, t.id());
        ps.executeUpdate();
      }
      keep = 0;
    }
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO clm_ticket_audit (ticket_id, entry_no, entry) VALUES (?, ?, ?)")) {
      for (int i = keep; i < entries.size(); i++) {
        ps.setString(1, t.id());
        ps.setInt(2, i);
        ps.setBytes(3, entries.get(i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
    String columns = "sequence_no = ?, customer_key = ?, is_open = ?, due_seconds = ?, due_nanos = ?, audit_size = ?,"
        + " audit_digest = ?, record = ?";
    Binder row = ps -> {
      ps.setLong(1, t.sequence());
      ps.setString(2, t.complaint().customer().map(CustomerId::value).orElse(null));
      ps.setBoolean(3, t.complaint().state().isOpen());
      if (t.nextDue().isPresent()) {
        ps.setLong(4, t.nextDue().get().getEpochSecond());
        ps.setInt(5, t.nextDue().get().getNano());
      } else {
        ps.setNull(4, Types.BIGINT);
        ps.setNull(5, Types.INTEGER);
      }
      ps.setInt(6, entries.size());
      ps.setString(7, TicketJson.digest(entries, entries.size()));
      ps.setBytes(8, TicketJson.withoutAudit(t));
      ps.setString(9, t.id());
    };
    if (stored < 0) {
      bind(c, "INSERT INTO clm_ticket (sequence_no, customer_key, is_open, due_seconds, due_nanos, audit_size,"
          + " audit_digest, record, ticket_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", row);
    } else {
      bind(c, "UPDATE clm_ticket SET " + columns + " WHERE ticket_id = ?", row);
    }
  }

  @Override
  public List<OutboxEvent> pendingEvents(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit " + limit + " is below 1");
    }
    return transact("read the outbox", c -> {
      List<OutboxEvent> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT outbox_id, event FROM clm_outbox ORDER BY outbox_id LIMIT " + limit);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          out.add(new OutboxEvent(id, decode(rs.getBytes(2), Event.class, "outbox event " + id)));
        }
      }
      return out;
    });
  }

  @Override
  public void markDelivered(List<Long> outboxIds) {
    List<Long> ids = List.copyOf(outboxIds);
    if (ids.isEmpty()) {
      return;
    }
    transact("mark outbox events delivered", c -> {
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM clm_outbox WHERE outbox_id = ?")) {
        for (long id : ids) {
          ps.setLong(1, id);
          ps.addBatch();
        }
        ps.executeBatch();
      }
      return null;
    });
  }

  @Override
  public String toString() {
    return "JdbcTicketStore[" + tx.store() + "]";
  }

  /** Sets a statement's parameters. */
  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private static int bind(Connection c, String sql, Binder binder) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      return ps.executeUpdate();
    }
  }

  /** Updates a row, or inserts it if there was none; both statements take the same parameters. */
  private static void upsert(Connection c, String update, String insert, Binder binder) throws SQLException {
    if (bind(c, update, binder) == 0) {
      bind(c, insert, binder);
    }
  }

  /** Tickets selected as (id, record), with their audit trails, in the order selected. */
  private List<StoredTicket> tickets(Connection c, String sql, Binder binder) throws SQLException {
    List<String> ids = new ArrayList<>();
    List<byte[]> records = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      binder.bind(ps);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
          records.add(rs.getBytes(2));
        }
      }
    }
    Map<String, List<AuditEntry>> audits = audits(c, ids);
    List<StoredTicket> out = new ArrayList<>(ids.size());
    for (int i = 0; i < ids.size(); i++) {
      try {
        out.add(TicketJson.ticket(records.get(i), audits.getOrDefault(ids.get(i), List.of())));
      } catch (IOException | RuntimeException e) {
        throw unreadable("ticket " + ids.get(i), e);
      }
    }
    return out;
  }

  private Map<String, List<AuditEntry>> audits(Connection c, List<String> ids) throws SQLException {
    Map<String, List<AuditEntry>> audits = new HashMap<>();
    for (int from = 0; from < ids.size(); from += PAGE) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + PAGE));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT ticket_id, entry FROM clm_ticket_audit WHERE ticket_id IN (" + marks + ") ORDER BY ticket_id, entry_no")) {
        for (int i = 0; i < chunk.size(); i++) {
          ps.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            String id = rs.getString(1);
            audits.computeIfAbsent(id, k -> new ArrayList<>())
                .add(decode(rs.getBytes(2), AuditEntry.class, "an audit entry of ticket " + id));
          }
        }
      }
    }
    return audits;
  }

  private <T> T decode(byte[] json, Class<T> type, String what) {
    try {
      return TicketJson.read(json, type);
    } catch (IOException | RuntimeException e) {
      throw unreadable(what, e);
    }
  }

  private TicketStoreException unreadable(String what, Exception cause) {
    return new TicketStoreException(
        "store " + tx.store() + " could not read " + what + ": its stored document is not valid ("
            + ClmJacksonModule.describeUnreadable(cause) + ")",
        cause);
  }

  /**
   * Runs one transaction; a database failure becomes a {@link TicketStoreException} naming the
   * store and the operation, of the database failure's kind.
   */
  private <T> T transact(String operation, Transactions.Work<T> work) {
    try {
      return tx.run(operation, work);
    } catch (JdbcStoreException e) {
      throw new TicketStoreException(e.getMessage(), e.kind(), e);
    }
  }
}
