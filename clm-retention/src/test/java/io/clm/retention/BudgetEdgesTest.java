package io.clm.retention;

import static io.clm.retention.RetentionPrioritiserTest.action;
import static io.clm.retention.RetentionPrioritiserTest.context;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.ValidationException;
import io.clm.api.event.ProductType;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.retention.RetentionPrioritiser.Allocation;
import io.clm.retention.RetentionPrioritiser.Candidate;
import io.clm.retention.RetentionPrioritiser.Selection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the prioritiser spends a budget at its edges: an action that costs the whole budget, a saved
 * value of exactly nothing, the ties between a customer's actions, and the uplift's range
 * (docs/retention.md, "Budgeted prioritisation").
 */
class BudgetEdgesTest {

  private static final RetentionPrioritiser DEFAULT = RetentionPrioritiser.builder().build();

  private static RetentionAction prioritised(ActionType type, long costMinor, int priority) {
    return new RetentionAction(type, "test", Money.ofMinor(costMinor, Money.currency("EUR")), priority, "test");
  }

  private static List<String> customers(Allocation a) {
    return a.selections().stream().map(s -> s.customer().value()).toList();
  }

  @Test
  void anActionCostingTheWholeBudgetIsSelected() {
    // 1,000 x 0.5 x 0.1 - 40 = 10 saved; the budget is exactly 40.00.
    RetentionAction winBack = action(new ActionType.WinBack(), 4_000);
    Allocation a = DEFAULT.allocate(List.of(new Candidate(context("a", true, 100_000), 0.5, List.of(winBack))), Money.of("40.00", "EUR"));
    assertThat(a.selections()).singleElement().satisfies(s -> {
      assertThat(s.action()).isEqualTo(winBack);
      assertThat(s.expectedSavedValue()).isEqualTo(10.0);
    });
    assertThat(a.spent()).isEqualTo(Money.of("40.00", "EUR"));
    assertThat(a.budget()).isEqualTo(Money.of("40.00", "EUR"));
    // One cent less and it does not fit.
    assertThat(DEFAULT.allocate(List.of(new Candidate(context("a", true, 100_000), 0.5, List.of(winBack))), Money.of("39.99", "EUR")).selections())
        .isEmpty();
  }

  @Test
  void anActionCostingMoreThanTheWholeBudgetLeavesTheCustomerTheBestActionThatFits() {
    RetentionAction barrier = action(new ActionType.ExitBarrier(ActionType.BarrierKind.TECHNICAL), 3_000);
    // 10,000 x 0.5 = 5,000 at risk. A win-back with uplift 0.5 saves 2,500 - 60 = 2,440 but costs
    // 60.00; the barrier saves 500 - 30 = 470 and fits in a budget of 30.00.
    RetentionPrioritiser p = RetentionPrioritiser.builder().uplift(ActionType.WinBack.class, 0.5).build();
    RetentionAction winBack = action(new ActionType.WinBack(), 6_000);
    Allocation b =
        p.allocate(List.of(new Candidate(context("a", true, 1_000_000), 0.5, List.of(winBack, barrier))), Money.of("30.00", "EUR"));
    assertThat(b.selections()).singleElement().satisfies(s -> {
      assertThat(s.action()).isEqualTo(barrier);
      assertThat(s.expectedSavedValue()).isEqualTo(470.0);
    });
    assertThat(p.allocate(List.of(new Candidate(context("a", true, 1_000_000), 0.5, List.of(winBack, barrier))), Money.of("60.00", "EUR"))
            .selections())
        .singleElement()
        .satisfies(s -> assertThat(s.action()).isEqualTo(winBack));
  }

  @Test
  void aSavedValueOfExactlyNothingIsNotSelectedAndOneCentIs() {
    // 100.00 x 0.5 x 0.1 = 5.00, minus a 5.00 call: nothing saved.
    RetentionAction call = action(new ActionType.Communication("call"), 500);
    assertThat(DEFAULT.allocate(List.of(new Candidate(context("a", true, 10_000), 0.5, List.of(call))), Money.of("100.00", "EUR")).selections())
        .isEmpty();
    // 100.20 x 0.5 x 0.1 = 5.01: one cent saved.
    Allocation a = DEFAULT.allocate(List.of(new Candidate(context("a", true, 10_020), 0.5, List.of(call))), Money.of("100.00", "EUR"));
    assertThat(a.selections()).singleElement().satisfies(s -> assertThat(s.expectedSavedValue()).isEqualTo(0.01));
  }

  @Test
  void equalSavingsAndCostsGoToTheHigherPriorityThenTheType() {
    RetentionAction low = prioritised(new ActionType.Communication("call"), 500, 40);
    RetentionAction high = prioritised(new ActionType.Communication("visit"), 500, 70);
    for (List<RetentionAction> actions : List.of(List.of(low, high), List.of(high, low))) {
      Allocation a = DEFAULT.allocate(List.of(new Candidate(context("a", true, 100_000), 0.5, actions)), Money.of("100.00", "EUR"));
      assertThat(a.selections()).singleElement().satisfies(s -> assertThat(s.action()).isEqualTo(high));
    }
    // Equal priority too: the type that sorts first by its text, Communication[topic=call].
    RetentionAction visit = prioritised(new ActionType.Communication("visit"), 500, 40);
    for (List<RetentionAction> actions : List.of(List.of(low, visit), List.of(visit, low))) {
      Allocation a = DEFAULT.allocate(List.of(new Candidate(context("a", true, 100_000), 0.5, actions)), Money.of("100.00", "EUR"));
      assertThat(a.selections()).singleElement().satisfies(s -> assertThat(s.action()).isEqualTo(low));
    }
  }

  @Test
  void ofTwoActionsEqualInEverythingRankedTheFirstListedIsSelected() {
    // The same call proposed by two strategies: equal saving, cost, priority and type.
    RetentionAction ours = new RetentionAction(new ActionType.Communication("call"), "ours", Money.of("5.00", "EUR"), 50, "acme.ours");
    RetentionAction theirs = new RetentionAction(new ActionType.Communication("call"), "theirs", Money.of("5.00", "EUR"), 50, "acme.theirs");
    for (List<RetentionAction> actions : List.of(List.of(ours, theirs), List.of(theirs, ours))) {
      Allocation a = DEFAULT.allocate(List.of(new Candidate(context("a", true, 100_000), 0.5, actions)), Money.of("100.00", "EUR"));
      assertThat(a.selections()).singleElement().satisfies(s -> assertThat(s.action()).isEqualTo(actions.get(0)));
    }
  }

  @Test
  void aHigherSavingWinsOverALowerCostAndCustomersAreRankedBestFirst() {
    // a: 2,000 x 0.5 x 0.1 = 100, the call saves 95, the barrier 70. b: 4,000 x 0.5 x 0.1 - 5 = 195.
    RetentionAction call = action(new ActionType.Communication("call"), 500);
    RetentionAction barrier = action(new ActionType.ExitBarrier(ActionType.BarrierKind.TECHNICAL), 3_000);
    Allocation a =
        DEFAULT.allocate(
            List.of(
                new Candidate(context("a", true, 200_000), 0.5, List.of(barrier, call)),
                new Candidate(context("b", true, 400_000), 0.5, List.of(call))),
            Money.of("100.00", "EUR"));
    assertThat(customers(a)).containsExactly("b", "a");
    assertThat(a.selections()).extracting(Selection::expectedSavedValue).containsExactly(195.0, 95.0);
    assertThat(a.spent()).isEqualTo(Money.of("10.00", "EUR"));
  }

  @Test
  void marketingIsSelectedWithConsentAndAnUnconfiguredTypeKeepsTheDefaultUplift() {
    // Cross-sells have an uplift of 0.3: 1,000 x 0.5 x 0.3 - 20 = 130.
    RetentionPrioritiser p = RetentionPrioritiser.builder().uplift(ActionType.CrossSell.class, 0.3).build();
    RetentionAction sale = action(new ActionType.CrossSell(ProductType.DEPOSIT), 2_000);
    RetentionAction upSell = action(new ActionType.UpSell(ProductType.DEPOSIT), 2_000);
    Allocation a = p.allocate(List.of(new Candidate(context("a", true, 100_000), 0.5, List.of(upSell, sale))), Money.of("100.00", "EUR"));
    assertThat(a.selections()).singleElement().satisfies(s -> {
      assertThat(s.action()).isEqualTo(sale);
      assertThat(s.expectedSavedValue()).isEqualTo(130.0);
    });
    // The up-sell alone keeps the default 0.1: 50 - 20 = 30.
    Allocation b = p.allocate(List.of(new Candidate(context("a", true, 100_000), 0.5, List.of(upSell))), Money.of("100.00", "EUR"));
    assertThat(b.selections()).singleElement().satisfies(s -> assertThat(s.expectedSavedValue()).isEqualTo(30.0));
    // Without consent neither is selected.
    assertThat(p.allocate(List.of(new Candidate(context("a", false, 100_000), 0.5, List.of(upSell, sale))), Money.of("100.00", "EUR")).selections())
        .isEmpty();
  }

  @Test
  void aFreeActionFitsAnEmptyBudget() {
    // 1,000 x 0.2 x 0.1 - 0 = 20 saved at no cost.
    RetentionAction free = action(new ActionType.Communication("letter"), 0);
    Allocation a = DEFAULT.allocate(List.of(new Candidate(context("a", true, 100_000), 0.2, List.of(free))), Money.of("0.00", "EUR"));
    assertThat(a.selections()).singleElement().satisfies(s -> assertThat(s.expectedSavedValue()).isEqualTo(20.0));
    assertThat(a.spent()).isEqualTo(Money.of("0.00", "EUR"));
  }

  @Test
  void upliftsAndProbabilitiesFromZeroToOneAreAccepted() {
    RetentionAction call = action(new ActionType.Communication("call"), 500);
    // Uplift 1 saves the whole value at risk: 1,000 x 1 x 1 - 5 = 995.
    Allocation all =
        RetentionPrioritiser.builder().uplift(1).build()
            .allocate(List.of(new Candidate(context("a", true, 100_000), 1, List.of(call))), Money.of("10.00", "EUR"));
    assertThat(all.selections()).singleElement().satisfies(s -> assertThat(s.expectedSavedValue()).isEqualTo(995.0));
    // Uplift 0 or P(leave) 0 saves nothing.
    assertThat(RetentionPrioritiser.builder().uplift(0).build()
            .allocate(List.of(new Candidate(context("a", true, 100_000), 1, List.of(call))), Money.of("10.00", "EUR")).selections())
        .isEmpty();
    assertThat(DEFAULT.allocate(List.of(new Candidate(context("a", true, 100_000), 0, List.of(call))), Money.of("10.00", "EUR")).selections())
        .isEmpty();
    assertThat(RetentionPrioritiser.builder().uplift(ActionType.WinBack.class, 0).uplift(ActionType.Offer.class, 1).build()).isNotNull();
    assertThatThrownBy(() -> RetentionPrioritiser.builder().uplift(-0.1))
        .isInstanceOf(ValidationException.class)
        .hasMessage("uplift -0.1 is outside 0..1");
    assertThatThrownBy(() -> RetentionPrioritiser.builder().uplift(Double.NaN))
        .isInstanceOf(ValidationException.class)
        .hasMessage("uplift NaN is outside 0..1");
    assertThatThrownBy(() -> RetentionPrioritiser.builder().uplift(ActionType.ServiceRecovery.class, 1.5))
        .isInstanceOf(ValidationException.class)
        .hasMessage("uplift of ServiceRecovery 1.5 is outside 0..1");
    assertThatThrownBy(() -> RetentionPrioritiser.builder().uplift(ActionType.Offer.class, 0.2).uplift(ActionType.Offer.class, 0.3))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("uplift of Offer was already set");
    assertThatThrownBy(() -> new Candidate(context("a", true, 1), -0.01, List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("probabilityOfLeaving -0.01 is outside 0..1 for customer #");
  }

  @Test
  void aSelectionShowsNoPersonalData() {
    RetentionAction call = action(new ActionType.Communication("call"), 500);
    Selection s = new Selection(CustomerId.of("alice-1"), call, 12.5);
    assertThat(s.toString())
        .isEqualTo("Selection[" + CustomerId.of("alice-1").masked() + ", " + call.type() + ", saved=12.5]")
        .doesNotContain("alice-1");
  }
}
