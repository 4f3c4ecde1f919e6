package io.clm.api.event;

import io.clm.api.annotation.Stable;

/**
 * The kinds of {@link Event}, one constant per permitted event record. Code that handles every kind
 * switches over {@link Event#type()} with a switch expression and no default branch, so that a new
 * kind that is not handled everywhere does not compile.
 */
@Stable
public enum EventType {
  /** A {@link Transaction}. */
  TRANSACTION,
  /** An {@link Interaction}. */
  INTERACTION,
  /** A {@link ProductOpened}. */
  PRODUCT_OPENED,
  /** A {@link ProductClosed}. */
  PRODUCT_CLOSED,
  /** A {@link ComplaintOpened}. */
  COMPLAINT_OPENED,
  /** A {@link ComplaintResolved}. */
  COMPLAINT_RESOLVED,
  /** A {@link RelationshipClosed}. */
  RELATIONSHIP_CLOSED,
  /** A {@link ManualMove}. */
  MANUAL_MOVE,
  /** An {@link AttributeUpdate}. */
  ATTRIBUTE_UPDATE,
  /** A {@link ConsentChange}. */
  CONSENT_CHANGE
}
