package io.clm.api.event;

import io.clm.api.annotation.Stable;
import java.math.BigDecimal;

/**
 * Data about a customer that clm cannot derive from events and that the integrator supplies with an
 * {@link AttributeUpdate}. Each attribute has a kind that fixes its valid values.
 */
@Stable
public enum Attribute {
  /** Credit standing as a score, 0 to 1000, higher is better (seed 003: credit). */
  CREDIT_SCORE(Kind.SCORE_1000),
  /**
   * The customer's total business across all providers over the period clm has observed, in the
   * engine's currency: the denominator of share of wallet (seed 000).
   */
  TOTAL_BUSINESS(Kind.MONEY),
  /** The bank's cumulative income from the customer (interest margin, fees), in the engine's currency. */
  REVENUE(Kind.MONEY),
  /** The bank's cumulative cost of serving the customer, in the engine's currency (seed 000: break-even). */
  COST_TO_SERVE(Kind.MONEY),
  /** The customer's scale: annual revenue for a business, assets for a person (seed 003: scale). */
  SCALE(Kind.MONEY),
  /** How much attention the customer pays to competitors' offers, 0 (none) to 1 (seed 003). */
  COMPETITOR_ATTENTION(Kind.UNIT),
  /** How sensitive the customer is to price, 0 to 1 (seed 003). */
  PRICE_SENSITIVITY(Kind.UNIT),
  /** Typical time the customer takes to decide a purchase, in days, at least 0 (seed 003). */
  DECISION_TIME_DAYS(Kind.NON_NEGATIVE),
  /** Tolerance of a service incident, 0 (leaves at once) to 1 (very tolerant) (seed 003). */
  INCIDENT_TOLERANCE(Kind.UNIT),
  /** Whether the customer is vulnerable (regulators' term): 1 yes, 0 no. */
  VULNERABLE(Kind.FLAG);

  /** The valid values of an attribute. */
  public enum Kind {
    /** An amount in the engine's currency, at least 0, exact. */
    MONEY,
    /** A number from 0 to 1. */
    UNIT,
    /** A number from 0 to 1000. */
    SCORE_1000,
    /** A number at least 0. */
    NON_NEGATIVE,
    /** 0 or 1. */
    FLAG
  }

  private final Kind kind;

  Attribute(Kind kind) {
    this.kind = kind;
  }

  /**
   * The kind of value this attribute takes.
   *
   * @return the kind
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Whether a value is valid for this attribute. Money attributes are also checked against the
   * engine's currency when ingested.
   *
   * @param value the value
   * @return true if valid
   */
  public boolean accepts(BigDecimal value) {
    int sign = value.signum();
    switch (kind) {
      case MONEY:
      case NON_NEGATIVE:
        return sign >= 0;
      case UNIT:
        return sign >= 0 && value.compareTo(BigDecimal.ONE) <= 0;
      case SCORE_1000:
        return sign >= 0 && value.compareTo(BigDecimal.valueOf(1000)) <= 0;
      case FLAG:
        return value.compareTo(BigDecimal.ZERO) == 0 || value.compareTo(BigDecimal.ONE) == 0;
      default:
        throw new AssertionError(kind);
    }
  }
}
