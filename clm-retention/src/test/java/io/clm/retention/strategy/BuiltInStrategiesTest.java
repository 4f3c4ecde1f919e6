package io.clm.retention.strategy;

import static io.clm.retention.strategy.Contexts.START;
import static io.clm.retention.strategy.Contexts.context;
import static io.clm.retention.strategy.Contexts.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.event.Severity;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionPlan;
import io.clm.api.retention.RetentionStrategy;
import io.clm.api.retention.Risk;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BuiltInStrategiesTest {

  @Test
  void everyStageFamilyHasExactlyOneBuiltInStrategyAndAllAreDiscovered() {
    List<RetentionStrategy> found = new ArrayList<>();
    ServiceLoader.load(RetentionStrategy.class).forEach(found::add);
    assertThat(found)
        .extracting(RetentionStrategy::id)
        .containsExactlyInAnyOrder(
            "trust-building",
            "satisfaction",
            "cross-up-sell",
            "maturity-extension",
            "decline-recovery",
            "win-back",
            "new-line-of-business");
    Set<StageFamily> covered = EnumSet.noneOf(StageFamily.class);
    for (RetentionStrategy s : found) {
      for (StageFamily f : s.families()) {
        assertThat(covered.add(f)).as("%s covered twice", f).isTrue();
      }
    }
    assertThat(covered).containsExactlyInAnyOrder(StageFamily.values());
  }

  @Test
  void trustBuildingExplainsAndOffersWithConsent() {
    List<RetentionAction> a = new TrustBuildingStrategy().propose(context(StageFamily.PROSPECT, true));
    assertThat(types(a))
        .containsExactly(new ActionType.Communication("explain the product and answer the prospect's questions"), new ActionType.Offer(0));
    assertThat(a.get(0).rationale()).contains("trust").contains("seeds 000, 003");
    assertThat(a.get(0).expectedCost()).isEqualTo(Money.of("5.00", "EUR"));
    assertThat(a).allSatisfy(x -> assertThat(x.strategy()).isEqualTo("trust-building"));
  }

  @Test
  void satisfactionRecoversAnOpenComplaint() {
    RetentionContext c =
        context(StageFamily.ONBOARDING, false, "500.00", 0, b -> b.complaint("k1", Severity.NORMAL, null));
    List<RetentionAction> a = new SatisfactionStrategy().propose(c);
    assertThat(a.get(0).type()).isEqualTo(new ActionType.ServiceRecovery(Money.of("10.00", "EUR")));
    assertThat(a.get(0).expectedCost()).isEqualTo(Money.of("25.00", "EUR"));
    assertThat(a.get(0).priority()).isEqualTo(80);
    assertThat(types(a)).hasSize(2).noneMatch(ActionType::isMarketing);
  }

  @Test
  void growthCrossSellsTheFirstTypeNotHeldAndUpSellsTheMostUsed() {
    RetentionContext c =
        context(
            StageFamily.GROWTH,
            true,
            "800.00",
            0,
            b ->
                b.attribute(Attribute.CREDIT_SCORE, new BigDecimal("720"), START)
                    .products(ProductType.CURRENT_ACCOUNT, 1, 0)
                    .products(ProductType.CARD, 1, 0)
                    .transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 3, 3000)
                    .transactions(ProductType.CARD, Direction.DEBIT, 30, 9000));
    List<ActionType> t = types(new CrossUpSellStrategy().propose(c));
    assertThat(t)
        .contains(new ActionType.CrossSell(ProductType.DEPOSIT), new ActionType.UpSell(ProductType.CARD))
        .hasSize(3);
  }

  @Test
  void maturityRaisesAllThreeExitBarriersAndLowersTransactionCost() {
    RetentionContext c =
        context(
            StageFamily.MATURITY,
            true,
            "5000.00",
            0,
            b ->
                b.transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 10, 10000)
                    .digitalTransactions(2)
                    .attribute(Attribute.TOTAL_BUSINESS, new BigDecimal("1000"), START));
    List<RetentionAction> a = new MaturityExtensionStrategy().propose(c);
    assertThat(types(a))
        .contains(
            new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC),
            new ActionType.ExitBarrier(ActionType.BarrierKind.TECHNICAL),
            new ActionType.ExitBarrier(ActionType.BarrierKind.CONTRACTUAL),
            new ActionType.Offer(5));
    // Share of wallet 100 / 1000 is low: barriers get the +10 boost.
    assertThat(a.stream().filter(x -> x.type().equals(new ActionType.ExitBarrier(ActionType.BarrierKind.TECHNICAL))).findFirst().orElseThrow().priority())
        .isEqualTo(60);
    // The offer costs handling plus 5 % of the value, capped at 250.
    assertThat(a.stream().filter(x -> x.type() instanceof ActionType.Offer).findFirst().orElseThrow().expectedCost())
        .isEqualTo(Money.of("275.00", "EUR"));
  }

  /** A context valued in the given currency, the customer's facts in the same one. */
  private static RetentionContext valued(StageFamily family, String value, String currency, UnaryOperator<MetricsSnapshot.Builder> facts) {
    MetricsSnapshot.Builder b = MetricsSnapshot.builder(Money.currency(currency), START).consent(Purpose.MARKETING, true, START);
    Customer customer = new Customer(CustomerId.of("c-1"), "stage", 0, facts.apply(b).build(), Map.of());
    return new RetentionContext(customer, family, Set.of(), Risk.NONE, Money.of(value, currency), Contexts.NOW);
  }

  private static RetentionAction first(List<RetentionAction> actions, Class<? extends ActionType> type) {
    return actions.stream().filter(x -> type.isInstance(x.type())).findFirst().orElseThrow();
  }

  @Test
  void costsAreWorkedOutInDecimalAndRoundedOnceHalfEven() {
    // 2 % of 500.25 is 10.005: compensation 10.00 (half even), cost 10.00 + 15 = 25.00.
    RetentionAction recovery =
        first(new SatisfactionStrategy().propose(valued(StageFamily.ONBOARDING, "500.25", "EUR", b -> b.complaint("k", Severity.NORMAL, null))),
            ActionType.ServiceRecovery.class);
    assertThat(recovery.type()).isEqualTo(new ActionType.ServiceRecovery(Money.of("10.00", "EUR")));
    assertThat(recovery.expectedCost()).isEqualTo(Money.of("25.00", "EUR"));
    // 2 % of 508.25 is 10.165: compensation 10.16, cost 25.16.
    recovery =
        first(new SatisfactionStrategy().propose(valued(StageFamily.ONBOARDING, "508.25", "EUR", b -> b.complaint("k", Severity.NORMAL, null))),
            ActionType.ServiceRecovery.class);
    assertThat(recovery.type()).isEqualTo(new ActionType.ServiceRecovery(Money.of("10.16", "EUR")));
    assertThat(recovery.expectedCost()).isEqualTo(Money.of("25.16", "EUR"));
    // Three fraction digits: 2 % of 500.025 KWD is 10.0005, compensation 10.000, cost 25.000.
    recovery =
        first(new SatisfactionStrategy().propose(valued(StageFamily.ONBOARDING, "500.025", "KWD", b -> b.complaint("k", Severity.NORMAL, null))),
            ActionType.ServiceRecovery.class);
    assertThat(recovery.type()).isEqualTo(new ActionType.ServiceRecovery(Money.of("10.000", "KWD")));
    assertThat(recovery.expectedCost()).isEqualTo(Money.of("25.000", "KWD"));
    // A 5 % offer on 1,001.70 costs 25 + 50.085 = 75.085: 75.08.
    assertThat(first(new MaturityExtensionStrategy().propose(valued(StageFamily.MATURITY, "1001.70", "EUR", b -> b)), ActionType.Offer.class).expectedCost())
        .isEqualTo(Money.of("75.08", "EUR"));
    // On 50.230 KWD: 25 + 2.5115 = 27.5115: 27.512.
    assertThat(first(new MaturityExtensionStrategy().propose(valued(StageFamily.MATURITY, "50.230", "KWD", b -> b)), ActionType.Offer.class).expectedCost())
        .isEqualTo(Money.of("27.512", "KWD"));
    // No fraction digits: 25 + 5 % of 1,030 JPY = 25 + 51.5 = 76.5: 76.
    assertThat(first(new MaturityExtensionStrategy().propose(valued(StageFamily.MATURITY, "1030", "JPY", b -> b)), ActionType.Offer.class).expectedCost())
        .isEqualTo(Money.of("76", "JPY"));
  }

  @Test
  void maturityWithoutConsentKeepsOnlyTheTechnicalBarrier() {
    RetentionContext c = context(StageFamily.MATURITY, false, "5000.00", 0, b -> b);
    assertThat(types(new MaturityExtensionStrategy().propose(c)))
        .containsExactly(new ActionType.ExitBarrier(ActionType.BarrierKind.TECHNICAL));
  }

  @Test
  void winBackProposesAnExitConversationAndACampaign() {
    assertThat(types(new WinBackStrategy().propose(context(StageFamily.EXIT, true))))
        .containsExactly(new ActionType.Communication("exit conversation: learn what lured the customer away"), new ActionType.WinBack());
  }

  @Test
  void interruptionOffersANewLineOfBusinessNotTheOneThatEnded() {
    // The current account ended, the deposit is held: the first line never held is the loan, which
    // may be sold with a credit score of 720.
    RetentionContext c =
        context(
            StageFamily.INTERRUPTION,
            true,
            "500.00",
            0,
            b ->
                b.attribute(Attribute.CREDIT_SCORE, new BigDecimal("720"), START)
                    .products(ProductType.CURRENT_ACCOUNT, 1, 1)
                    .products(ProductType.DEPOSIT, 1, 0));
    assertThat(types(new NewLineOfBusinessStrategy().propose(c)))
        .containsExactly(
            new ActionType.Communication("close the ended line of business cleanly"),
            new ActionType.CrossSell(ProductType.LOAN));
  }

  @Test
  void interruptionOffersNoCrossSellWhenEveryLineIsHeldOrEnded() {
    RetentionContext c = context(StageFamily.INTERRUPTION, true, "500.00", 0, b -> {
      for (ProductType p : ProductType.values()) {
        b.products(p, 1, p.ordinal() % 2);
      }
      return b;
    });
    assertThat(types(new NewLineOfBusinessStrategy().propose(c)))
        .containsExactly(new ActionType.Communication("close the ended line of business cleanly"));
  }

  @Test
  void noMarketingWithoutConsentButServiceRecoveryStays() {
    List<RetentionStrategy> all = new ArrayList<>();
    ServiceLoader.load(RetentionStrategy.class).forEach(all::add);
    for (StageFamily family : StageFamily.values()) {
      RetentionContext c =
          context(family, false, "5000.00", 0.9, b -> b.complaint("k1", Severity.URGENT, null).attribute(Attribute.COMPETITOR_ATTENTION, BigDecimal.ONE, START));
      RetentionPlan plan = RetentionPlan.of(c, all);
      assertThat(plan.actions()).as("%s", family).noneMatch(RetentionAction::isMarketing);
      assertThat(plan.withheld()).isZero();
    }
    RetentionContext decline =
        context(StageFamily.DECLINE, false, "5000.00", 0.9, b -> b.complaint("k1", Severity.URGENT, null));
    assertThat(types(RetentionPlan.of(decline, all).actions())).anyMatch(t -> t instanceof ActionType.ServiceRecovery);
  }

  /** A strategy that applies to every family and answers with a given function. */
  static class Misbehaving implements RetentionStrategy {
    private final String id;
    private final java.util.function.Function<RetentionContext, List<RetentionAction>> body;

    Misbehaving(String id, java.util.function.Function<RetentionContext, List<RetentionAction>> body) {
      this.id = id;
      this.body = body;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public Set<StageFamily> families() {
      return EnumSet.allOf(StageFamily.class);
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      return body.apply(context);
    }
  }

  private static final String MISBEHAVING = Misbehaving.class.getName();

  @Test
  void misbehavingStrategiesAreReportedByNameAndTheOthersStand() {
    RetentionContext c = context(StageFamily.GROWTH, true);
    String customer = c.customer().id().masked();
    RetentionAction foreign = new RetentionAction(new ActionType.WinBack(), "x", Money.of("1.00", "EUR"), 1, "acme.other");
    RetentionAction dollars = new RetentionAction(new ActionType.WinBack(), "x", Money.of("1.00", "USD"), 1, "acme.dollars");
    RetentionStrategy unnamed =
        new Misbehaving("unused", x -> List.of()) {
          @Override
          public String id() {
            throw new IllegalStateException("no licence");
          }
        };
    RetentionStrategy familyless =
        new Misbehaving("acme.familyless", x -> List.of()) {
          @Override
          public Set<StageFamily> families() {
            return null;
          }
        };
    List<RetentionStrategy> strategies =
        List.of(
            new Misbehaving("acme.throws", x -> {
              throw new IllegalStateException("boom for " + x.customer().id().value());
            }),
            new CrossUpSellStrategy(),
            new Misbehaving("acme.null", x -> null),
            new Misbehaving("acme.impostor", x -> List.of(foreign)),
            new Misbehaving("acme.dollars", x -> List.of(dollars)),
            new Misbehaving("acme.hole", x -> java.util.Arrays.asList((RetentionAction) null)),
            familyless,
            unnamed);

    RetentionPlan plan = RetentionPlan.of(c, strategies);

    RetentionPlan alone = RetentionPlan.of(c, List.of(new CrossUpSellStrategy()));
    assertThat(alone.actions()).isNotEmpty();
    assertThat(alone.failures()).isEmpty();
    assertThat(plan.actions()).isEqualTo(alone.actions());
    assertThat(plan.withheld()).isEqualTo(alone.withheld());
    assertThat(plan.failures())
        .extracting(Throwable::getMessage)
        .containsExactly(
            "plugin '?' (" + unnamed.getClass().getName() + ") threw java.lang.IllegalStateException in id for customer " + customer,
            "plugin 'acme.dollars' (" + MISBEHAVING + ") proposed an action priced in USD instead of EUR for customer " + customer,
            "plugin 'acme.familyless' (" + familyless.getClass().getName() + ") returned null from families for customer " + customer,
            "plugin 'acme.hole' (" + MISBEHAVING + ") proposed a null action for customer " + customer,
            "plugin 'acme.impostor' (" + MISBEHAVING + ") proposed an action named 'acme.other' for customer " + customer,
            "plugin 'acme.null' (" + MISBEHAVING + ") returned null from propose for customer " + customer,
            "plugin 'acme.throws' (" + MISBEHAVING + ") threw java.lang.IllegalStateException in propose for customer " + customer);
    assertThat(plan.failures().get(6)).hasCauseInstanceOf(IllegalStateException.class);
    assertThat(plan.failures()).allSatisfy(e -> assertThat(e.getMessage()).doesNotContain(c.customer().id().value()));
  }

  @Test
  void planMergeIsDeterministicAndDropsMarketingWithoutConsent() {
    RetentionStrategy noisy =
        new RetentionStrategy() {
          @Override
          public String id() {
            return "acme.noisy";
          }

          @Override
          public Set<StageFamily> families() {
            return EnumSet.of(StageFamily.GROWTH);
          }

          @Override
          public List<RetentionAction> propose(RetentionContext context) {
            return List.of(
                new RetentionAction(new ActionType.CrossSell(ProductType.CURRENT_ACCOUNT), "always sell", Money.of("1.00", "EUR"), 99, id()),
                new RetentionAction(
                    new ActionType.Communication("relationship review: clarify duties and rights, prepare personalised service"),
                    "same contact, higher priority",
                    Money.of("5.00", "EUR"),
                    70,
                    id()));
          }
        };
    List<RetentionStrategy> strategies = new ArrayList<>(List.of(new CrossUpSellStrategy(), noisy, new WinBackStrategy()));
    RetentionContext consenting = context(StageFamily.GROWTH, true);
    RetentionPlan first = RetentionPlan.of(consenting, strategies);
    Collections.reverse(strategies);
    assertThat(RetentionPlan.of(consenting, strategies)).isEqualTo(first);
    assertThat(first.actions().get(0).strategy()).isEqualTo("acme.noisy");
    assertThat(first.actions().get(0).priority()).isEqualTo(99);
    // The duplicated contact is merged into the higher-priority proposal.
    assertThat(first.actions().stream().filter(a -> a.type() instanceof ActionType.Communication)).singleElement()
        .satisfies(a -> assertThat(a.priority()).isEqualTo(70));
    RetentionPlan withoutConsent = RetentionPlan.of(context(StageFamily.GROWTH, false), strategies);
    assertThat(withoutConsent.actions()).noneMatch(RetentionAction::isMarketing);
    assertThat(withoutConsent.withheld()).isEqualTo(1);
  }
}
