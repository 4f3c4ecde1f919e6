package io.clm.api.event;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Stable;
import java.time.Instant;

/**
 * Something that happened to a customer, fed to the lifecycle engine. Events are validated once, in
 * their constructors: an invalid event cannot exist.
 *
 * <p>Every event has an {@link #id()} that is unique across all events of an engine: the engine
 * ignores an event whose id it has seen before and reports it as a duplicate, so that replaying a
 * feed is safe. Use the id of the source record (a core-banking posting id, a CRM activity id).
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
   * The event's unique id, for idempotency: 1 to 128 characters, not blank.
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
}
