package io.clm.retention.strategy;

import io.clm.api.Metric;
import io.clm.api.event.Attribute;
import io.clm.api.event.ProductType;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionContext;

/**
 * The responsible-lending rule of every built-in strategy, in one place: who is in difficulty, which
 * product types may be credit, and to whom credit may be sold.
 *
 * <p>A customer is in difficulty with a credit score below 500 or when flagged vulnerable. Credit is
 * sold only to a customer with a known credit score of at least 500 who is not flagged vulnerable:
 * an unknown score does not put the customer in difficulty, but it is no ground for lending either.
 * The marketing consent changes nothing.
 */
final class ResponsibleLending {

  /** The credit score below which a customer is in difficulty. */
  static final double CREDIT_SCORE_FLOOR = 500;

  private ResponsibleLending() {}

  /**
   * Whether the customer is in difficulty: a credit score below {@value #CREDIT_SCORE_FLOOR} or
   * flagged vulnerable.
   */
  static boolean inDifficulty(RetentionContext context) {
    return context.metric(Metric.CREDIT_SCORE) < CREDIT_SCORE_FLOOR
        || context.customer().metrics().attribute(Attribute.VULNERABLE) == 1;
  }

  /**
   * Whether a product of the type may be credit: loans and mortgages, cards (a card may be a credit
   * card) and unclassified products. A current account is not credit; an overdraft on it is, and is
   * not the account's cross-sell.
   */
  static boolean mayBeCredit(ProductType type) {
    return switch (type) {
      case LOAN, CARD, OTHER -> true;
      case CURRENT_ACCOUNT, DEPOSIT, WEALTH_MANAGEMENT, PAYMENTS, INSURANCE -> false;
    };
  }

  /**
   * Whether a product of the type may be sold to the customer: anything that is not credit, and
   * credit to a customer with a known credit score of at least {@value #CREDIT_SCORE_FLOOR} who is
   * not flagged vulnerable.
   */
  static boolean maySell(RetentionContext context, ProductType type) {
    return !mayBeCredit(type) || !(Double.isNaN(context.metric(Metric.CREDIT_SCORE)) || inDifficulty(context));
  }

  /** Whether the action may be proposed to the customer: a cross-sell or up-sell only of what {@link #maySell} allows. */
  static boolean allows(RetentionContext context, ActionType type) {
    if (type instanceof ActionType.CrossSell sale) {
      return maySell(context, sale.product());
    }
    if (type instanceof ActionType.UpSell sale) {
      return maySell(context, sale.product());
    }
    return true;
  }
}
