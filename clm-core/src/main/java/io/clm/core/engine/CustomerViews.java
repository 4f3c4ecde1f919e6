package io.clm.core.engine;

import static io.clm.api.CustomerMetrics.NONE;

import io.clm.api.Customer;
import io.clm.api.MetricsSnapshot;
import io.clm.api.event.Attribute;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Read-only public views of a customer's state: {@link Customer} and {@link MetricsSnapshot}. */
final class CustomerViews {
  private CustomerViews() {}

  /** The customer as the public API shows it. */
  static Customer customer(CustomerState s, List<String> stageIds) {
    Map<String, Long> done = new HashMap<>();
    if (s.completed != null) {
      for (int i = 0; i < s.completed.length; i++) {
        if (s.completed[i] >= 0) {
          done.put(stageIds.get(i), s.completed[i]);
        }
      }
    }
    return new Customer(s.id(), stageIds.get(s.stage), s.cycle, metrics(s), done);
  }

  /** The facts as the public snapshot of metrics. */
  static MetricsSnapshot metrics(Facts f) {
    List<MetricsSnapshot.ProductActivity> activities = new ArrayList<>();
    for (ProductType p : Facts.PRODUCTS) {
      int slot = f.productSlot(p.ordinal());
      if (slot >= 0) {
        activities.add(
            new MetricsSnapshot.ProductActivity(
                p,
                Facts.high(f.products[slot]),
                f.products[slot + 1],
                Facts.low(f.products[slot]),
                f.products[slot + 2],
                (int) Facts.high(f.products[slot + 3]),
                (int) Facts.low(f.products[slot + 3])));
      }
    }
    List<MetricsSnapshot.WindowVolume> windows = new ArrayList<>();
    if (f.windowCount > 2) {
      windows.add(new MetricsSnapshot.WindowVolume(f.window2, f.volume2));
    }
    if (f.windowCount > 1) {
      windows.add(new MetricsSnapshot.WindowVolume(f.window1, f.volume1));
    }
    if (f.windowCount > 0) {
      windows.add(new MetricsSnapshot.WindowVolume(f.window0, f.volume0));
    }
    Extras x = f.extras != null ? f.extras : new Extras();
    List<MetricsSnapshot.ComplaintRecord> complaints = new ArrayList<>();
    if (x.complaints != null) {
      for (Complaint c : x.complaints) {
        boolean open = c.open();
        complaints.add(
            new MetricsSnapshot.ComplaintRecord(c.id, c.severity, open, open ? null : c.accepted));
      }
    }
    Map<Attribute, MetricsSnapshot.AttributeValue> attributes = new EnumMap<>(Attribute.class);
    if (x.attributeValues != null) {
      for (Attribute a : Facts.ATTRIBUTES) {
        int i = Facts.attributeSlot(x, a.ordinal());
        if (i >= 0) {
          attributes.put(a, new MetricsSnapshot.AttributeValue(x.attributeValues[i], x.attributeAt[i]));
        }
      }
    }
    Map<Purpose, MetricsSnapshot.ConsentValue> consents = new EnumMap<>(Purpose.class);
    if (x.consentAt != null) {
      for (Purpose p : Facts.PURPOSES) {
        if (x.consentAt[p.ordinal()] != NONE) {
          consents.put(
              p,
              new MetricsSnapshot.ConsentValue(x.consentGranted[p.ordinal()], x.consentAt[p.ordinal()]));
        }
      }
    }
    return new MetricsSnapshot(
        f.shape.currency,
        f.firstSeen,
        activities,
        f.digital,
        f.firstTransaction,
        f.lastTransaction,
        f.shape.trendWindowMillis,
        windows,
        f.interactions,
        f.lastInteraction,
        x.surveys,
        x.satisfactionSum,
        x.lastSatisfaction,
        x.lastSurveyAt,
        complaints,
        attributes,
        consents,
        x.relationshipClosedAt,
        x.debtsSettled,
        f.stageEnteredAt,
        f.transactionsInStage);
  }
}
