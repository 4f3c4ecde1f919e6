package io.clm.core.engine;

import io.clm.api.CustomerMetrics;
import io.clm.api.MetricsSnapshot;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The documented metric semantics computed the naive way, from the whole event list of one
 * customer: the reference the engine's incremental metrics are checked against.
 */
final class ReferenceMetrics {
  private ReferenceMetrics() {}

  static MetricsSnapshot of(
      List<Event> events, Currency currency, long windowMillis, long stageEnteredAt, long inStage) {
    long firstSeen = events.stream().mapToLong(e -> e.at().toEpochMilli()).min().orElseThrow();
    List<Transaction> txs =
        events.stream().filter(e -> e instanceof Transaction).map(e -> (Transaction) e).collect(Collectors.toList());
    List<MetricsSnapshot.ProductActivity> products = new ArrayList<>();
    for (ProductType p : ProductType.values()) {
      long dc = 0, dm = 0, cc = 0, cm = 0;
      int opened = 0, closed = 0;
      boolean any = false;
      for (Transaction t : txs) {
        if (t.product() == p) {
          any = true;
          if (t.direction() == Direction.DEBIT) {
            dc++;
            dm += t.amount().minorUnits();
          } else {
            cc++;
            cm += t.amount().minorUnits();
          }
        }
      }
      for (Event e : events) {
        if (e instanceof ProductOpened && ((ProductOpened) e).product() == p) {
          opened++;
          any = true;
        }
        if (e instanceof ProductClosed && ((ProductClosed) e).product() == p) {
          closed++;
          any = true;
        }
      }
      if (any) {
        products.add(new MetricsSnapshot.ProductActivity(p, dc, dm, cc, cm, opened, closed));
      }
    }
    long digital = txs.stream().filter(t -> t.channel().isDigital()).count();
    long firstTx = txs.stream().mapToLong(t -> t.at().toEpochMilli()).min().orElse(CustomerMetrics.NONE);
    long lastTx = txs.stream().mapToLong(t -> t.at().toEpochMilli()).max().orElse(CustomerMetrics.NONE);
    TreeMap<Long, Long> volumes = new TreeMap<>();
    for (Transaction t : txs) {
      volumes.merge(Math.floorDiv(t.at().toEpochMilli(), windowMillis), t.amount().minorUnits(), Long::sum);
    }
    List<MetricsSnapshot.WindowVolume> windows = new ArrayList<>();
    for (Map.Entry<Long, Long> w : volumes.descendingMap().entrySet()) {
      if (windows.size() < 3) {
        windows.add(0, new MetricsSnapshot.WindowVolume(w.getKey(), w.getValue()));
      }
    }
    List<Interaction> interactions =
        events.stream().filter(e -> e instanceof Interaction).map(e -> (Interaction) e).collect(Collectors.toList());
    long lastInteraction =
        interactions.stream().mapToLong(i -> i.at().toEpochMilli()).max().orElse(CustomerMetrics.NONE);
    List<Interaction> surveys =
        interactions.stream().filter(i -> i.kind() == InteractionKind.SURVEY).collect(Collectors.toList());
    long satisfactionSum = surveys.stream().mapToLong(Interaction::satisfaction).sum();
    // latest survey by time; at equal times the lower score
    Interaction last =
        surveys.stream()
            .max(Comparator.comparing(Interaction::at).thenComparing(i -> -i.satisfaction()))
            .orElse(null);
    // complaints: open while the latest open is later than the latest resolution
    TreeSet<String> complaintIds = new TreeSet<>();
    events.forEach(
        e -> {
          if (e instanceof ComplaintOpened) {
            complaintIds.add(((ComplaintOpened) e).complaintId());
          } else if (e instanceof ComplaintResolved) {
            complaintIds.add(((ComplaintResolved) e).complaintId());
          }
        });
    List<MetricsSnapshot.ComplaintRecord> complaints = new ArrayList<>();
    for (String id : complaintIds) {
      ComplaintOpened open =
          events.stream()
              .filter(e -> e instanceof ComplaintOpened && ((ComplaintOpened) e).complaintId().equals(id))
              .map(e -> (ComplaintOpened) e)
              .max(Comparator.comparing(ComplaintOpened::at).thenComparing(o -> o.severity() == Severity.URGENT))
              .orElse(null);
      ComplaintResolved resolved =
          events.stream()
              .filter(e -> e instanceof ComplaintResolved && ((ComplaintResolved) e).complaintId().equals(id))
              .map(e -> (ComplaintResolved) e)
              .max(Comparator.comparing(ComplaintResolved::at).thenComparing(r -> !r.accepted()))
              .orElse(null);
      boolean isOpen = open != null && (resolved == null || open.at().isAfter(resolved.at()));
      complaints.add(
          new MetricsSnapshot.ComplaintRecord(
              id,
              open == null ? Severity.NORMAL : open.severity(),
              isOpen,
              isOpen ? null : resolved.accepted()));
    }
    Map<Attribute, MetricsSnapshot.AttributeValue> attributes = new EnumMap<>(Attribute.class);
    for (Attribute a : Attribute.values()) {
      events.stream()
          .filter(e -> e instanceof AttributeUpdate && ((AttributeUpdate) e).attribute() == a)
          .map(e -> (AttributeUpdate) e)
          .max(Comparator.comparing(AttributeUpdate::at).thenComparing(AttributeUpdate::value)
              .thenComparingInt(u -> u.value().scale()))
          .ifPresent(u -> attributes.put(a, new MetricsSnapshot.AttributeValue(u.value(), u.at().toEpochMilli())));
    }
    Map<Purpose, MetricsSnapshot.ConsentValue> consents = new EnumMap<>(Purpose.class);
    for (Purpose p : Purpose.values()) {
      events.stream()
          .filter(e -> e instanceof ConsentChange && ((ConsentChange) e).purpose() == p)
          .map(e -> (ConsentChange) e)
          .max(Comparator.comparing(ConsentChange::at).thenComparing(c -> !c.granted()))
          .ifPresent(c -> consents.put(p, new MetricsSnapshot.ConsentValue(c.granted(), c.at().toEpochMilli())));
    }
    RelationshipClosed closure =
        events.stream()
            .filter(e -> e instanceof RelationshipClosed)
            .map(e -> (RelationshipClosed) e)
            .max(Comparator.comparing(RelationshipClosed::at).thenComparing(c -> !c.debtsSettled()))
            .orElse(null);
    return new MetricsSnapshot(
        currency,
        firstSeen,
        products,
        digital,
        firstTx,
        lastTx,
        windowMillis,
        windows,
        interactions.size(),
        lastInteraction,
        surveys.size(),
        satisfactionSum,
        last == null ? -1 : last.satisfaction(),
        last == null ? CustomerMetrics.NONE : last.at().toEpochMilli(),
        complaints,
        attributes,
        consents,
        closure == null ? CustomerMetrics.NONE : closure.at().toEpochMilli(),
        closure != null && closure.debtsSettled(),
        stageEnteredAt,
        inStage);
  }
}
