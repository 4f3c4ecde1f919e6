package io.clm.api.event;

import io.clm.api.annotation.Stable;

/**
 * The kinds of banking product clm keeps metrics for. Map each core-banking product code to one of
 * them; {@link #OTHER} takes the rest.
 */
@Stable
public enum ProductType {
  /** Current (checking) account. */
  CURRENT_ACCOUNT,
  /** Savings and term deposits. */
  DEPOSIT,
  /** Loans and mortgages. */
  LOAN,
  /** Debit and credit cards. */
  CARD,
  /** Wealth management: funds, investment products, advisory. */
  WEALTH_MANAGEMENT,
  /** Payment services: transfers, bill payment, merchant acquiring. */
  PAYMENTS,
  /** Insurance sold through the bank. */
  INSURANCE,
  /** Anything else. */
  OTHER
}
