package com.example.clm.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.InvalidModelException;
import io.clm.api.MetricsSnapshot;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.TransitionRule;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreditCardLifecycleRulesTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");
  private static final Instant ISSUED = Instant.parse("2025-01-02T09:00:00Z");

  private final LifecycleModel model = new CreditCardLifecycle().create();

  @Test
  void firstPurchaseActivatesTheCard() {
    MetricsSnapshot m = card(1, daysAgo(170), 1).build();
    assertThat(fired("applicant", m)).contains("first-purchase");
  }

  @Test
  void tenRecentPurchasesMakeAnEngagedCardholder() {
    assertThat(fired("activated", card(10, daysAgo(5), 10).build())).contains("regular-use");
    assertThat(fired("activated", card(9, daysAgo(5), 9).build())).isEmpty();
    assertThat(fired("activated", card(10, daysAgo(31), 10).build())).isEmpty();
  }

  @Test
  void ninetyQuietDaysMakeACardDormantAndThreeNewPurchasesWakeItUp() {
    assertThat(fired("engaged", card(40, daysAgo(90), 30).build())).contains("engaged-went-quiet");
    assertThat(fired("engaged", card(40, daysAgo(89), 30).build())).isEmpty();
    assertThat(fired("dormant", card(43, daysAgo(2), 3).build())).contains("reactivated");
  }

  @Test
  void closingTheAccountWinsOverDormancyAndANewCardStartsTheNextCycle() {
    MetricsSnapshot closed = card(12, daysAgo(120), 12).relationshipClosed(NOW.minus(Duration.ofDays(1)), true).build();
    assertThat(fired("activated", closed)).contains("account-closed");
    MetricsSnapshot newCard =
        card(13, daysAgo(1), 1).relationshipClosed(NOW.minus(Duration.ofDays(30)), true).build();
    assertThat(fired("closed", newCard)).contains("new-card");
  }

  @Test
  void modelShape() {
    assertThat(model.id()).isEqualTo("example.credit-card");
    assertThat(model.initialStage()).isEqualTo("applicant");
    assertThat(model.terminalStages()).containsExactly("closed");
    assertThat(model.isForwardOnly()).isFalse();
  }

  @Test
  void parametersAreChecked() {
    CreditCardLifecycle provider = new CreditCardLifecycle();
    assertThatThrownBy(() -> provider.create(Map.of("dormant.days-inactive", 20.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'example.credit-card': parameter 'dormant.days-inactive' (20.0) must be greater than"
                + " 'engaged.max-days-since-transaction' (30.0)");
    assertThatThrownBy(() -> provider.create(Map.of("engaged.min-transactions", 2.5)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'example.credit-card': parameter 'engaged.min-transactions' is 2.5, not a whole number");
    assertThatThrownBy(() -> provider.create(Map.of("engaged.min-transactions", 0.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage("model 'example.credit-card': parameter 'engaged.min-transactions' is 0.0, less than 1.0");
    assertThat(fired("activated", card(5, daysAgo(5), 5).build(), provider.create(Map.of("engaged.min-transactions", 5.0))))
        .contains("regular-use");
  }

  private static Instant daysAgo(int days) {
    return NOW.minus(Duration.ofDays(days));
  }

  private static MetricsSnapshot.Builder card(long transactions, Instant last, long inStage) {
    return MetricsSnapshot.builder(EUR, ISSUED)
        .transactions(ProductType.CARD, Direction.DEBIT, transactions, transactions * 4_500)
        .transactedBetween(ISSUED.plus(Duration.ofDays(1)), last)
        .stage(ISSUED, inStage);
  }

  private Optional<String> fired(String stage, MetricsSnapshot m) {
    return fired(stage, m, model);
  }

  private static Optional<String> fired(String stage, MetricsSnapshot m, LifecycleModel model) {
    for (TransitionRule rule : model.rulesFrom(stage)) {
      if (rule.condition().test(m, NOW.toEpochMilli())) {
        return Optional.of(rule.id());
      }
    }
    return Optional.empty();
  }

  @Test
  void theDefaultsInTheirDocumentedOrderAndADormancyAsLongAsTheEngagedWindowIsRefused() {
    assertThat(new CreditCardLifecycle().defaultParameters()).containsExactly(
        Map.entry("activation.min-transactions", 1.0),
        Map.entry("engaged.min-transactions", 10.0),
        Map.entry("engaged.max-days-since-transaction", 30.0),
        Map.entry("dormant.days-inactive", 90.0),
        Map.entry("reactivation.min-transactions", 3.0));
    assertThatThrownBy(() -> new CreditCardLifecycle().create(Map.of("dormant.days-inactive", 30.0)))
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'example.credit-card': parameter 'dormant.days-inactive' (30.0) must be greater than"
                + " 'engaged.max-days-since-transaction' (30.0)");
    assertThat(new CreditCardLifecycle().create(Map.of("dormant.days-inactive", 31.0)).id()).isEqualTo("example.credit-card");
  }
}
