package io.clm.retention.strategy;

import static io.clm.retention.strategy.Contexts.START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.ValidationException;
import io.clm.api.event.Purpose;
import io.clm.api.event.Severity;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import io.clm.api.retention.Risk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The built-in strategies' costs as parameters (docs/retention.md, "Costs"): their documented
 * defaults, one map in yen for all of them, and the checks of a configuration.
 */
class StrategyCostsTest {

  /** A bank in yen, at about 160 yen to the euro. */
  private static final Map<String, Double> YEN = Map.of(
      "contact-cost", 800.0,
      "offer-cost", 4_000.0,
      "max-discount", 40_000.0,
      "recovery-cost", 2_400.0,
      "compensation-share", 0.02,
      "min-compensation", 1_600.0,
      "max-compensation", 80_000.0,
      "barrier-cost", 4_800.0,
      "sale-cost", 3_200.0,
      "win-back-cost", 6_400.0);

  private static RetentionContext yen(StageFamily family, long value, UnaryOperator<MetricsSnapshot.Builder> facts) {
    MetricsSnapshot.Builder b = MetricsSnapshot.builder(Money.currency("JPY"), START);
    b.consent(Purpose.MARKETING, true, START);
    Customer customer = new Customer(CustomerId.of("c-1"), "stage", 0, facts.apply(b).build(), Map.of());
    return new RetentionContext(customer, family, Set.of(), Risk.NONE, Money.ofMinor(value, Money.currency("JPY")), Contexts.NOW);
  }

  private static Money jpy(long amount) {
    return Money.ofMinor(amount, Money.currency("JPY"));
  }

  private static List<RetentionStrategy> builtIns() {
    List<RetentionStrategy> found = new ArrayList<>();
    ServiceLoader.load(RetentionStrategy.class).forEach(found::add);
    return found;
  }

  @Test
  void everyBuiltInHasTheDocumentedCostsAndTheDeclineStrategyItsThresholds() {
    Map<String, Double> costs = Map.of(
        "contact-cost", 5.0, "offer-cost", 25.0, "max-discount", 250.0, "recovery-cost", 15.0,
        "compensation-share", 0.02, "min-compensation", 10.0, "max-compensation", 500.0,
        "barrier-cost", 30.0, "sale-cost", 20.0, "win-back-cost", 40.0);
    List<RetentionStrategy> all = builtIns();
    assertThat(all).hasSize(7);
    for (RetentionStrategy s : all) {
      Map<String, Double> expected = new HashMap<>(costs);
      if (s.id().equals("decline-recovery")) {
        expected.put("high-value-from", 1000.0);
        expected.put("high-risk-from", 0.5);
      }
      assertThat(s.parameters()).as(s.id()).isEqualTo(expected);
      assertThat(List.copyOf(s.parameters().keySet())).as("sorted by name").isSorted();
    }
  }

  @Test
  void aBankInYenPricesEveryBuiltInWithOneMap() {
    for (RetentionStrategy s : builtIns()) {
      RetentionStrategy configured = s.configure(YEN);
      assertThat(configured.id()).isEqualTo(s.id());
      assertThat(configured.families()).isEqualTo(s.families());
      assertThat(configured.parameters()).containsAllEntriesOf(YEN);
    }
    // A new customer with an open complaint, worth 3,000,000 yen: 2 % is 60,000 yen, between the
    // least (1,600) and the most (80,000), and the recovery costs 2,400 yen more to handle.
    RetentionContext complained = yen(StageFamily.ONBOARDING, 3_000_000, b -> b.complaint("k1", Severity.NORMAL, null));
    List<RetentionAction> a = new SatisfactionStrategy().configure(YEN).propose(complained);
    assertThat(a.get(0).type()).isEqualTo(new ActionType.ServiceRecovery(jpy(60_000)));
    assertThat(a.get(0).expectedCost()).isEqualTo(jpy(62_400));
    assertThat(a.get(1).expectedCost()).as("care call").isEqualTo(jpy(800));
    // With the defaults the same customer gets the most compensation there is, 500 yen.
    List<RetentionAction> defaults = new SatisfactionStrategy().propose(complained);
    assertThat(defaults.get(0).type()).isEqualTo(new ActionType.ServiceRecovery(jpy(500)));
    assertThat(defaults.get(0).expectedCost()).isEqualTo(jpy(515));
  }

  @Test
  void anOffersDiscountIsCappedByMaxDiscount() {
    // 5 % of 3,000,000 yen is 150,000, capped at 40,000, plus 4,000 for the offer itself.
    List<RetentionAction> a = new MaturityExtensionStrategy().configure(YEN).propose(yen(StageFamily.MATURITY, 3_000_000, b -> b));
    assertThat(a).filteredOn(x -> x.type().equals(new ActionType.Offer(5)))
        .extracting(RetentionAction::expectedCost).containsExactly(jpy(44_000));
    assertThat(a).filteredOn(x -> x.type() instanceof ActionType.ExitBarrier)
        .extracting(RetentionAction::expectedCost).containsOnly(jpy(4_800));
    // 5 % of 60,000 yen is 3,000, under the cap.
    List<RetentionAction> small = new MaturityExtensionStrategy().configure(YEN).propose(yen(StageFamily.MATURITY, 60_000, b -> b));
    assertThat(small).filteredOn(x -> x.type().equals(new ActionType.Offer(5)))
        .extracting(RetentionAction::expectedCost).containsExactly(jpy(7_000));
  }

  @Test
  void configuringLeavesTheStrategyAsItWasAndBuildsOnItsOwnValues() {
    RetentionStrategy winBack = new WinBackStrategy();
    RetentionStrategy cheaper = winBack.configure(Map.of("contact-cost", 1.0));
    RetentionStrategy both = cheaper.configure(Map.of("win-back-cost", 2.0));
    assertThat(winBack.parameters()).contains(entry("contact-cost", 5.0), entry("win-back-cost", 40.0));
    assertThat(cheaper.parameters()).contains(entry("contact-cost", 1.0), entry("win-back-cost", 40.0));
    assertThat(both.parameters()).contains(entry("contact-cost", 1.0), entry("win-back-cost", 2.0));
    assertThat(winBack.configure(Map.of()).parameters()).isEqualTo(winBack.parameters());
  }

  @Test
  void aBadConfigurationIsRefusedNamingTheParameterAndTheValue() {
    RetentionStrategy s = new WinBackStrategy();
    assertThatThrownBy(() -> s.configure(Map.of("contact-costs", 1.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'win-back' has no parameter 'contact-costs'; parameters are [barrier-cost, compensation-share, "
            + "contact-cost, max-compensation, max-discount, min-compensation, offer-cost, recovery-cost, sale-cost, win-back-cost]");
    assertThatThrownBy(() -> s.configure(Map.of("contact-cost", -1.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'win-back': parameter 'contact-cost' is -1.0, out of range 0..1000000000000");
    assertThatThrownBy(() -> s.configure(Map.of("win-back-cost", 1e13)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'win-back': parameter 'win-back-cost' is 1.0E13, out of range 0..1000000000000");
    assertThatThrownBy(() -> s.configure(Map.of("compensation-share", 1.5)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'win-back': parameter 'compensation-share' is 1.5, out of range 0..1");
    assertThatThrownBy(() -> s.configure(Map.of("offer-cost", Double.POSITIVE_INFINITY)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'win-back': parameter 'offer-cost' is not finite: Infinity");
    assertThatThrownBy(() -> s.configure(Map.of("min-compensation", 600.0)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("strategy 'win-back': parameter 'min-compensation' is 600.0, above 'max-compensation' 500.0");
    Map<String, Double> withNull = new HashMap<>();
    withNull.put("sale-cost", null);
    assertThatThrownBy(() -> s.configure(withNull))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value of parameter 'sale-cost'");
    assertThat(s.parameters()).containsEntry("min-compensation", 10.0).containsEntry("contact-cost", 5.0);
  }
}
