package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Stable;
import java.time.Instant;

/**
 * Something that happened to a customer, fed to the lifecycle engine. Events are validated once, in
 * their constructors: an invalid event cannot exist.
 *
 * <p><b>Idempotency.</b> An event {@link #id()} is unique <em>per customer</em>: the engine
 * remembers, for each customer, the ids of the events applied to that customer (and a fingerprint
 * of each event's content). An event whose id was applied to the same customer before is:
 *
 * <ul>
 *   <li>a <b>duplicate</b> if its content (kind, customer, timestamp and every field) is the same:
 *       it is ignored and reported as a duplicate, so that replaying a feed is safe;
 *   <li>a <b>conflict</b> if its content differs: it is refused with {@link
 *       io.clm.api.ConflictingEventException} naming the event id, and nothing is stored.
 * </ul>
 *
 * <p>The same id for two different customers names two different events. Use the id of the
 * source record (a core-banking posting id, a CRM activity id).
 */
@Stable
public sealed interface Event
    permits Transaction,
        Interaction,
        ProductOpened,
        ProductClosed,
        ComplaintOpened,
        ComplaintResolved,
        RelationshipClosed,
        ManualMove,
        AttributeUpdate,
        ConsentChange {

  /**
   * The event's unique id, for idempotency: 1 to 128 characters, not blank, no control characters,
   * well-formed Unicode (see {@link io.clm.api.TextRules}).
   *
   * @return the id
   */
  String id();

  /**
   * The customer the event is about.
   *
   * @return the customer id
   */
  CustomerId customer();

  /**
   * When the event happened in the source system (not when clm received it).
   *
   * @return the timestamp
   */
  Instant at();

  /**
   * The kind of event, for switch expressions over all kinds.
   *
   * @return the kind
   */
  EventType type();
}
