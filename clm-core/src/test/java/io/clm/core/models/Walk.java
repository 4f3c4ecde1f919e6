package io.clm.core.models;

import io.clm.api.Cause;
import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.Money;
import io.clm.api.StageChange;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Attribute;
import io.clm.api.event.Channel;
import io.clm.api.event.ComplaintOpened;
import io.clm.api.event.ComplaintResolved;
import io.clm.api.event.Direction;
import io.clm.api.event.Event;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.event.ManualMove;
import io.clm.api.event.ProductClosed;
import io.clm.api.event.ProductOpened;
import io.clm.api.event.ProductType;
import io.clm.api.event.RelationshipClosed;
import io.clm.api.event.Severity;
import io.clm.api.event.Transaction;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * One customer walked through a built-in model with events, on an engine built the way an
 * application builds it. Time is counted in days from {@link #START}, the first day of a 90-day
 * trend window (window 223 from the epoch begins on 2024-12-13).
 */
final class Walk {
  static final long WINDOW_DAYS = 90;
  static final Instant START = Instant.ofEpochMilli(223 * WINDOW_DAYS * Metric.DAY_MILLIS);
  static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);

  final LifecycleEngine engine;
  final CustomerId id = CustomerId.of("C-100234");
  private int events;

  Walk(String modelId) {
    this(modelId, Map.of());
  }

  Walk(String modelId, Map<String, Double> parameters) {
    engine = Clm.builder().model(modelId, parameters).currency("EUR").clock(CLOCK).build();
    engine.register(id, day(0));
  }

  static Instant day(double d) {
    return START.plusMillis(Math.round(d * Metric.DAY_MILLIS));
  }

  Walk pay(double day, String amount) {
    return ingest(
        new Transaction(
            next(), id, day(day), Direction.DEBIT, Money.of(amount, "EUR"), ProductType.CURRENT_ACCOUNT,
            Channel.MOBILE));
  }

  Walk pay(double day) {
    return pay(day, "100.00");
  }

  Walk contact(double day) {
    return ingest(Interaction.of(next(), id, day(day), InteractionKind.CONTACT, Channel.PHONE));
  }

  Walk survey(double day, int score) {
    return ingest(Interaction.survey(next(), id, day(day), Channel.ONLINE, score));
  }

  Walk attribute(double day, Attribute attribute, String value) {
    return ingest(new AttributeUpdate(next(), id, day(day), attribute, new BigDecimal(value)));
  }

  Walk complaint(double day, String ticket, Severity severity) {
    return ingest(new ComplaintOpened(next(), id, day(day), ticket, severity));
  }

  Walk resolved(double day, String ticket, boolean accepted) {
    return ingest(new ComplaintResolved(next(), id, day(day), ticket, accepted));
  }

  Walk opened(double day, ProductType product) {
    return ingest(new ProductOpened(next(), id, day(day), product));
  }

  Walk closedProduct(double day, ProductType product) {
    return ingest(new ProductClosed(next(), id, day(day), product));
  }

  Walk closed(double day, boolean debtsSettled) {
    return ingest(new RelationshipClosed(next(), id, day(day), debtsSettled));
  }

  Walk move(double day, String toStage, String reason) {
    return ingest(new ManualMove(next(), id, day(day), toStage, "rm-0042", reason));
  }

  Walk advanceTo(double day) {
    engine.advanceTo(day(day));
    return this;
  }

  Walk ingest(Event event) {
    engine.ingest(event);
    return this;
  }

  String stage() {
    return customer().stage();
  }

  Customer customer() {
    return engine.customer(id).orElseThrow();
  }

  /** The history as "from -> to by cause". */
  List<String> history() {
    return engine.history(id).stream().map(Walk::describe).toList();
  }

  static String describe(StageChange c) {
    String cause;
    if (c.cause() instanceof Cause.Rule r) {
      cause = r.ruleId();
    } else if (c.cause() instanceof Cause.Manual m) {
      cause = "manual (" + m.reason() + ")";
    } else {
      cause = c.cause().toString();
    }
    return c.from() + " -> " + c.to() + " by " + cause;
  }

  private String next() {
    return "evt-" + (++events);
  }
}
