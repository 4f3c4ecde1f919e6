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
    /**
     * An amount in the engine's currency, 0 to {@link #MAX_MONEY}, at most {@link
     * #MAX_MONEY_FRACTION_DIGITS} fraction digits, exact.
     */
    MONEY,
    /** A number from 0 to 1. */
    UNIT,
    /** A number from 0 to 1000. */
    SCORE_1000,
    /** A number from 0 to {@link #MAX_NON_NEGATIVE}. */
    NON_NEGATIVE,
    /** 0 or 1. */
    FLAG
  }

  /**
   * The largest money attribute: 900 trillion (9e14) in the major unit, so that the amount in
   * minor units fits a {@code long} in every accepted currency (up to four fraction digits) and
   * arithmetic on it stays finite.
   */
  public static final BigDecimal MAX_MONEY = new BigDecimal("900000000000000");

  /** The most fraction digits a money attribute may have (the most any ISO 4217 currency has). */
  public static final int MAX_MONEY_FRACTION_DIGITS = 4;

  /** The largest value of a {@link Kind#NON_NEGATIVE} attribute: one billion. */
  public static final BigDecimal MAX_NON_NEGATIVE = new BigDecimal("1000000000");

  /** The most fraction digits any attribute value may have, trailing zeros aside. */
  public static final int MAX_FRACTION_DIGITS = 18;

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
   * Whether a value is valid for this attribute: within the kind's range and with at most {@link
   * #MAX_FRACTION_DIGITS} fraction digits ({@link #MAX_MONEY_FRACTION_DIGITS} for money), trailing
   * zeros aside. Checked from the value's precision and scale before any arithmetic, so that a value
   * such as {@code 1e-999999999} costs nothing to refuse. Money attributes are also checked against
   * the engine's currency when ingested.
   *
   * @param value the value
   * @return true if valid
   */
  public boolean accepts(BigDecimal value) {
    int sign = value.signum();
    if (sign < 0) {
      return false;
    }
    boolean inRange =
        switch (kind) {
          case MONEY -> value.compareTo(MAX_MONEY) <= 0;
          case NON_NEGATIVE -> value.compareTo(MAX_NON_NEGATIVE) <= 0;
          case UNIT -> value.compareTo(BigDecimal.ONE) <= 0;
          case SCORE_1000 -> value.compareTo(BigDecimal.valueOf(1000)) <= 0;
          case FLAG -> sign == 0 || value.compareTo(BigDecimal.ONE) == 0;
        };
    if (!inRange || sign == 0) {
      return inRange;
    }
    int allowed = kind == Kind.MONEY ? MAX_MONEY_FRACTION_DIGITS : MAX_FRACTION_DIGITS;
    long excess = (long) value.scale() - allowed;
    // A value in range has few integer digits, so precision bounds the work of stripping zeros.
    return excess <= 0 || (excess < value.precision() && value.stripTrailingZeros().scale() <= allowed);
  }
}
