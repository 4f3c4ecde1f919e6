package io.clm.retention.strategy;

import static io.clm.retention.strategy.Contexts.START;
import static io.clm.retention.strategy.Contexts.context;
import static io.clm.retention.strategy.Contexts.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;

import io.clm.api.MetricsSnapshot;
import io.clm.api.StageFamily;
import io.clm.api.event.Attribute;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * No built-in strategy sells credit (a loan, a card, an unclassified product) to a customer in
 * difficulty or whose credit score is unknown, whatever the marketing consent.
 */
class ResponsibleLendingTest {

  /** No credit score supplied. */
  private static final Integer UNKNOWN = null;

  private static UnaryOperator<MetricsSnapshot.Builder> score(Integer score, boolean vulnerable) {
    return b -> {
      if (score != null) {
        b.attribute(Attribute.CREDIT_SCORE, BigDecimal.valueOf(score), START);
      }
      if (vulnerable) {
        b.attribute(Attribute.VULNERABLE, BigDecimal.ONE, START);
      }
      return b;
    };
  }

  /**
   * A customer in growth who holds a current account, a deposit and a loan, and uses the loan most:
   * the first type not held is the card, the most used is the loan.
   */
  private static RetentionContext growth(Integer score, boolean vulnerable) {
    return context(
        StageFamily.GROWTH,
        true,
        "800.00",
        0,
        b ->
            score(score, vulnerable)
                .apply(
                    b.products(ProductType.CURRENT_ACCOUNT, 1, 0)
                        .products(ProductType.DEPOSIT, 1, 0)
                        .products(ProductType.LOAN, 1, 0)
                        .transactions(ProductType.CURRENT_ACCOUNT, Direction.DEBIT, 5, 500)
                        .transactions(ProductType.DEPOSIT, Direction.CREDIT, 2, 900)
                        .transactions(ProductType.LOAN, Direction.DEBIT, 12, 6000)));
  }

  @Test
  void growthSellsCreditFromAKnownScoreOf500WhenNotVulnerable() {
    for (int score : new int[] {500, 501, 900}) {
      assertThat(types(new CrossUpSellStrategy().propose(growth(score, false))))
          .as("score %d", score)
          .contains(new ActionType.CrossSell(ProductType.CARD), new ActionType.UpSell(ProductType.LOAN))
          .hasSize(3);
    }
  }

  @Test
  void growthOffersNonCreditProductsInsteadToACustomerInDifficultyOrWithoutAScore() {
    List<RetentionContext> notForCredit =
        List.of(growth(499, false), growth(0, false), growth(UNKNOWN, false), growth(900, true), growth(UNKNOWN, true));
    for (RetentionContext c : notForCredit) {
      // The first type not held that is not credit is wealth management (after the card); the
      // most used held type that is not credit is the current account (after the loan).
      assertThat(types(new CrossUpSellStrategy().propose(c)))
          .as("%s", c.customer().metrics().attributes())
          .contains(new ActionType.CrossSell(ProductType.WEALTH_MANAGEMENT), new ActionType.UpSell(ProductType.CURRENT_ACCOUNT))
          .hasSize(3);
    }
  }

  @Test
  void growthUpSellsNothingWhenOnlyCreditIsUsed() {
    RetentionContext c =
        context(
            StageFamily.GROWTH,
            true,
            "800.00",
            0,
            b -> score(499, false).apply(b.products(ProductType.CARD, 1, 0).transactions(ProductType.CARD, Direction.DEBIT, 30, 9000)));
    assertThat(types(new CrossUpSellStrategy().propose(c)))
        .containsExactlyInAnyOrder(
            new ActionType.Communication("relationship review: clarify duties and rights, prepare personalised service"),
            new ActionType.CrossSell(ProductType.CURRENT_ACCOUNT));
  }

  /** The current account ended, the deposit is held: the first line never held is the loan. */
  private static RetentionContext interrupted(Integer score, boolean vulnerable) {
    return context(
        StageFamily.INTERRUPTION,
        true,
        "500.00",
        0,
        b -> score(score, vulnerable).apply(b.products(ProductType.CURRENT_ACCOUNT, 1, 1).products(ProductType.DEPOSIT, 1, 0)));
  }

  @Test
  void aNewLineOfBusinessIsCreditOnlyForACreditworthyCustomer() {
    for (int score : new int[] {500, 501}) {
      assertThat(types(new NewLineOfBusinessStrategy().propose(interrupted(score, false))))
          .as("score %d", score)
          .contains(new ActionType.CrossSell(ProductType.LOAN));
    }
    for (RetentionContext c : List.of(interrupted(499, false), interrupted(UNKNOWN, false), interrupted(800, true))) {
      assertThat(types(new NewLineOfBusinessStrategy().propose(c)))
          .as("%s", c.customer().metrics().attributes())
          .containsExactly(
              new ActionType.Communication("close the ended line of business cleanly"),
              new ActionType.CrossSell(ProductType.WEALTH_MANAGEMENT));
    }
  }

  @Test
  void noNewLineOfBusinessWhenOnlyCreditIsLeft() {
    // Every type that is not credit is held or has been closed; the loan, card and other are not.
    UnaryOperator<MetricsSnapshot.Builder> holdings =
        b ->
            b.products(ProductType.CURRENT_ACCOUNT, 1, 1)
                .products(ProductType.DEPOSIT, 1, 0)
                .products(ProductType.WEALTH_MANAGEMENT, 1, 0)
                .products(ProductType.PAYMENTS, 1, 1)
                .products(ProductType.INSURANCE, 1, 0);
    RetentionContext vulnerable =
        context(StageFamily.INTERRUPTION, true, "500.00", 0, b -> score(700, true).apply(holdings.apply(b)));
    assertThat(types(new NewLineOfBusinessStrategy().propose(vulnerable)))
        .containsExactly(new ActionType.Communication("close the ended line of business cleanly"));
    RetentionContext creditworthy =
        context(StageFamily.INTERRUPTION, true, "500.00", 0, b -> score(700, false).apply(holdings.apply(b)));
    assertThat(types(new NewLineOfBusinessStrategy().propose(creditworthy))).contains(new ActionType.CrossSell(ProductType.LOAN));
  }

  @Test
  void theDeclineStrategySeesTheSameDifficultyAsTheSalesRule() {
    assertThat(DeclineRecoveryStrategy.cause(context(StageFamily.DECLINE, true, "1.00", 0, score(499, false))))
        .isEqualTo(DeclineRecoveryStrategy.Cause.CUSTOMER_TROUBLE);
    assertThat(DeclineRecoveryStrategy.cause(context(StageFamily.DECLINE, true, "1.00", 0, score(UNKNOWN, true))))
        .isEqualTo(DeclineRecoveryStrategy.Cause.CUSTOMER_TROUBLE);
    // From 500 and without a score the customer is not in difficulty: an unknown score is no
    // reason to treat the decline as trouble, only no reason to lend.
    assertThat(DeclineRecoveryStrategy.cause(context(StageFamily.DECLINE, true, "1.00", 0, score(500, false))))
        .isEqualTo(DeclineRecoveryStrategy.Cause.UNKNOWN);
    assertThat(DeclineRecoveryStrategy.cause(context(StageFamily.DECLINE, true, "1.00", 0, score(UNKNOWN, false))))
        .isEqualTo(DeclineRecoveryStrategy.Cause.UNKNOWN);
  }

  /** Products that may be credit: loans and mortgages, cards (credit or debit), anything unclassified. */
  private static boolean credit(ActionType type) {
    ProductType product =
        type instanceof ActionType.CrossSell sale ? sale.product() : type instanceof ActionType.UpSell sale ? sale.product() : null;
    return product == ProductType.LOAN || product == ProductType.CARD || product == ProductType.OTHER;
  }

  @Test
  void noBuiltInStrategySellsCreditToACustomerWhoMayNotBorrow() {
    List<RetentionStrategy> all = new ArrayList<>();
    ServiceLoader.load(RetentionStrategy.class).forEach(all::add);
    assertThat(all).hasSize(7);
    qt().withExamples(400)
        .forAll(
            integers().between(-1, 1000),
            booleans().all(),
            integers().between(0, StageFamily.values().length - 1),
            integers().between(0, (1 << (2 * ProductType.values().length)) - 1))
        .checkAssert(
            (score, vulnerable, family, holdings) -> {
              RetentionContext c =
                  context(
                      StageFamily.values()[family],
                      true,
                      "2000.00",
                      0.3,
                      b -> {
                        for (ProductType p : ProductType.values()) {
                          int bits = holdings >> (2 * p.ordinal());
                          int held = bits & 1;
                          int closed = (bits >> 1) & 1;
                          b.products(p, held + closed, closed);
                          if (held == 1) {
                            b.transactions(p, Direction.DEBIT, 1 + p.ordinal(), 100);
                          }
                        }
                        return score(score < 0 ? UNKNOWN : score, vulnerable).apply(b);
                      });
              boolean mayBorrow = score >= 500 && !vulnerable;
              for (RetentionStrategy s : all) {
                if (!s.families().contains(c.family())) {
                  continue;
                }
                List<ActionType> sold = types(s.propose(c)).stream().filter(ResponsibleLendingTest::credit).toList();
                if (!mayBorrow) {
                  assertThat(sold).as("%s, score %d, vulnerable %s", s.id(), score, vulnerable).isEmpty();
                }
              }
            });
  }
}
