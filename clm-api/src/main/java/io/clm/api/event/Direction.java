package io.clm.api.event;

import io.clm.api.annotation.Stable;

/** Which way money moved, seen from the customer's account at the bank. */
@Stable
public enum Direction {
  /** Money out of the customer's account: a payment, a withdrawal, a card purchase, a loan repayment. */
  DEBIT,
  /** Money into the customer's account: a salary, a deposit, a loan disbursement. */
  CREDIT
}
