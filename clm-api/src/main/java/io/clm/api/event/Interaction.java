package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.InvalidEventException;
import io.clm.api.annotation.Stable;
import java.time.Instant;
import java.util.Objects;

/**
 * A non-financial contact: a call, a visit, a satisfaction survey.
 *
 * @param id unique event id
 * @param customer the customer
 * @param at when it happened
 * @param kind what kind of contact
 * @param channel where it happened
 * @param satisfaction for a {@link InteractionKind#SURVEY survey}, the score from 0 (very
 *     dissatisfied) to 10 (very satisfied); null for other kinds
 */
@Stable
public record Interaction(
    String id,
    CustomerId customer,
    Instant at,
    InteractionKind kind,
    Channel channel,
    Integer satisfaction)
    implements Event {

  /** The highest satisfaction score. */
  public static final int MAX_SATISFACTION = 10;

  /**
   * Validates the interaction.
   *
   * @param id unique event id
   * @param customer the customer
   * @param at when it happened
   * @param kind what kind of contact
   * @param channel where it happened
   * @param satisfaction for a {@link InteractionKind#SURVEY survey}, the score from 0 (very
   *     dissatisfied) to 10 (very satisfied); null for other kinds
   * @throws NullPointerException if a required component is null
   * @throws InvalidEventException if a survey has no score or a score outside 0..10, or another
   *     kind carries a score
   */
  public Interaction {
    Checks.common(id, customer, at);
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    if (kind == InteractionKind.SURVEY) {
      if (satisfaction == null) {
        throw new InvalidEventException("satisfaction is missing in survey " + Checks.quote(id));
      }
      if (satisfaction < 0 || satisfaction > MAX_SATISFACTION) {
        throw new InvalidEventException(
            "satisfaction " + satisfaction + " is outside 0.." + MAX_SATISFACTION + " in survey " + Checks.quote(id));
      }
    } else if (satisfaction != null) {
      throw new InvalidEventException(
          "satisfaction is only for surveys, but " + kind + " " + Checks.quote(id) + " has " + satisfaction);
    }
  }

  /**
   * A contact or visit without a score.
   *
   * @param id unique event id
   * @param customer the customer
   * @param at when it happened
   * @param kind {@link InteractionKind#CONTACT} or {@link InteractionKind#VISIT}
   * @param channel where it happened
   * @return the interaction
   */
  public static Interaction of(
      String id, CustomerId customer, Instant at, InteractionKind kind, Channel channel) {
    return new Interaction(id, customer, at, kind, channel, null);
  }

  /**
   * A survey answer.
   *
   * @param id unique event id
   * @param customer the customer
   * @param at when it was answered
   * @param channel where it was answered
   * @param satisfaction the score, 0 to 10
   * @return the interaction
   */
  public static Interaction survey(
      String id, CustomerId customer, Instant at, Channel channel, int satisfaction) {
    return new Interaction(id, customer, at, InteractionKind.SURVEY, channel, satisfaction);
  }

  /**
   * Always {@link EventType#INTERACTION}.
   *
   * @return the kind of event
   */
  @Override
  public EventType type() {
    return EventType.INTERACTION;
  }
}
