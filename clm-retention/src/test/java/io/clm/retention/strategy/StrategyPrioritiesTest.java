package io.clm.retention.strategy;

import static io.clm.retention.strategy.Contexts.START;
import static io.clm.retention.strategy.Contexts.context;
import static io.clm.retention.strategy.Contexts.costs;
import static io.clm.retention.strategy.Contexts.eur;
import static io.clm.retention.strategy.Contexts.priorities;
import static io.clm.retention.strategy.Contexts.types;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.StageFamily;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Severity;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The priorities and default costs of the built-in strategies other than decline, and the
 * thresholds of the maturity strategy (docs/retention.md, "Built-in strategies").
 */
class StrategyPrioritiesTest {

  private static final ActionType TECHNICAL = new ActionType.ExitBarrier(ActionType.BarrierKind.TECHNICAL);
  private static final ActionType ECONOMIC = new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC);
  private static final ActionType CONTRACTUAL = new ActionType.ExitBarrier(ActionType.BarrierKind.CONTRACTUAL);
  private static final BigDecimal CREDITWORTHY = new BigDecimal("720");

  @Test
  void trustBuildingExplainsAtSixtyAndOffersAtForty() {
    List<RetentionAction> a = new TrustBuildingStrategy().propose(context(StageFamily.PROSPECT, true));
    assertThat(priorities(a)).containsExactly(60, 40);
    // An introductory offer without a discount costs the handling, 25.
    assertThat(costs(a)).containsExactly(eur("5.00"), eur("25.00"));
  }

  @Test
  void satisfactionRecoversAtEightyCallsAtSixtyAndInvitesReferralsAtThirty() {
    List<RetentionAction> a =
        new SatisfactionStrategy().propose(context(StageFamily.ONBOARDING, true, "500.00", 0, b -> b.complaint("k", Severity.NORMAL, null)));
    assertThat(types(a))
        .containsExactly(
            new ActionType.ServiceRecovery(eur("10.00")),
            new ActionType.Communication("care call: learn the new customer's needs"),
            new ActionType.Offer(0));
    assertThat(priorities(a)).containsExactly(80, 60, 30);
    assertThat(costs(a)).containsExactly(eur("25.00"), eur("5.00"), eur("25.00"));
    // Without a complaint open, no recovery.
    assertThat(types(new SatisfactionStrategy().propose(context(StageFamily.ONBOARDING, true))))
        .containsExactly(new ActionType.Communication("care call: learn the new customer's needs"), new ActionType.Offer(0));
  }

  @Test
  void compensationIsTwoPercentOfTheValueAtMostFiveHundred() {
    // 2 % of 25,000 is 500: the cap itself; 2 % of 30,000 is 600, capped at 500.
    for (String value : List.of("25000.00", "30000.00")) {
      List<RetentionAction> a =
          new SatisfactionStrategy().propose(context(StageFamily.ONBOARDING, false, value, 0, b -> b.complaint("k", Severity.NORMAL, null)));
      assertThat(a.get(0).type()).as(value).isEqualTo(new ActionType.ServiceRecovery(eur("500.00")));
      assertThat(a.get(0).expectedCost()).as(value).isEqualTo(eur("515.00"));
    }
    // 2 % of 1,000 is 20: between the floor and the cap.
    List<RetentionAction> a =
        new SatisfactionStrategy().propose(context(StageFamily.ONBOARDING, false, "1000.00", 0, b -> b.complaint("k", Severity.NORMAL, null)));
    assertThat(a.get(0).type()).isEqualTo(new ActionType.ServiceRecovery(eur("20.00")));
    assertThat(a.get(0).expectedCost()).isEqualTo(eur("35.00"));
  }

  @Test
  void growthReviewsAtFiftyCrossSellsAtSixtyAndUpSellsAtFiftyFive() {
    List<RetentionAction> a =
        new CrossUpSellStrategy()
            .propose(
                context(
                    StageFamily.GROWTH,
                    true,
                    "800.00",
                    0,
                    b ->
                        b.attribute(Attribute.CREDIT_SCORE, CREDITWORTHY, START)
                            .products(ProductType.CURRENT_ACCOUNT, 1, 0)
                            .transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 3, 3000)));
    assertThat(types(a))
        .containsExactly(
            new ActionType.Communication("relationship review: clarify duties and rights, prepare personalised service"),
            new ActionType.CrossSell(ProductType.DEPOSIT),
            new ActionType.UpSell(ProductType.CURRENT_ACCOUNT));
    assertThat(priorities(a)).containsExactly(50, 60, 55);
    assertThat(costs(a)).containsExactly(eur("5.00"), eur("20.00"), eur("20.00"));
  }

  @Test
  void growthUpSellsTheEarlierTypeOfTwoUsedEquallyAndNothingUnused() {
    // Deposit and card used equally (debits and credits counted together): the deposit comes first
    // in ProductType order.
    List<RetentionAction> tie =
        new CrossUpSellStrategy()
            .propose(
                context(
                    StageFamily.GROWTH,
                    true,
                    "800.00",
                    0,
                    b ->
                        b.attribute(Attribute.CREDIT_SCORE, CREDITWORTHY, START)
                            .products(ProductType.DEPOSIT, 1, 0)
                            .products(ProductType.CARD, 1, 0)
                            .transactions(ProductType.CARD, Direction.DEBIT, 4, 400)
                            .transactions(ProductType.DEPOSIT, Direction.DEBIT, 2, 200)
                            .transactions(ProductType.DEPOSIT, Direction.CREDIT, 2, 200)));
    assertThat(types(tie)).contains(new ActionType.UpSell(ProductType.DEPOSIT)).doesNotContain(new ActionType.UpSell(ProductType.CARD));
    // A card used more than the deposit is the one up-sold.
    List<RetentionAction> card =
        new CrossUpSellStrategy()
            .propose(
                context(
                    StageFamily.GROWTH,
                    true,
                    "800.00",
                    0,
                    b ->
                        b.attribute(Attribute.CREDIT_SCORE, CREDITWORTHY, START)
                            .products(ProductType.DEPOSIT, 1, 0)
                            .products(ProductType.CARD, 1, 0)
                            .transactions(ProductType.CARD, Direction.CREDIT, 5, 500)
                            .transactions(ProductType.DEPOSIT, Direction.DEBIT, 4, 400)));
    assertThat(types(card)).contains(new ActionType.UpSell(ProductType.CARD)).doesNotContain(new ActionType.UpSell(ProductType.DEPOSIT));
    // Held but never used: nothing to up-sell.
    List<RetentionAction> unused =
        new CrossUpSellStrategy().propose(context(StageFamily.GROWTH, true, "800.00", 0, b -> b.products(ProductType.DEPOSIT, 1, 0)));
    assertThat(types(unused)).noneMatch(t -> t instanceof ActionType.UpSell);
    // A card used most but closed is no longer held: the current account is up-sold.
    List<RetentionAction> closed =
        new CrossUpSellStrategy()
            .propose(
                context(
                    StageFamily.GROWTH,
                    true,
                    "800.00",
                    0,
                    b ->
                        b.attribute(Attribute.CREDIT_SCORE, CREDITWORTHY, START)
                            .products(ProductType.CURRENT_ACCOUNT, 1, 0)
                            .products(ProductType.CARD, 1, 1)
                            .transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 3, 300)
                            .transactions(ProductType.CARD, Direction.DEBIT, 10, 1000)));
    assertThat(types(closed)).contains(new ActionType.UpSell(ProductType.CURRENT_ACCOUNT)).doesNotContain(new ActionType.UpSell(ProductType.CARD));
  }

  @Test
  void maturityBoostsBarriersOnlyBelowHalfTheWallet() {
    // Volume 100.00 of a total business of 200: a share of exactly one half, no boost.
    List<RetentionAction> half =
        new MaturityExtensionStrategy()
            .propose(
                context(
                    StageFamily.MATURITY,
                    true,
                    "5000.00",
                    0,
                    b ->
                        b.transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 10, 10_000)
                            .attribute(Attribute.TOTAL_BUSINESS, new BigDecimal("200"), START)));
    assertThat(types(half)).containsExactly(TECHNICAL, ECONOMIC, CONTRACTUAL, new ActionType.Offer(5));
    assertThat(priorities(half)).containsExactly(50, 45, 35, 40);
    assertThat(costs(half)).containsExactly(eur("30.00"), eur("30.00"), eur("30.00"), eur("275.00"));
    // A total business of 201: just under one half, the barriers rise by 10, the discount does not.
    List<RetentionAction> under =
        new MaturityExtensionStrategy()
            .propose(
                context(
                    StageFamily.MATURITY,
                    true,
                    "5000.00",
                    0,
                    b ->
                        b.transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 10, 10_000)
                            .attribute(Attribute.TOTAL_BUSINESS, new BigDecimal("201"), START)));
    assertThat(priorities(under)).containsExactly(60, 55, 45, 40);
    // An unknown share (no total business supplied) is no ground for a boost.
    assertThat(priorities(new MaturityExtensionStrategy().propose(context(StageFamily.MATURITY, true, "5000.00", 0, b -> b))))
        .containsExactly(50, 45, 35, 40);
  }

  @Test
  void maturityMovesToDigitalChannelsOnlyBelowHalfTheTransactions() {
    // 5 of 10 transactions digital: exactly one half, no technical barrier.
    List<RetentionAction> half =
        new MaturityExtensionStrategy()
            .propose(
                context(
                    StageFamily.MATURITY,
                    true,
                    "5000.00",
                    0,
                    b -> b.transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 10, 10_000).digitalTransactions(5)));
    assertThat(types(half)).containsExactly(ECONOMIC, CONTRACTUAL, new ActionType.Offer(5));
    // 4 of 10: the technical barrier is proposed.
    List<RetentionAction> under =
        new MaturityExtensionStrategy()
            .propose(
                context(
                    StageFamily.MATURITY,
                    true,
                    "5000.00",
                    0,
                    b -> b.transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 10, 10_000).digitalTransactions(4)));
    assertThat(types(under)).containsExactly(TECHNICAL, ECONOMIC, CONTRACTUAL, new ActionType.Offer(5));
  }

  @Test
  void winBackTalksAtFortyAndCampaignsAtFifty() {
    List<RetentionAction> a = new WinBackStrategy().propose(context(StageFamily.EXIT, true));
    assertThat(priorities(a)).containsExactly(40, 50);
    assertThat(costs(a)).containsExactly(eur("5.00"), eur("40.00"));
    // Without consent only the conversation, a service contact.
    assertThat(types(new WinBackStrategy().propose(context(StageFamily.EXIT, false))))
        .containsExactly(new ActionType.Communication("exit conversation: learn what lured the customer away"));
  }

  @Test
  void aNewLineOfBusinessClosesAtFortyAndCrossSellsAtSixty() {
    List<RetentionAction> a =
        new NewLineOfBusinessStrategy()
            .propose(context(StageFamily.INTERRUPTION, true, "500.00", 0, b -> b.products(ProductType.CURRENT_ACCOUNT, 1, 1)));
    // Without a credit score the loan and the card are skipped: the deposit is the first never held.
    assertThat(types(a))
        .containsExactly(new ActionType.Communication("close the ended line of business cleanly"), new ActionType.CrossSell(ProductType.DEPOSIT));
    assertThat(priorities(a)).containsExactly(40, 60);
    assertThat(costs(a)).containsExactly(eur("5.00"), eur("20.00"));
    // A line held now (not closed) is not offered either.
    List<RetentionAction> held =
        new NewLineOfBusinessStrategy()
            .propose(
                context(
                    StageFamily.INTERRUPTION,
                    true,
                    "500.00",
                    0,
                    b -> b.products(ProductType.CURRENT_ACCOUNT, 1, 1).products(ProductType.DEPOSIT, 1, 0)));
    assertThat(types(held)).contains(new ActionType.CrossSell(ProductType.WEALTH_MANAGEMENT));
  }
}
