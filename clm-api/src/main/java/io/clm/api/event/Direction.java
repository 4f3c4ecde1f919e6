package io.clm.api.event;

/** Which way money moved, seen from the customer's account at the bank. */
public enum Direction {
  /** Money out of the customer's account: a payment, a withdrawal, a card purchase, a loan repayment. */
  DEBIT,
  /** Money into the customer's account: a salary, a deposit, a loan disbursement. */
  CREDIT
}
