package io.clm.core.engine;

import static io.clm.api.CustomerMetrics.NONE;

import io.clm.api.InvalidEventException;
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
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;

/**
 * The fact fold: applies an event to a customer's {@link Facts}, one case per event kind. {@link
 * #precheck} refuses what would overflow before anything changes; {@link #record} then cannot
 * fail. Every fact is an order-independent aggregate, so events may arrive in any order.
 */
final class FactFold {
  private FactFold() {}

  /**
   * Checks what could fail before anything changes: sums and counts that would overflow.
   *
   * @return a transaction's amount in minor units, else 0
   * @throws InvalidEventException naming the event
   */
  static long precheck(Facts f, Event event, long at) {
    return switch (event.type()) {
      case TRANSACTION -> precheckTransaction(f, (Transaction) event, at);
      case PRODUCT_OPENED -> precheckProduct(f, event, ((ProductOpened) event).product(), true);
      case PRODUCT_CLOSED -> precheckProduct(f, event, ((ProductClosed) event).product(), false);
      case INTERACTION -> precheckInteraction(f, (Interaction) event);
      case COMPLAINT_OPENED, COMPLAINT_RESOLVED, RELATIONSHIP_CLOSED, MANUAL_MOVE, ATTRIBUTE_UPDATE,
          CONSENT_CHANGE -> 0;
    };
  }

  /**
   * Every running sum of a transaction is exact: the per-product sum, the trend window and the
   * customer's total volume over all products and both directions (so that no sum the metrics
   * take can wrap). An overflow is refused, never wrapped.
   */
  private static long precheckTransaction(Facts f, Transaction t, long at) {
    long minor = t.amount().minorUnits();
    int slot = f.productSlot(t.product().ordinal());
    boolean debit = t.direction() == Direction.DEBIT;
    long sum = slot < 0 ? 0 : f.products[slot + (debit ? 1 : 2)];
    if (slot >= 0 && (debit ? Facts.high(f.products[slot]) : Facts.low(f.products[slot])) >= Facts.MAX_COUNT) {
      throw new InvalidEventException(
          "transaction count of " + t.product() + " overflows the customer's totals in event '" + t.id() + "'");
    }
    if (f.transactionsInStage == Long.MAX_VALUE) {
      throw overflow("transactionsInStage", f.transactionsInStage, t);
    }
    if (f.digital == Long.MAX_VALUE && t.channel().isDigital()) {
      throw overflow("digitalTransactions", f.digital, t);
    }
    int w = f.windowOf(at);
    try {
      Math.addExact(sum, minor);
      Math.addExact(f.windowVolumeMinor(w), minor);
      long total = minor;
      if (f.products != null) {
        for (int i = 0; i < f.products.length; i += Facts.SLOTS) {
          total = Math.addExact(total, Math.addExact(f.products[i + 1], f.products[i + 2]));
        }
      }
    } catch (ArithmeticException e) {
      throw new InvalidEventException(
          "amount " + t.amount() + " overflows the customer's totals in event '" + t.id() + "'");
    }
    return minor;
  }

  private static long precheckInteraction(Facts f, Interaction i) {
    if (f.interactions == Long.MAX_VALUE) {
      throw overflow("interactions", f.interactions, i);
    }
    if (i.kind() == InteractionKind.SURVEY && f.extras != null && f.extras.surveys == Integer.MAX_VALUE) {
      throw overflow("surveys", f.extras.surveys, i);
    }
    return 0;
  }

  /** The error for a count that an event would take past its largest value. */
  static InvalidEventException overflow(String count, long value, Event event) {
    return new InvalidEventException(
        "count '" + count + "' is " + value + " and overflows the customer's totals in event '" + event.id() + "'");
  }

  private static long precheckProduct(Facts f, Event event, ProductType product, boolean opened) {
    int slot = f.productSlot(product.ordinal());
    if (slot >= 0 && (opened ? Facts.high(f.products[slot + 3]) : Facts.low(f.products[slot + 3])) >= Facts.MAX_COUNT) {
      throw new InvalidEventException(
          "product count of " + product + " overflows the customer's totals in event '" + event.id() + "'");
    }
    return 0;
  }

  /**
   * Applies an event's facts (not its stage effect). The event was checked by {@link #precheck}.
   * The handlers return the facts they changed, so that the dispatch is a switch expression: an
   * event type that is not handled here does not compile.
   *
   * @return {@code f}
   */
  static Facts record(Facts f, Event event, long at, long minor) {
    if (at > f.time) {
      f.time = at;
    }
    if (f.firstSeen == NONE || at < f.firstSeen) {
      f.firstSeen = at;
    }
    return switch (event.type()) {
      case TRANSACTION -> transaction(f, (Transaction) event, at, minor);
      case INTERACTION -> interaction(f, (Interaction) event, at);
      case PRODUCT_OPENED -> countProduct(f, ((ProductOpened) event).product(), 1L << 32);
      case PRODUCT_CLOSED -> countProduct(f, ((ProductClosed) event).product(), 1);
      case COMPLAINT_OPENED -> complaintOpened(f, (ComplaintOpened) event, at);
      case COMPLAINT_RESOLVED -> complaintResolved(f, (ComplaintResolved) event, at);
      case RELATIONSHIP_CLOSED -> relationshipClosed(f, (RelationshipClosed) event, at);
      case ATTRIBUTE_UPDATE -> f.setAttribute(((AttributeUpdate) event).attribute(), ((AttributeUpdate) event).value(), at);
      case CONSENT_CHANGE -> f.setConsent(((ConsentChange) event).purpose(), ((ConsentChange) event).granted(), at);
      case MANUAL_MOVE -> f; // only its time counts here; the engine moves the stage
    };
  }

  private static Facts countProduct(Facts f, ProductType product, long increment) {
    int slot = f.ensureProduct(product.ordinal());
    f.products[slot + 3] += increment;
    return f;
  }

  private static Facts complaintOpened(Facts f, ComplaintOpened c, long at) {
    Complaint complaint = f.complaint(c.complaintId());
    if (at > complaint.openedAt) {
      complaint.openedAt = at;
      complaint.severity = c.severity();
    } else if (at == complaint.openedAt && c.severity() == Severity.URGENT) {
      complaint.severity = Severity.URGENT;
    }
    return f;
  }

  private static Facts complaintResolved(Facts f, ComplaintResolved r, long at) {
    Complaint complaint = f.complaint(r.complaintId());
    if (at > complaint.resolvedAt) {
      complaint.resolvedAt = at;
      complaint.accepted = r.accepted();
    } else if (at == complaint.resolvedAt) {
      complaint.accepted &= r.accepted();
    }
    return f;
  }

  private static Facts relationshipClosed(Facts f, RelationshipClosed r, long at) {
    Extras x = f.extras();
    if (at > x.relationshipClosedAt) {
      x.relationshipClosedAt = at;
      x.debtsSettled = r.debtsSettled();
    } else if (at == x.relationshipClosedAt) {
      x.debtsSettled &= r.debtsSettled();
    }
    return f;
  }

  private static Facts transaction(Facts f, Transaction t, long at, long minor) {
    int slot = f.ensureProduct(t.product().ordinal());
    if (t.direction() == Direction.DEBIT) {
      f.products[slot] += 1L << 32;
      f.products[slot + 1] += minor;
    } else {
      f.products[slot]++;
      f.products[slot + 2] += minor;
    }
    if (t.channel().isDigital()) {
      f.digital++;
    }
    if (f.firstTransaction == NONE || at < f.firstTransaction) {
      f.firstTransaction = at;
    }
    if (at > f.lastTransaction) {
      f.lastTransaction = at;
    }
    f.transactionsInStage++;
    f.addVolume(f.windowOf(at), minor);
    return f;
  }

  private static Facts interaction(Facts f, Interaction i, long at) {
    f.interactions++;
    if (at > f.lastInteraction) {
      f.lastInteraction = at;
    }
    if (i.kind() == InteractionKind.SURVEY) {
      Extras x = f.extras();
      int score = i.satisfaction();
      x.surveys++;
      x.satisfactionSum += score;
      if (at > x.lastSurveyAt) {
        x.lastSurveyAt = at;
        x.lastSatisfaction = score;
      } else if (at == x.lastSurveyAt && score < x.lastSatisfaction) {
        x.lastSatisfaction = score;
      }
    }
    return f;
  }
}
