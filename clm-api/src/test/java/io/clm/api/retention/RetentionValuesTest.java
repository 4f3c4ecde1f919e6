package io.clm.api.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.Metric;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.PluginFailureException;
import io.clm.api.StageFamily;
import io.clm.api.ValidationException;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class RetentionValuesTest {
  private static final Instant AT = Instant.parse("2026-05-01T00:00:00Z");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final CustomerId ID = CustomerId.of("Max-Muster-7");

  private static RetentionContext context(boolean consent, StageFamily family) {
    MetricsSnapshot.Builder m = MetricsSnapshot.builder(EUR, AT.minusSeconds(86_400));
    if (consent) {
      m.consent(Purpose.MARKETING, true, AT);
    }
    Customer c = new Customer(ID, "decline", 0, m.build(), Map.of());
    return new RetentionContext(c, family, Set.of("b", "a"), Risk.NONE, Money.of("100", "EUR"), AT);
  }

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static RetentionAction action(ActionType type, String cost, int priority, String strategy) {
    return new RetentionAction(type, "because", eur(cost), priority, strategy);
  }

  private static RetentionStrategy strategy(String id, Set<StageFamily> families,
      Function<RetentionContext, List<RetentionAction>> propose) {
    return new RetentionStrategy() {
      @Override
      public String id() {
        return id;
      }

      @Override
      public Set<StageFamily> families() {
        return families;
      }

      @Override
      public List<RetentionAction> propose(RetentionContext context) {
        return propose.apply(context);
      }
    };
  }

  @Test
  void plansMergeByTypeKeepThePreferredActionAndOrderByPriorityThenCost() {
    ActionType call = new ActionType.Communication("check-in");
    ActionType offer = new ActionType.Offer(10);
    ActionType recover = new ActionType.ServiceRecovery(eur("20"));
    RetentionStrategy a = strategy("a", Set.of(StageFamily.DECLINE), c -> List.of(
        action(call, "5", 50, "a"), action(offer, "30", 60, "a"), action(recover, "20", 60, "a")));
    RetentionStrategy b = strategy("b", Set.of(StageFamily.DECLINE), c -> List.of(
        action(call, "4", 50, "b"), action(offer, "30", 70, "b")));
    RetentionStrategy other = strategy("c", Set.of(StageFamily.GROWTH), c -> List.of(action(call, "1", 99, "c")));
    RetentionPlan plan = RetentionPlan.of(context(true, StageFamily.DECLINE), List.of(other, b, a));
    assertThat(plan.actions()).extracting(RetentionAction::type).containsExactly(offer, recover, call);
    assertThat(plan.actions()).extracting(RetentionAction::strategy).containsExactly("b", "a", "b");
    assertThat(plan.withheld()).isZero();
    assertThat(plan.failures()).isEmpty();
    RetentionStrategy tie = strategy("z", Set.of(StageFamily.DECLINE), c -> List.of(action(call, "4", 50, "z")));
    assertThat(RetentionPlan.of(context(true, StageFamily.DECLINE), List.of(tie, b)).actions())
        .filteredOn(x -> x.type().equals(call)).extracting(RetentionAction::strategy).containsExactly("b");
    RetentionStrategy cheaper = strategy("y", Set.of(StageFamily.DECLINE), c -> List.of(action(recover, "19", 60, "y"),
        action(new ActionType.Communication("other"), "19", 60, "y")));
    assertThat(RetentionPlan.of(context(true, StageFamily.DECLINE), List.of(cheaper)).actions())
        .extracting(x -> x.type().toString())
        .containsExactly("Communication[topic=other]", recover.toString());
  }

  @Test
  void twoStrategiesWithOneIdAreRefusedWhateverTheirOrder() {
    ActionType call = new ActionType.Communication("check-in");
    // Equal on priority, cost and strategy id: only the input order could pick one of them.
    RetentionStrategy first = strategy("twin", Set.of(StageFamily.DECLINE),
        c -> List.of(new RetentionAction(call, "first", eur("5"), 50, "twin")));
    RetentionStrategy second = strategy("twin", Set.of(StageFamily.DECLINE),
        c -> List.of(new RetentionAction(call, "second", eur("5"), 50, "twin")));
    RetentionStrategy other = strategy("other", Set.of(StageFamily.DECLINE), c -> List.of());
    String name = first.getClass().getName();
    String message = "strategy id 'twin' is used twice (" + name + ", " + name
        + "); list each strategy once, each with its own id";
    RetentionContext decline = context(true, StageFamily.DECLINE);
    assertThatThrownBy(() -> RetentionPlan.of(decline, List.of(first, other, second)))
        .isInstanceOf(ValidationException.class).hasMessage(message);
    assertThatThrownBy(() -> RetentionPlan.of(decline, List.of(second, first)))
        .isInstanceOf(ValidationException.class).hasMessage(message);
    assertThatThrownBy(() -> RetentionPlan.of(decline, List.of(first, first)))
        .isInstanceOf(ValidationException.class).hasMessage(message);
    // Refused even where neither applies: the list is wrong for every customer.
    assertThatThrownBy(() -> RetentionPlan.of(context(true, StageFamily.GROWTH), List.of(first, second)))
        .isInstanceOf(ValidationException.class).hasMessage(message);
  }

  @Test
  void marketingWithoutConsentIsWithheldAndCounted() {
    RetentionStrategy s = strategy("s", Set.of(StageFamily.DECLINE), c -> List.of(
        action(new ActionType.Offer(5), "1", 10, "s"), action(new ActionType.WinBack(), "1", 10, "s"),
        action(new ActionType.Abandon(), "0", 1, "s")));
    RetentionPlan plan = RetentionPlan.of(context(false, StageFamily.DECLINE), List.of(s));
    assertThat(plan.withheld()).isEqualTo(2);
    assertThat(plan.actions()).extracting(RetentionAction::type).containsExactly(new ActionType.Abandon());
    assertThat(RetentionPlan.of(context(true, StageFamily.DECLINE), List.of(s)).actions()).hasSize(3);
  }

  @Test
  void aFailingStrategyIsIsolatedWithAMaskedCustomer() {
    RetentionStrategy good = strategy("good", Set.of(StageFamily.DECLINE),
        c -> List.of(action(new ActionType.Abandon(), "0", 1, "good")));
    RetentionStrategy throwing = strategy("throwing", Set.of(StageFamily.DECLINE), c -> {
      throw new IllegalStateException("boom");
    });
    RetentionStrategy misnamed = strategy("misnamed", Set.of(StageFamily.DECLINE),
        c -> List.of(action(new ActionType.Abandon(), "0", 1, "someone-else")));
    RetentionStrategy dollars = strategy("dollars", Set.of(StageFamily.DECLINE),
        c -> List.of(new RetentionAction(new ActionType.Abandon(), "r", Money.of("1", "USD"), 1, "dollars")));
    RetentionStrategy nulls = strategy("nulls", Set.of(StageFamily.DECLINE), c -> java.util.Arrays.asList(
        (RetentionAction) null));
    RetentionStrategy nothing = strategy("nothing", Set.of(StageFamily.DECLINE), c -> null);
    RetentionStrategy noId = strategy(null, Set.of(StageFamily.DECLINE), c -> List.of());
    RetentionPlan plan = RetentionPlan.of(context(true, StageFamily.DECLINE),
        List.of(good, throwing, misnamed, dollars, nulls, nothing, noId));
    assertThat(plan.actions()).extracting(RetentionAction::strategy).containsExactly("good");
    assertThat(plan.failures()).hasSize(6);
    assertThat(plan.failures()).extracting(PluginFailureException::getMessage)
        .allSatisfy(m -> assertThat(m).contains(ID.masked()).doesNotContain("Max-Muster-7"))
        .anySatisfy(m -> assertThat(m).contains("threw java.lang.IllegalStateException in propose"))
        .anySatisfy(m -> assertThat(m).contains("proposed an action named 'someone-else'"))
        .anySatisfy(m -> assertThat(m).contains("proposed an action priced in USD instead of EUR"))
        .anySatisfy(m -> assertThat(m).contains("proposed a null action"))
        .anySatisfy(m -> assertThat(m).contains("returned null from propose"))
        .anySatisfy(m -> assertThat(m).contains("returned null from id"));
    assertThatThrownBy(() -> new RetentionPlan(List.of(), -1, List.of()))
        .isInstanceOf(ValidationException.class).hasMessage("withheld -1 is negative");
  }

  @Test
  void aMisnamedActionIsQuotedAsAShortEscapedExcerpt() {
    String name = "someone\nINFO else" + "e".repeat(100_000);
    RetentionStrategy misnamed = strategy("misnamed", Set.of(StageFamily.DECLINE),
        c -> List.of(action(new ActionType.Abandon(), "0", 1, name)));
    RetentionPlan plan = RetentionPlan.of(context(true, StageFamily.DECLINE), List.of(misnamed));
    assertThat(plan.failures()).singleElement().extracting(PluginFailureException::getMessage).asString()
        .contains("proposed an action named 'someone\\u000aINFO else" + "e".repeat(15) + "'... (100017 characters)")
        .hasSizeLessThan(400);
  }

  @Test
  void aCompensationInAnotherCurrencyIsolatesTheStrategy() {
    RetentionStrategy good = strategy("good", Set.of(StageFamily.DECLINE),
        c -> List.of(action(new ActionType.ServiceRecovery(eur("10")), "25", 80, "good")));
    // Priced in euros, but it would give the euro customer 1,000 yen.
    RetentionStrategy yen = strategy("yen", Set.of(StageFamily.DECLINE),
        c -> List.of(action(new ActionType.ServiceRecovery(Money.of("1000", "JPY")), "25", 90, "yen")));
    RetentionPlan plan = RetentionPlan.of(context(true, StageFamily.DECLINE), List.of(good, yen));
    assertThat(plan.actions()).extracting(RetentionAction::strategy).containsExactly("good");
    assertThat(plan.failures()).singleElement().extracting(PluginFailureException::getMessage).asString()
        .contains("plugin 'yen'")
        .contains("proposed a compensation in JPY instead of EUR for customer " + ID.masked());
  }

  @Test
  void actionsAreChecked() {
    RetentionAction a = action(new ActionType.Offer(0), "0", 100, "s");
    assertThat(a.isMarketing()).isTrue();
    assertThat(action(new ActionType.Abandon(), "0", 0, "s").isMarketing()).isFalse();
    assertThatThrownBy(() -> action(new ActionType.Abandon(), "0", 101, "s"))
        .isInstanceOf(ValidationException.class).hasMessage("priority 101 is outside 0..100");
    assertThatThrownBy(() -> action(new ActionType.Abandon(), "0", -1, "s"))
        .isInstanceOf(ValidationException.class).hasMessage("priority -1 is outside 0..100");
    assertThatThrownBy(() -> action(new ActionType.Abandon(), "-0.01", 1, "s"))
        .isInstanceOf(ValidationException.class).hasMessage("expectedCost -0.01 EUR is negative");
    assertThatThrownBy(() -> action(new ActionType.Abandon(), "0", 1, " "))
        .isInstanceOf(ValidationException.class).hasMessage("strategy is blank");
    assertThatThrownBy(() -> new RetentionAction(new ActionType.Abandon(), " ", eur("0"), 1, "s"))
        .isInstanceOf(ValidationException.class).hasMessage("rationale is blank");
    assertThatThrownBy(() -> new RetentionAction(null, "r", eur("0"), 1, "s")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void actionTypesSayWhetherTheyAreMarketing() {
    assertThat(new ActionType.Communication("t").isMarketing()).isFalse();
    assertThat(new ActionType.Offer(100).isMarketing()).isTrue();
    assertThat(new ActionType.ServiceRecovery(eur("0")).isMarketing()).isFalse();
    assertThat(new ActionType.ExitBarrier(ActionType.BarrierKind.TECHNICAL).isMarketing()).isFalse();
    assertThat(new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC).isMarketing()).isTrue();
    assertThat(new ActionType.ExitBarrier(ActionType.BarrierKind.CONTRACTUAL).isMarketing()).isTrue();
    assertThat(new ActionType.CrossSell(ProductType.LOAN).isMarketing()).isTrue();
    assertThat(new ActionType.UpSell(ProductType.CARD).isMarketing()).isTrue();
    assertThat(new ActionType.WinBack().isMarketing()).isTrue();
    assertThat(new ActionType.Abandon().isMarketing()).isFalse();
    assertThatThrownBy(() -> new ActionType.Communication(" "))
        .isInstanceOf(ValidationException.class).hasMessage("topic is blank");
    assertThatThrownBy(() -> new ActionType.Offer(101))
        .isInstanceOf(ValidationException.class).hasMessage("discountPercent 101 is outside 0..100");
    assertThatThrownBy(() -> new ActionType.Offer(-1))
        .isInstanceOf(ValidationException.class).hasMessage("discountPercent -1 is outside 0..100");
    assertThatThrownBy(() -> new ActionType.ServiceRecovery(eur("-1")))
        .isInstanceOf(ValidationException.class).hasMessage("compensation -1.00 EUR is negative");
    assertThatThrownBy(() -> new ActionType.ExitBarrier(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ActionType.CrossSell(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new ActionType.UpSell(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void risksAreTheSumOfTheirContributions() {
    Risk.Contribution idle = new Risk.Contribution("idle", 0.5, 0.8, 0.4);
    Risk.Contribution complaints = new Risk.Contribution("complaints", 0.25, 1, 0.25);
    Risk r = new Risk(0.65, List.of(idle, complaints));
    assertThat(r.contributionOf("idle")).isEqualTo(0.4);
    assertThat(r.contributionOf("complaints")).isEqualTo(0.25);
    assertThat(r.contributionOf("price")).isZero();
    assertThat(Risk.NONE.score()).isZero();
    assertThatThrownBy(() -> new Risk(0.7, List.of(idle, complaints)))
        .isInstanceOf(ValidationException.class).hasMessageStartingWith("score 0.7 is not the sum of the contributions 0.6");
    assertThat(new Risk(0.65 + 5e-10, List.of(idle, complaints)).score()).isEqualTo(0.65 + 5e-10);
    assertThatThrownBy(() -> new Risk(1.5, List.of()))
        .isInstanceOf(ValidationException.class).hasMessage("score 1.5 is outside 0..1");
    assertThatThrownBy(() -> new Risk(Double.NaN, List.of()))
        .isInstanceOf(ValidationException.class).hasMessage("score NaN is outside 0..1");
    assertThatThrownBy(() -> new Risk(-0.1, List.of()))
        .isInstanceOf(ValidationException.class).hasMessage("score -0.1 is outside 0..1");
    assertThatThrownBy(() -> new Risk.Contribution("idle", 0.5, 0.8, 0.5))
        .isInstanceOf(ValidationException.class).hasMessage("contribution 0.5 is not weight x signal for idle");
    assertThatThrownBy(() -> new Risk.Contribution(" ", 0.5, 0.8, 0.4))
        .isInstanceOf(ValidationException.class).hasMessage("factor is blank");
    assertThatThrownBy(() -> new Risk.Contribution("f", 1.1, 0, 0))
        .isInstanceOf(ValidationException.class).hasMessage("weight 1.1 is outside 0..1");
    assertThatThrownBy(() -> new Risk.Contribution("f", 0, 1.1, 0))
        .isInstanceOf(ValidationException.class).hasMessage("signal 1.1 is outside 0..1");
    assertThat(new Risk.Contribution("f", 1, 1, 1).contribution()).isEqualTo(1);
  }

  @Test
  void contextsHideTheCustomerAndReadMetricsAtTheirInstant() {
    RetentionContext c = context(true, StageFamily.DECLINE);
    assertThat(c.segments()).containsExactly("a", "b");
    assertThat(c.marketingConsent()).isTrue();
    assertThat(context(false, StageFamily.DECLINE).marketingConsent()).isFalse();
    assertThat(c.metric(Metric.DAYS_SINCE_FIRST_SEEN)).isEqualTo(1.0);
    assertThat(c.toString()).isEqualTo("RetentionContext[" + ID.masked() + ", DECLINE, risk=0.0]")
        .doesNotContain("Max-Muster-7");
    assertThatThrownBy(() -> new RetentionContext(c.customer(), StageFamily.DECLINE, Set.of(), Risk.NONE,
        eur("-1"), AT))
        .isInstanceOf(ValidationException.class).hasMessage("value -1.00 EUR is negative");
    assertThatThrownBy(() -> new RetentionContext(c.customer(), StageFamily.DECLINE, null, Risk.NONE, eur("1"), AT))
        .isInstanceOf(NullPointerException.class).hasMessage("segments");
    assertThatThrownBy(() -> new RetentionContext(c.customer(), StageFamily.DECLINE, new java.util.HashSet<>(java.util.Arrays.asList("a", null)),
        Risk.NONE, eur("1"), AT))
        .isInstanceOf(NullPointerException.class).hasMessage("segments of customer " + ID.masked() + " contain null");
  }

  /** A strategy that declares no parameters keeps the interface's: none, and every name refused. */
  @Test
  void aStrategyWithoutParametersIsItsOwnConfigurationAndRefusesEveryName() {
    RetentionStrategy plain = new RetentionStrategy() {
      @Override
      public String id() {
        return "acme.plain";
      }

      @Override
      public Set<StageFamily> families() {
        return Set.of(StageFamily.MATURITY);
      }

      @Override
      public List<RetentionAction> propose(RetentionContext context) {
        return List.of();
      }
    };
    assertThat(plain.parameters()).isEmpty();
    assertThat(plain.configure(Map.of())).isSameAs(plain);
    assertThatThrownBy(() -> plain.configure(Map.of("zeta", 1.0, "contact-cost", 2.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'acme.plain' has no parameter 'contact-cost'; parameters are []");
    assertThatThrownBy(() -> plain.configure(null)).isInstanceOf(NullPointerException.class).hasMessage("overrides");
  }

  @Test
  void aSearchThatGivesUpSaysHowFarItGot() {
    ConvergenceException e = new ConvergenceException("no convergence after 400 evaluations", 400, -1234.5);
    assertThat(e.evaluations()).isEqualTo(400);
    assertThat(e.logLikelihood()).isEqualTo(-1234.5);
    assertThat(e).hasMessage("no convergence after 400 evaluations");
    assertThat(new ConvergenceException("diverged", 3, Double.NEGATIVE_INFINITY).logLikelihood())
        .isEqualTo(Double.NEGATIVE_INFINITY);
  }
}
