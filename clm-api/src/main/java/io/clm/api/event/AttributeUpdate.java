package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.InvalidEventException;
import io.clm.api.TextRules;
import io.clm.api.annotation.Stable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * The integrator supplies a value that clm cannot derive: a credit score, the customer's total
 * business for share of wallet, revenue and cost to serve, a loyalty indicator. The value with the
 * latest timestamp wins, whatever the order of arrival.
 *
 * @param id unique event id
 * @param customer the customer
 * @param at when the value was measured
 * @param attribute which attribute
 * @param value the value, valid for the attribute's {@link Attribute#kind() kind}; money
 *     attributes are in the engine's currency's major unit ({@code 1250.50})
 */
@Stable
public record AttributeUpdate(
    String id, CustomerId customer, Instant at, Attribute attribute, BigDecimal value)
    implements Event {

  /**
   * Validates the update.
   *
   * @param id unique event id
   * @param customer the customer
   * @param at when the value was measured
   * @param attribute which attribute
   * @param value the value, valid for the attribute's {@link Attribute#kind() kind}; money
   *     attributes are in the engine's currency's major unit ({@code 1250.50})
   * @throws NullPointerException if a component is null
   * @throws InvalidEventException if the value is outside the attribute's range or has too many
   *     fraction digits (see {@link Attribute#accepts(BigDecimal)})
   */
  public AttributeUpdate {
    Checks.common(id, customer, at);
    Objects.requireNonNull(attribute, "attribute");
    Objects.requireNonNull(value, "value");
    if (!attribute.accepts(value)) {
      throw new InvalidEventException(
          "value "
              + TextRules.excerpt(value.toString())
              + " is out of range for attribute "
              + attribute
              + " ("
              + attribute.kind()
              + ") in event "
              + Checks.quote(id));
    }
  }

  /**
   * Always {@link EventType#ATTRIBUTE_UPDATE}.
   *
   * @return the kind of event
   */
  @Override
  public EventType type() {
    return EventType.ATTRIBUTE_UPDATE;
  }
}
