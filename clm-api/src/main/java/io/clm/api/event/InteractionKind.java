package io.clm.api.event;

import io.clm.api.annotation.Stable;

/** Kinds of non-financial contact between bank and customer (seed 004: follow-up visits, care, surveys). */
@Stable
public enum InteractionKind {
  /** A call, a message, an e-mail, either way. */
  CONTACT,
  /** A visit: the customer at a branch, or a relationship manager at the customer. */
  VISIT,
  /** A satisfaction survey answer; carries a score. */
  SURVEY
}
