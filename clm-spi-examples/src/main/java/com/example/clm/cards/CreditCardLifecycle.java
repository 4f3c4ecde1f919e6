package com.example.clm.cards;

import com.google.auto.service.AutoService;
import io.clm.api.Condition;
import io.clm.api.InvalidModelException;
import io.clm.api.Metric;
import io.clm.api.StageFamily;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.api.model.ModelParameters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The lifecycle of a credit-card portfolio, for an engine fed with the card ledger's postings:
 *
 * <pre>
 * applicant --first-purchase--> activated --regular-use--> engaged
 *                                   |                         |
 *                                   +----- went-quiet -----> dormant --reactivated--> engaged
 * activated / engaged / dormant --account-closed--> closed --new-card--> activated (next cycle)
 * </pre>
 *
 * <ul>
 *   <li>{@code applicant}: the card is issued, nothing spent yet;
 *   <li>{@code activated}: at least {@code activation.min-transactions} (1) transactions;
 *   <li>{@code engaged}: at least {@code engaged.min-transactions} (10) transactions since
 *       activation, the latest within {@code engaged.max-days-since-transaction} (30) days;
 *   <li>{@code dormant}: no transaction for {@code dormant.days-inactive} (90) days; a dormant
 *       cardholder who makes {@code reactivation.min-transactions} (3) transactions, the latest
 *       within the engaged window, is engaged again;
 *   <li>{@code closed}: the account was closed with the balance settled; a new transaction after
 *       closure (a new card) starts the next cycle in {@code activated}.
 * </ul>
 *
 * <p>The model lets customers move back (dormant to engaged) automatically, so it is not
 * forward-only. Every threshold is a parameter; {@link #create(Map)} refuses counts that are not
 * whole numbers, non-positive day counts, and a dormancy period not longer than the engaged window.
 */
@AutoService(LifecycleModelProvider.class)
public final class CreditCardLifecycle implements LifecycleModelProvider {

  /** The model's id. */
  public static final String ID = "example.credit-card";

  private static final Map<String, Double> DEFAULTS;

  static {
    Map<String, Double> d = new LinkedHashMap<>();
    d.put("activation.min-transactions", 1.0);
    d.put("engaged.min-transactions", 10.0);
    d.put("engaged.max-days-since-transaction", 30.0);
    d.put("dormant.days-inactive", 90.0);
    d.put("reactivation.min-transactions", 3.0);
    DEFAULTS = Collections.unmodifiableMap(d);
  }

  /** Creates the provider; ServiceLoader calls this. */
  public CreditCardLifecycle() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Map<String, Double> defaultParameters() {
    return DEFAULTS;
  }

  @Override
  public LifecycleModel create(Map<String, Double> overrides) {
    ModelParameters p = ModelParameters.resolve(ID, DEFAULTS, overrides);
    double activation = count(p, "activation.min-transactions");
    double engaged = count(p, "engaged.min-transactions");
    double reactivation = count(p, "reactivation.min-transactions");
    double recentDays = p.atLeast("engaged.max-days-since-transaction", 1);
    double dormantDays = p.atLeast("dormant.days-inactive", 1);
    if (dormantDays <= recentDays) {
      throw new InvalidModelException(
          "model '" + ID + "': parameter 'dormant.days-inactive' (" + dormantDays
              + ") must be greater than 'engaged.max-days-since-transaction' (" + recentDays + ")");
    }
    Condition closed = Metric.RELATIONSHIP_CLOSED.atLeast(1);
    Condition inactive = Metric.DAYS_SINCE_LAST_TRANSACTION.atLeast(dormantDays);
    Condition recent = Metric.DAYS_SINCE_LAST_TRANSACTION.atMost(recentDays);
    return LifecycleModel.builder(ID)
        .stage("applicant", StageFamily.PROSPECT)
        .stage("activated", StageFamily.ONBOARDING)
        .stage("engaged", StageFamily.GROWTH)
        .stage("dormant", StageFamily.DECLINE)
        .stage("closed", StageFamily.EXIT)
        .initial("applicant")
        .terminal("closed")
        .forwardOnly(false)
        .rule("first-purchase").from("applicant").to("activated").priority(1)
        .when(Metric.TRANSACTION_COUNT.atLeast(activation))
        .rule("regular-use").from("activated").to("engaged").priority(1)
        .when(Condition.all(Metric.TRANSACTIONS_IN_STAGE.atLeast(engaged), recent))
        .rule("went-quiet").from("activated").to("dormant").priority(2).when(inactive)
        .rule("account-closed").from("activated").to("closed").priority(3).when(closed)
        .rule("engaged-went-quiet").from("engaged").to("dormant").priority(2).when(inactive)
        .rule("engaged-account-closed").from("engaged").to("closed").priority(3).when(closed)
        .rule("reactivated").from("dormant").to("engaged").priority(1)
        .when(Condition.all(Metric.TRANSACTIONS_IN_STAGE.atLeast(reactivation), recent))
        .rule("dormant-account-closed").from("dormant").to("closed").priority(3).when(closed)
        .rule("new-card").from("closed").to("activated").priority(1)
        .when(Condition.all(Metric.TRANSACTIONS_IN_STAGE.atLeast(1), Metric.RELATIONSHIP_CLOSED.atMost(0)))
        .build();
  }

  private static double count(ModelParameters p, String name) {
    double v = p.atLeast(name, 1);
    if (v != Math.rint(v)) {
      throw new InvalidModelException("model '" + ID + "': parameter '" + name + "' is " + v + ", not a whole number");
    }
    return v;
  }
}
