package io.clm.retention;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A transaction log turned into the per-customer summaries the buy-till-you-die models read, with a
 * calibration / hold-out split. Purchases are recorded by calendar day; several purchases by one
 * customer on one day are one transaction whose value is their sum (the convention of the
 * literature). The first purchase starts the customer's clock and is not a repeat purchase.
 *
 * <pre>{@code
 * PurchaseLog log = new PurchaseLog(Money.currency("USD"));
 * log.add(CustomerId.of("0001"), LocalDate.of(1997, 1, 1), Money.of("29.33", "USD"));
 * List<CustomerSummary> summaries =
 *     log.summarise(LocalDate.of(1997, 9, 30), LocalDate.of(1998, 6, 30), Duration.ofDays(7));
 * }</pre>
 *
 * <p>Not thread-safe: fill it from one thread, then summarise.
 */
@Experimental
public final class PurchaseLog {

  private final Currency currency;
  private final Map<CustomerId, TreeMap<LocalDate, BigDecimal>> days = new TreeMap<>();

  /**
   * Creates an empty log.
   *
   * @param currency the currency of every purchase
   */
  public PurchaseLog(Currency currency) {
    this.currency = Objects.requireNonNull(currency, "currency");
  }

  /**
   * Records a purchase.
   *
   * @param customer the customer
   * @param day the calendar day of the purchase
   * @param amount its value, at least 0
   * @return this log
   * @throws ValidationException if the amount is negative or in another currency
   */
  public PurchaseLog add(CustomerId customer, LocalDate day, Money amount) {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(day, "day");
    Objects.requireNonNull(amount, "amount");
    if (!amount.currency().equals(currency)) {
      throw new ValidationException(
          "amount " + amount + " for customer " + customer.masked() + " is not in the log's currency "
              + currency.getCurrencyCode());
    }
    if (amount.isNegative()) {
      throw new ValidationException("amount " + amount + " is negative for customer " + customer.masked());
    }
    days.computeIfAbsent(customer, c -> new TreeMap<>()).merge(day, amount.amount(), BigDecimal::add);
    return this;
  }

  /**
   * Summarises every customer whose first purchase falls on or before the end of calibration.
   * Calibration runs to {@code calibrationEnd} inclusive; the hold-out period from the next day to
   * {@code holdoutEnd} inclusive. Times are whole days divided by the length of the time unit, from
   * the first purchase: t_x to the last repeat purchase in calibration, T to {@code calibrationEnd}.
   *
   * @param calibrationEnd the last day of calibration
   * @param holdoutEnd the last day of the hold-out period, not before {@code calibrationEnd}
   * @param timeUnit the time unit of the result, a positive whole number of days ({@code
   *     Duration.ofDays(7)} for weeks)
   * @return one summary per customer, ordered by customer id
   * @throws ValidationException if the hold-out ends before calibration, the time unit is not a
   *     positive whole number of days, or no customer was acquired by the end of calibration
   */
  public List<CustomerSummary> summarise(LocalDate calibrationEnd, LocalDate holdoutEnd, Duration timeUnit) {
    Objects.requireNonNull(calibrationEnd, "calibrationEnd");
    Objects.requireNonNull(holdoutEnd, "holdoutEnd");
    Objects.requireNonNull(timeUnit, "timeUnit");
    if (holdoutEnd.isBefore(calibrationEnd)) {
      throw new ValidationException("holdoutEnd " + holdoutEnd + " is before calibrationEnd " + calibrationEnd);
    }
    if (timeUnit.isNegative() || timeUnit.isZero() || !timeUnit.equals(Duration.ofDays(timeUnit.toDays()))) {
      throw new ValidationException("timeUnit " + timeUnit + " is not a positive whole number of days");
    }
    double unitDays = timeUnit.toDays();
    List<CustomerSummary> out = new ArrayList<>();
    for (Map.Entry<CustomerId, TreeMap<LocalDate, BigDecimal>> e : days.entrySet()) {
      LocalDate first = e.getValue().firstKey();
      if (first.isAfter(calibrationEnd)) {
        continue;
      }
      int x = 0;
      LocalDate last = first;
      BigDecimal repeatSum = BigDecimal.ZERO;
      int holdout = 0;
      for (Map.Entry<LocalDate, BigDecimal> day : e.getValue().entrySet()) {
        LocalDate d = day.getKey();
        if (d.equals(first)) {
          continue;
        }
        if (!d.isAfter(calibrationEnd)) {
          x++;
          last = d;
          repeatSum = repeatSum.add(day.getValue());
        } else if (!d.isAfter(holdoutEnd)) {
          holdout++;
        }
      }
      double recency = ChronoUnit.DAYS.between(first, last) / unitDays;
      double age = ChronoUnit.DAYS.between(first, calibrationEnd) / unitDays;
      double meanSpend = x == 0 ? 0 : repeatSum.doubleValue() / x;
      out.add(new CustomerSummary(e.getKey(), new PurchaseHistory(x, recency, age), meanSpend, holdout));
    }
    if (out.isEmpty()) {
      throw new ValidationException("population is empty: no customer bought on or before " + calibrationEnd);
    }
    return List.copyOf(out);
  }
}
