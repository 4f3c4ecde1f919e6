package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;

/** How a complaint reached the bank (seed 002 starts from a call; the others work the same way). */
@Experimental
public enum ComplaintChannel {
  /** A call to the call centre; the calling number may identify the customer. */
  PHONE,
  /** At a branch counter. */
  BRANCH,
  /** A web form or internet banking message. */
  WEB,
  /** A letter. */
  LETTER,
  /** Referred by a regulator or an ombudsman. */
  REGULATOR_REFERRAL
}
