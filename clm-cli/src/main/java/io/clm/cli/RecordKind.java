package io.clm.cli;

import io.clm.api.ClmException;
import io.clm.api.Money;
import io.clm.api.TextRules;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Channel;
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
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of input file {@code clm analyze} reads, each with its fields (CSV header names and
 * JSON Lines keys) and its mapping to a clm {@link Event}. The schema is documented in
 * docs/integration.md; the first three fields of every kind are {@code id}, {@code customer_id}
 * and {@code timestamp}.
 */
enum RecordKind {
  TRANSACTIONS("transactions", "direction", "amount", "currency", "product", "channel") {
    @Override
    Event event(Row r, Currency currency) throws BadRowException {
      BigDecimal amount = r.decimal(4);
      if (r.present(5) && !r.text(5).equalsIgnoreCase(currency.getCurrencyCode())) {
        throw r.bad(5, TextRules.excerpt(r.text(5)) + " is not the run's currency " + currency.getCurrencyCode());
      }
      Direction direction;
      if (r.dialect().signedAmounts()) {
        // A zero has no sign: the direction given says which way it went, or else a minus written before it.
        boolean minus = amount.signum() < 0 || amount.signum() == 0 && r.text(4).startsWith("-");
        direction = minus ? Direction.DEBIT : Direction.CREDIT;
        if (r.present(3)) {
          Direction given = r.choice(3, Direction.class);
          if (amount.signum() == 0) {
            direction = given;
          } else if (given != direction) {
            throw r.bad(3, TextRules.excerpt(r.text(3)) + " does not agree with the sign of the amount " + amount.toPlainString());
          }
        }
        amount = amount.abs();
      } else {
        direction = r.choice(3, Direction.class);
        if (amount.signum() < 0) {
          throw r.bad(4, amount.toPlainString() + " is negative; give the direction instead, or pass --signed-amounts");
        }
      }
      Money money;
      try {
        money = new Money(amount, currency);
      } catch (ClmException e) {
        throw r.bad(4, e.getMessage());
      }
      return new Transaction(
          r.text(0), r.customer(1), r.instant(2), direction, money,
          r.choice(6, ProductType.class), r.choice(7, Channel.class));
    }

    @Override
    String[] values(Event e) {
      Transaction t = (Transaction) e;
      return row(t, Fields.lower(t.direction()), t.amount().amount().toPlainString(),
          t.amount().currency().getCurrencyCode(), Fields.lower(t.product()), Fields.lower(t.channel()));
    }
  },
  INTERACTIONS("interactions", "kind", "channel", "satisfaction") {
    @Override
    Event event(Row r, Currency currency) throws BadRowException {
      InteractionKind kind = r.choice(3, InteractionKind.class);
      Integer satisfaction = null;
      if (kind == InteractionKind.SURVEY) {
        satisfaction = r.integer(5);
        if (satisfaction < 0 || satisfaction > Interaction.MAX_SATISFACTION) {
          throw r.bad(5, satisfaction + " is outside 0..10");
        }
      } else if (r.present(5)) {
        throw r.bad(5, "is only for surveys, but the kind is " + Fields.lower(kind));
      }
      return new Interaction(
          r.text(0), r.customer(1), r.instant(2), kind, r.choice(4, Channel.class), satisfaction);
    }

    @Override
    String[] values(Event e) {
      Interaction i = (Interaction) e;
      return row(i, Fields.lower(i.kind()), Fields.lower(i.channel()),
          i.satisfaction() == null ? null : i.satisfaction().toString());
    }
  },
  COMPLAINTS("complaints", "complaint_id", "status", "severity", "accepted") {
    @Override
    Event event(Row r, Currency currency) throws BadRowException {
      String status = r.text(4).toLowerCase(Locale.ROOT);
      switch (status) {
        case "opened":
          if (r.present(6)) {
            throw r.bad(6, "is only for resolving a ticket, but the status is opened");
          }
          return new ComplaintOpened(
              r.text(0), r.customer(1), r.instant(2), r.text(3), r.choice(5, Severity.class));
        case "resolved":
          if (r.present(5)) {
            throw r.bad(5, "is only for opening a ticket, but the status is resolved");
          }
          return new ComplaintResolved(r.text(0), r.customer(1), r.instant(2), r.text(3), r.bool(6));
        default:
          throw r.bad(4, TextRules.excerpt(r.text(4)) + " is not one of opened, resolved");
      }
    }

    @Override
    String[] values(Event e) {
      if (e instanceof ComplaintOpened) {
        ComplaintOpened o = (ComplaintOpened) e;
        return row(o, o.complaintId(), "opened", Fields.lower(o.severity()), null);
      }
      ComplaintResolved c = (ComplaintResolved) e;
      return row(c, c.complaintId(), "resolved", null, Boolean.toString(c.accepted()));
    }
  },
  ATTRIBUTES("attributes", "attribute", "value") {
    @Override
    Event event(Row r, Currency currency) throws BadRowException {
      Attribute attribute = r.choice(3, Attribute.class);
      BigDecimal value = r.decimal(4);
      if (!attribute.accepts(value)) {
        throw r.bad(4, value.toPlainString() + " is out of range for " + Fields.lower(attribute) + " (" + range(attribute) + ")");
      }
      return new AttributeUpdate(r.text(0), r.customer(1), r.instant(2), attribute, value);
    }

    @Override
    String[] values(Event e) {
      AttributeUpdate a = (AttributeUpdate) e;
      return row(a, Fields.lower(a.attribute()), a.value().toPlainString());
    }
  },
  PRODUCTS("products", "product", "status") {
    @Override
    Event event(Row r, Currency currency) throws BadRowException {
      ProductType product = r.choice(3, ProductType.class);
      String status = r.text(4).toLowerCase(Locale.ROOT);
      switch (status) {
        case "opened":
          return new ProductOpened(r.text(0), r.customer(1), r.instant(2), product);
        case "closed":
          return new ProductClosed(r.text(0), r.customer(1), r.instant(2), product);
        default:
          throw r.bad(4, TextRules.excerpt(r.text(4)) + " is not one of opened, closed");
      }
    }

    @Override
    String[] values(Event e) {
      if (e instanceof ProductOpened) {
        ProductOpened o = (ProductOpened) e;
        return row(o, Fields.lower(o.product()), "opened");
      }
      ProductClosed c = (ProductClosed) e;
      return row(c, Fields.lower(c.product()), "closed");
    }
  },
  RELATIONSHIPS("relationships", "debts_settled") {
    @Override
    Event event(Row r, Currency currency) throws BadRowException {
      return new RelationshipClosed(r.text(0), r.customer(1), r.instant(2), r.bool(3));
    }

    @Override
    String[] values(Event e) {
      RelationshipClosed c = (RelationshipClosed) e;
      return row(c, Boolean.toString(c.debtsSettled()));
    }
  },
  CONSENTS("consents", "purpose", "granted") {
    @Override
    Event event(Row r, Currency currency) throws BadRowException {
      return new ConsentChange(
          r.text(0), r.customer(1), r.instant(2), r.choice(3, Purpose.class), r.bool(4));
    }

    @Override
    String[] values(Event e) {
      ConsentChange c = (ConsentChange) e;
      return row(c, Fields.lower(c.purpose()), Boolean.toString(c.granted()));
    }
  };

  /** The place of the {@code timestamp} field in every kind's rows. */
  static final int TIMESTAMP = 2;

  private final String option;
  private final List<String> fields;

  RecordKind(String option, String... specific) {
    this.option = option;
    String[] all = new String[specific.length + 3];
    all[0] = "id";
    all[1] = "customer_id";
    all[2] = "timestamp";
    System.arraycopy(specific, 0, all, 3, specific.length);
    this.fields = List.of(all);
  }

  /** The command-line option and the default file name stem: {@code transactions}. */
  String option() {
    return option;
  }

  /** Whether a field may be absent from a file altogether (it is required only in some rows). */
  boolean optional(int field) {
    return optional(field, Dialect.DEFAULT);
  }

  /** Whether a field may be absent from a file in a dialect: with signed amounts, the direction too. */
  boolean optional(int field, Dialect dialect) {
    return switch (fields.get(field)) {
      case "currency", "satisfaction", "severity", "accepted" -> true;
      case "direction" -> this == TRANSACTIONS && dialect.signedAmounts();
      default -> false;
    };
  }

  /** Whether a field holds a decimal number: a transaction's amount, an attribute's value. */
  boolean decimal(int field) {
    return (this == TRANSACTIONS || this == ATTRIBUTES) && field == 4;
  }

  /** The valid values of an attribute, for messages. */
  static String range(Attribute attribute) {
    return switch (attribute.kind()) {
      case MONEY -> "0 to " + Attribute.MAX_MONEY.toPlainString() + ", at most " + Attribute.MAX_MONEY_FRACTION_DIGITS
          + " fraction digits";
      case UNIT -> "0 to 1";
      case SCORE_1000 -> "0 to 1000";
      case NON_NEGATIVE -> "0 to " + Attribute.MAX_NON_NEGATIVE.toPlainString();
      case FLAG -> "0 or 1";
    };
  }

  /** Field names in order. */
  List<String> fields() {
    return fields;
  }

  /**
   * Builds the event a row describes.
   *
   * @throws BadRowException naming the first bad field
   */
  Event eventOf(Row r, Currency currency) throws BadRowException {
    try {
      return event(r, currency);
    } catch (ClmException e) {
      // A value the event's own validation refused (a blank id, an over-long text).
      throw new BadRowException(r.file(), r.line(), BadRowException.ROW, r.redact(e.getMessage()));
    }
  }

  abstract Event event(Row r, Currency currency) throws BadRowException;

  /** The field values of an event of this kind, in field order (null for absent), for writers. */
  abstract String[] values(Event e);

  /** The kind whose files hold an event. */
  static RecordKind of(Event e) {
    return switch (e.type()) {
      case TRANSACTION -> TRANSACTIONS;
      case INTERACTION -> INTERACTIONS;
      case COMPLAINT_OPENED, COMPLAINT_RESOLVED -> COMPLAINTS;
      case ATTRIBUTE_UPDATE -> ATTRIBUTES;
      case PRODUCT_OPENED, PRODUCT_CLOSED -> PRODUCTS;
      case RELATIONSHIP_CLOSED -> RELATIONSHIPS;
      case CONSENT_CHANGE -> CONSENTS;
      case MANUAL_MOVE -> throw new IllegalArgumentException("no file kind for " + e.getClass().getSimpleName());
    };
  }

  private static String[] row(Event e, String... specific) {
    String[] all = new String[specific.length + 3];
    all[0] = e.id();
    all[1] = e.customer().value();
    all[2] = e.at().toString();
    System.arraycopy(specific, 0, all, 3, specific.length);
    return all;
  }
}
