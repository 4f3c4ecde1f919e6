package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.ValidationException;
import io.clm.api.event.ProductType;
import io.clm.api.event.Purpose;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.Risk;
import io.clm.retention.RetentionPrioritiser.Allocation;
import io.clm.retention.RetentionPrioritiser.Candidate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class RetentionPrioritiserTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final RetentionPrioritiser DEFAULT = RetentionPrioritiser.builder().build();

  static RetentionContext context(String id, boolean consent, long valueMinor) {
    MetricsSnapshot m =
        MetricsSnapshot.builder(Money.currency("EUR"), NOW).consent(Purpose.MARKETING, consent, NOW).build();
    return new RetentionContext(
        new Customer(CustomerId.of(id), "decline", 0, m, Map.of()),
        StageFamily.DECLINE,
        Set.of(),
        Risk.NONE,
        Money.ofMinor(valueMinor, Money.currency("EUR")),
        NOW);
  }

  static RetentionAction action(ActionType type, long costMinor) {
    return new RetentionAction(type, "test", Money.ofMinor(costMinor, Money.currency("EUR")), 50, "test");
  }

  @Test
  void ranksByExpectedSavedValueWithinTheBudget() {
    RetentionAction call = action(new ActionType.Communication("call"), 500);
    RetentionAction offer = action(new ActionType.Offer(10), 5_000);
    List<Candidate> candidates =
        List.of(
            // 10,000 x 0.5 x 0.1 - 5 = 495 with the call; the offer saves 450.
            new Candidate(context("a", true, 1_000_000), 0.5, List.of(offer, call)),
            // 20,000 x 0.9 x 0.1 - 50 = 1,750 with the offer.
            new Candidate(context("b", true, 2_000_000), 0.9, List.of(offer)),
            // Saves 20 x 0.5 x 0.1 - 5 < 0: never chosen.
            new Candidate(context("c", true, 2_000), 0.5, List.of(call)),
            new Candidate(context("d", true, 5_000_000), 1.0, List.of(action(new ActionType.Abandon(), 0))));
    Allocation all = DEFAULT.allocate(candidates, Money.of("100.00", "EUR"));
    assertThat(all.selections()).extracting(s -> s.customer().value()).containsExactly("b", "a");
    assertThat(all.selections().get(0).expectedSavedValue()).isEqualTo(20_000 * 0.9 * 0.1 - 50);
    assertThat(all.selections().get(1).action()).isEqualTo(call);
    assertThat(all.spent()).isEqualTo(Money.of("55.00", "EUR"));
    // With 40.00 the offer no longer fits; the cheaper call further down is still taken.
    Allocation tight = DEFAULT.allocate(candidates, Money.of("40.00", "EUR"));
    assertThat(tight.selections()).extracting(s -> s.customer().value()).containsExactly("a");
  }

  @Test
  void upliftPerActionTypeChangesTheChoice() {
    RetentionPrioritiser p =
        RetentionPrioritiser.builder().uplift(0.05).uplift(ActionType.ServiceRecovery.class, 0.5).build();
    RetentionAction recovery = action(new ActionType.ServiceRecovery(Money.of("10.00", "EUR")), 2_500);
    RetentionAction call = action(new ActionType.Communication("call"), 500);
    Allocation a =
        p.allocate(List.of(new Candidate(context("a", false, 100_000), 0.8, List.of(call, recovery))), Money.of("100.00", "EUR"));
    assertThat(a.selections()).singleElement().satisfies(s -> assertThat(s.action()).isEqualTo(recovery));
  }

  @Test
  void badInputIsRejected() {
    assertThatThrownBy(() -> DEFAULT.allocate(List.of(), Money.of("-1.00", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("budget -1.00 EUR is negative");
    assertThatThrownBy(() -> RetentionPrioritiser.builder().uplift(1.5))
        .isInstanceOf(ValidationException.class)
        .hasMessage("uplift 1.5 is outside 0..1");
    assertThatThrownBy(() -> RetentionPrioritiser.builder().uplift(0.1).uplift(0.2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("uplift was already set to 0.1");
    // An uplift that would be ignored is refused rather than silently dropped.
    assertThatThrownBy(() -> RetentionPrioritiser.builder().uplift(ActionType.class, 0.2))
        .isInstanceOf(ValidationException.class)
        .hasMessage("type ActionType is not one action type; set the uplift of every type with uplift(0.2)");
    assertThatThrownBy(() -> RetentionPrioritiser.builder().uplift(ActionType.Abandon.class, 0.2))
        .isInstanceOf(ValidationException.class)
        .hasMessage("type Abandon has no uplift: it saves nothing and is never selected");
    String masked = CustomerId.of("a").masked();
    assertThatThrownBy(() -> new Candidate(context("a", true, 1), 0.5, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("actions of customer " + masked + " is null");
    assertThatThrownBy(() -> new Candidate(context("a", true, 1), 0.5, java.util.Arrays.asList(action(new ActionType.WinBack(), 100), null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("actions of customer " + masked + " contain null at 1");
    assertThatThrownBy(() -> new Candidate(context("a", true, 1), 1.2, List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("probabilityOfLeaving 1.2 is outside 0..1 for customer #");
  }

  @Test
  void aValueOrCostInAnotherCurrencyIsRefusedNamingTheFieldAndTheCustomer() {
    String masked = CustomerId.of("a").masked();
    assertThatThrownBy(() -> DEFAULT.allocate(List.of(new Candidate(context("a", true, 100), 0.5, List.of())), Money.of("1", "USD")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(masked)
        .hasMessageContaining("value")
        .hasMessage("value 1.00 EUR of customer " + masked + " is not in the budget's currency USD");
    RetentionAction inDollars = new RetentionAction(new ActionType.Communication("call"), "test", Money.of("5.00", "USD"), 50, "test");
    assertThatThrownBy(() -> DEFAULT.allocate(List.of(new Candidate(context("a", true, 100), 0.5, List.of(inDollars))), Money.of("1", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(masked)
        .hasMessageContaining("expectedCost")
        .hasMessage("expectedCost 5.00 USD of an action for customer " + masked + " is not in the budget's currency EUR");
  }

  @Test
  void savedValuesEqualOnPaperAreTiedAndGoToTheSmallerCustomerId() {
    RetentionAction call = action(new ActionType.Communication("call"), 500);
    // 800 x 0.57 x 0.1 - 5 = 40.6 and 2,400 x 0.19 x 0.1 - 5 = 40.6: a tie, so "a" before "b".
    List<Candidate> tied =
        List.of(
            new Candidate(context("b", true, 240_000), 0.19, List.of(call)),
            new Candidate(context("a", true, 80_000), 0.57, List.of(call)));
    Allocation both = DEFAULT.allocate(tied, Money.of("10.00", "EUR"));
    assertThat(both.selections()).extracting(s -> s.customer().value()).containsExactly("a", "b");
    assertThat(both.selections()).extracting(RetentionPrioritiser.Selection::expectedSavedValue).containsExactly(40.6, 40.6);
    // Room for one: the tie goes to the smaller id.
    assertThat(DEFAULT.allocate(tied, Money.of("5.00", "EUR")).selections()).extracting(s -> s.customer().value()).containsExactly("a");
    // Within one customer, equal savings go to the lower cost: 100 x 0.16 x 0.35 - 5 = 0.6 with the
    // 5.00 contact, 100 x 0.16 x 0.4 - 5.80 = 0.6 with the 5.80 recovery.
    RetentionPrioritiser p =
        RetentionPrioritiser.builder().uplift(0.35).uplift(ActionType.ServiceRecovery.class, 0.4).build();
    RetentionAction contact = action(new ActionType.Communication("call"), 500);
    RetentionAction recovery = action(new ActionType.ServiceRecovery(Money.of("0.80", "EUR")), 580);
    Allocation one = p.allocate(List.of(new Candidate(context("a", true, 10_000), 0.16, List.of(recovery, contact))), Money.of("100.00", "EUR"));
    assertThat(one.selections()).singleElement().satisfies(s -> {
      assertThat(s.action()).isEqualTo(contact);
      assertThat(s.expectedSavedValue()).isEqualTo(0.6);
    });
  }

  @Test
  void aCustomerListedTwiceIsRefusedNotActedOnTwice() {
    RetentionAction call = action(new ActionType.Communication("call"), 500);
    // Each candidate alone saves 10,000 x 0.5 x 0.1 - 5 = 495: both would fit in the budget.
    List<Candidate> twice =
        List.of(
            new Candidate(context("a", true, 1_000_000), 0.5, List.of(call)),
            new Candidate(context("b", true, 1_000_000), 0.5, List.of(call)),
            new Candidate(context("a", true, 1_000_000), 0.5, List.of(call)));
    assertThatThrownBy(() -> DEFAULT.allocate(twice, Money.of("100.00", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "customer " + CustomerId.of("a").masked()
                + " is a candidate twice; list each customer once with all the actions proposed for them");
  }

  private static final List<ActionType> TYPES =
      List.of(
          new ActionType.Communication("call"),
          new ActionType.Offer(10),
          new ActionType.ServiceRecovery(Money.of("20.00", "EUR")),
          new ActionType.ExitBarrier(ActionType.BarrierKind.ECONOMIC),
          new ActionType.ExitBarrier(ActionType.BarrierKind.TECHNICAL),
          new ActionType.CrossSell(ProductType.CARD),
          new ActionType.UpSell(ProductType.LOAN),
          new ActionType.WinBack(),
          new ActionType.Abandon());

  static Gen<Candidate> candidates() {
    Gen<RetentionAction> actions =
        integers().between(0, TYPES.size() - 1).zip(integers().between(0, 50_000), (t, cost) -> action(TYPES.get(t), cost));
    return integers()
        .between(0, 1_000_000)
        .zip(
            booleans().all(),
            integers().between(0, 10_000_000),
            doubles().between(0, 1),
            lists().of(actions).ofSizeBetween(0, 4),
            (id, consent, value, risk, list) -> new Candidate(context("c" + id, consent, value), risk, list));
  }

  @Test
  void neverExceedsTheBudgetNorPicksMarketingWithoutConsent() {
    qt().withExamples(300)
        .forAll(lists().of(candidates()).ofSizeBetween(0, 40), integers().between(0, 200_000), doubles().between(0, 1))
        .checkAssert(
            (generated, budgetMinor, uplift) -> {
              // Each customer once: a customer listed twice is refused (see aCustomerListedTwiceIsRefusedNotActedOnTwice).
              Map<CustomerId, Candidate> byCustomer = new LinkedHashMap<>();
              generated.forEach(c -> byCustomer.putIfAbsent(c.context().customer().id(), c));
              List<Candidate> list = new ArrayList<>(byCustomer.values());
              Allocation a =
                  RetentionPrioritiser.builder().uplift(uplift).build().allocate(list, Money.ofMinor(budgetMinor, Money.currency("EUR")));
              long spent = 0;
              List<CustomerId> seen = new ArrayList<>();
              for (RetentionPrioritiser.Selection s : a.selections()) {
                spent += s.action().expectedCost().minorUnits();
                Candidate c = byCustomer.get(s.customer());
                assertThat(c.actions()).contains(s.action());
                if (s.action().isMarketing()) {
                  assertThat(c.context().marketingConsent()).as("marketing for %s", c.context()).isTrue();
                }
                assertThat(s.action().type()).isNotInstanceOf(ActionType.Abandon.class);
                assertThat(s.expectedSavedValue()).isPositive();
                seen.add(s.customer());
              }
              assertThat(seen).doesNotHaveDuplicates();
              assertThat(spent).isLessThanOrEqualTo(budgetMinor);
              assertThat(a.spent().minorUnits()).isEqualTo(spent);
            });
  }
}
