package io.clm.api.event;

/** Kinds of non-financial contact between bank and customer (seed 004: follow-up visits, care, surveys). */
public enum InteractionKind {
  /** A call, a message, an e-mail, either way. */
  CONTACT,
  /** A visit: the customer at a branch, or a relationship manager at the customer. */
  VISIT,
  /** A satisfaction survey answer; carries a score. */
  SURVEY
}
