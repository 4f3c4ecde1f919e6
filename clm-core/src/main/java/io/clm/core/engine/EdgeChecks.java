package io.clm.core.engine;

import static io.clm.core.engine.CoreLifecycleEngine.MAX_TIME;
import static io.clm.core.engine.CoreLifecycleEngine.MIN_TIME;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.InvalidEventException;
import io.clm.api.event.Attribute;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Event;
import io.clm.api.event.ManualMove;
import io.clm.api.event.Transaction;
import io.clm.api.model.LifecycleModel;
import io.clm.api.spi.EngineConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Validation at the edge: what an event must satisfy whatever the customer's state. */
final class EdgeChecks {
  private final EngineConfig config;
  private final LifecycleModel model;
  private final Shape shape;
  private final long toleranceMillis;

  EdgeChecks(EngineConfig config, Shape shape) {
    this.config = config;
    this.model = config.model();
    this.shape = shape;
    Duration longest = Duration.ofDays(3_660_000);
    this.toleranceMillis =
        config.futureTolerance().compareTo(longest) > 0 ? longest.toMillis() : config.futureTolerance().toMillis();
  }


  /** Checks a timestamp against the supported range and the future tolerance. */
  long checkTime(Instant at, Event event, CustomerId registered) {
    if (at.isBefore(MIN_TIME) || at.isAfter(MAX_TIME)) {
      throw new InvalidEventException(
          "timestamp " + at + " of " + what(event, registered) + " is outside " + MIN_TIME + ".." + MAX_TIME);
    }
    long millis = at.toEpochMilli();
    if (millis - toleranceMillis > config.clock().millis()) {
      throw new InvalidEventException(
          "timestamp "
              + at
              + " of "
              + what(event, registered)
              + " is beyond the future tolerance "
              + config.futureTolerance()
              + " past the clock "
              + Instant.ofEpochMilli(config.clock().millis()));
    }
    return millis;
  }

  private static String what(Event event, CustomerId registered) {
    return event != null
        ? "event '" + event.id() + "'"
        : "the registration of customer " + registered.masked();
  }

  /** Checks what does not depend on the customer; returns the timestamp in epoch millis. */
  long checkEvent(Event event) {
    Objects.requireNonNull(event, "event");
    long at = checkTime(event.at(), event, null);
    // a switch expression, so that an event type that is not handled here does not compile
    return switch (event.type()) {
      case TRANSACTION -> {
        checkCurrency((Transaction) event);
        yield at;
      }
      case ATTRIBUTE_UPDATE -> {
        checkFractionDigits((AttributeUpdate) event);
        yield at;
      }
      case MANUAL_MOVE -> {
        checkTargetStage((ManualMove) event);
        yield at;
      }
      // nothing that depends on the engine
      case INTERACTION, PRODUCT_OPENED, PRODUCT_CLOSED, COMPLAINT_OPENED, COMPLAINT_RESOLVED,
          RELATIONSHIP_CLOSED, CONSENT_CHANGE -> at;
    };
  }

  private void checkCurrency(Transaction t) {
    if (!t.amount().currency().equals(shape.currency)) {
      throw new InvalidEventException(
          "amount currency "
              + t.amount().currency().getCurrencyCode()
              + " is not the engine currency "
              + shape.currency.getCurrencyCode()
              + " in event '"
              + t.id()
              + "'");
    }
  }

  private void checkFractionDigits(AttributeUpdate u) {
    if (u.attribute().kind() == Attribute.Kind.MONEY
        && u.value().stripTrailingZeros().scale() > shape.fractionDigits) {
      throw new InvalidEventException(
          "value "
              + u.value().toPlainString()
              + " of attribute "
              + u.attribute()
              + " has more fraction digits than "
              + shape.currency.getCurrencyCode()
              + " allows ("
              + shape.fractionDigits
              + ") in event '"
              + u.id()
              + "'");
    }
  }

  private void checkTargetStage(ManualMove move) {
    if (model.stage(move.toStage()).isEmpty()) {
      throw new IllegalTransitionException(
          "to stage '" + move.toStage() + "' of event '" + move.id() + "' is not a stage of model '" + model.id() + "'");
    }
  }
}
