package io.clm.api.complaints;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.Objects;

/**
 * An amount of time in an {@link SlaUnit}, such as 15 business days or 8 weeks.
 *
 * @param amount how many units; 1 to 3650 (weeks: 1 to 521)
 * @param unit how they are counted
 */
@Experimental
public record SlaLimit(int amount, SlaUnit unit) {

  /**
   * Validates the limit.
   *
   * @param amount how many units; 1 to 3650
   * @param unit how they are counted
   * @throws NullPointerException if {@code unit} is null
   * @throws ValidationException if {@code amount} is not between 1 and 3650
   */
  public SlaLimit {
    Objects.requireNonNull(unit, "unit");
    if (amount < 1 || amount > 3650) {
      throw new ValidationException("sla amount " + amount + " is not between 1 and 3650");
    }
    if (unit == SlaUnit.WEEKS && amount > 521) {
      throw new ValidationException("sla weeks " + amount + " is not between 1 and 521");
    }
  }

  /**
   * Business days ending at the end of the n-th business day ("within n business days").
   *
   * @param n how many
   * @return the limit
   */
  public static SlaLimit businessDays(int n) {
    return new SlaLimit(n, SlaUnit.BUSINESS_DAYS);
  }

  /**
   * Business days ending at close of business ("by close of business on the n-th business day").
   *
   * @param n how many
   * @return the limit
   */
  public static SlaLimit businessDaysCloseOfBusiness(int n) {
    return new SlaLimit(n, SlaUnit.BUSINESS_DAYS_CLOSE_OF_BUSINESS);
  }

  /**
   * Calendar days.
   *
   * @param n how many
   * @return the limit
   */
  public static SlaLimit calendarDays(int n) {
    return new SlaLimit(n, SlaUnit.CALENDAR_DAYS);
  }

  /**
   * Weeks: the end of day of the date of receipt + 7n ("by the end of n weeks after receipt").
   *
   * @param n how many, 1 to 521
   * @return the limit
   * @throws ValidationException if out of range
   */
  public static SlaLimit weeks(int n) {
    return new SlaLimit(n, SlaUnit.WEEKS);
  }

  /**
   * Calendar days whose last day moves to the next business day.
   *
   * @param n how many
   * @return the limit
   */
  public static SlaLimit calendarDaysToBusinessDay(int n) {
    return new SlaLimit(n, SlaUnit.CALENDAR_DAYS_TO_BUSINESS_DAY);
  }

  /**
   * Business hours.
   *
   * @param n how many
   * @return the limit
   */
  public static SlaLimit businessHours(int n) {
    return new SlaLimit(n, SlaUnit.BUSINESS_HOURS);
  }

  /** Returns for example {@code 15 BUSINESS_DAYS}. */
  @Override
  public String toString() {
    return amount + " " + unit;
  }
}
