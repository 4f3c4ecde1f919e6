package io.clm.retention.strategy;

import io.clm.api.ValidationException;
import io.clm.plugin.support.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A built-in strategy's parameters, resolved and checked. Every built-in strategy has the expected
 * costs of the actions ({@link #COSTS}): amounts in major units of the customers' currency, one set
 * shared by all of them (each uses those of the actions it proposes), so that one map configures
 * them all. The defaults suit a currency whose major unit is worth about a euro; a bank in another
 * currency sets them in its own. A strategy may have parameters of its own besides.
 */
final class Settings {
  /** A contact: call, visit, message. */
  static final String CONTACT = "contact-cost";
  /** Preparing and handling an offer, before any discount. */
  static final String OFFER = "offer-cost";
  /** The most an offer's discount adds to its cost. */
  static final String MAX_DISCOUNT = "max-discount";
  /** Handling a service recovery, on top of the compensation. */
  static final String RECOVERY = "recovery-cost";
  /** The compensation of a service recovery as a share of the customer's value. */
  static final String COMPENSATION_SHARE = "compensation-share";
  /** The least compensation. */
  static final String MIN_COMPENSATION = "min-compensation";
  /** The most compensation. */
  static final String MAX_COMPENSATION = "max-compensation";
  /** Setting up an exit barrier (bundle, integration, contract). */
  static final String BARRIER = "barrier-cost";
  /** A cross-sell or up-sell conversation and its materials. */
  static final String SALE = "sale-cost";
  /** A win-back campaign for one customer. */
  static final String WIN_BACK = "win-back-cost";

  /**
   * The largest amount a parameter may hold, in major units: with three decimals (KWD) and the
   * largest discount and compensation added, a cost stays far inside {@link io.clm.api.Money}'s
   * range.
   */
  static final double MAX_AMOUNT = 1e12;

  /** The costs, with their defaults. */
  static final List<Parameter> COSTS = List.of(
      amount(CONTACT, 5),
      amount(OFFER, 25),
      amount(MAX_DISCOUNT, 250),
      amount(RECOVERY, 15),
      new Parameter(COMPENSATION_SHARE, 0.02, 0, 1),
      amount(MIN_COMPENSATION, 10),
      amount(MAX_COMPENSATION, 500),
      amount(BARRIER, 30),
      amount(SALE, 20),
      amount(WIN_BACK, 40));

  private final String strategy;
  private final List<Parameter> specs;
  private final SortedMap<String, Double> values;

  private Settings(String strategy, List<Parameter> specs, Map<String, Double> overrides) {
    SortedMap<String, Double> resolved = new TreeMap<>(Parameter.resolve("strategy", strategy, specs, overrides));
    if (resolved.get(MIN_COMPENSATION) > resolved.get(MAX_COMPENSATION)) {
      throw new ValidationException("strategy '" + strategy + "': parameter '" + MIN_COMPENSATION + "' is "
          + resolved.get(MIN_COMPENSATION) + ", above '" + MAX_COMPENSATION + "' " + resolved.get(MAX_COMPENSATION));
    }
    this.strategy = strategy;
    this.specs = specs;
    this.values = Collections.unmodifiableSortedMap(resolved);
  }

  /**
   * The defaults of a strategy's parameters: the costs, and its own.
   *
   * @param strategy the strategy's id, for messages
   * @param own the parameters of the strategy besides the costs
   */
  static Settings defaults(String strategy, List<Parameter> own) {
    List<Parameter> specs = new ArrayList<>(COSTS);
    specs.addAll(own);
    return new Settings(strategy, List.copyOf(specs), Map.of());
  }

  private static Parameter amount(String name, double defaultValue) {
    return new Parameter(name, defaultValue, 0, MAX_AMOUNT);
  }

  /** Every parameter with its value, sorted by name. */
  Map<String, Double> values() {
    return values;
  }

  /**
   * These settings with some changed.
   *
   * @throws NullPointerException if a value is null
   * @throws ValidationException if a name is unknown, a value is not finite or out of its range,
   *     or the least compensation is above the most
   */
  Settings with(Map<String, Double> overrides) {
    Objects.requireNonNull(overrides, "overrides")
        .forEach((name, value) -> Objects.requireNonNull(value, () -> "value of parameter '" + name + "'"));
    Map<String, Double> merged = new TreeMap<>(values);
    merged.putAll(overrides);
    return new Settings(strategy, specs, merged);
  }

  double get(String name) {
    return values.get(name);
  }
}
