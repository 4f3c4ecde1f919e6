package io.clm.core.models;

import static io.clm.core.models.Walk.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.InvalidModelException;
import io.clm.api.PluginInfo;
import io.clm.api.StageChange;
import io.clm.api.event.Attribute;
import io.clm.api.event.ProductType;
import io.clm.api.event.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every built-in model, one customer walked through every stage with events via the engine. */
class ModelWalkThroughTest {

  @Test
  void bankingSixStage() {
    Walk w = new Walk("banking-six-stage");
    assertThat(w.stage()).isEqualTo("potential");
    w.attribute(1, Attribute.REVENUE, "500").attribute(1, Attribute.COST_TO_SERVE, "200");
    w.pay(2);
    assertThat(w.stage()).isEqualTo("development");
    w.pay(3).pay(4).pay(5).pay(6);
    assertThat(w.stage()).isEqualTo("development");
    w.pay(7); // the fifth repeat transaction, income over cost to serve
    assertThat(w.stage()).isEqualTo("growth");
    w.attribute(8, Attribute.TOTAL_BUSINESS, "1000"); // 600 of 1000: share of wallet 0.6
    assertThat(w.stage()).isEqualTo("maturity");
    w.complaint(10, "T-1", Severity.URGENT);
    assertThat(w.stage()).isEqualTo("decline");
    w.resolved(12, "T-1", true);
    assertThat(w.stage()).isEqualTo("decline");
    w.pay(13); // business again after an accepted resolution; share of wallet still 0.7
    assertThat(w.stage()).isEqualTo("maturity");
    w.advanceTo(102.9);
    assertThat(w.stage()).isEqualTo("maturity");
    w.advanceTo(103); // 90 days without a transaction
    assertThat(w.stage()).isEqualTo("decline");
    w.closed(110, true);
    assertThat(w.stage()).isEqualTo("termination");
    w.pay(200); // win-back
    assertThat(w.stage()).isEqualTo("development");
    assertThat(w.customer().cycle()).isEqualTo(1);

    assertThat(w.history())
        .containsExactly(
            "potential -> development by first-transaction",
            "development -> growth by repeat-business",
            "growth -> maturity by share-of-wallet",
            "maturity -> decline by maturity-complaints",
            "decline -> growth by recovery-after-resolution",
            "growth -> maturity by share-of-wallet",
            "maturity -> decline by maturity-inactivity",
            "decline -> termination by decline-closed",
            "termination -> development by win-back");
    List<StageChange> h = w.engine.history(w.id);
    assertThat(h.get(1).evidence())
        .containsEntry("TRANSACTIONS_IN_STAGE", 5.0)
        .containsEntry("PROFIT", 300.0);
    assertThat(h.get(2).evidence()).containsEntry("SHARE_OF_WALLET", 0.6);
    assertThat(h.get(6).at()).isEqualTo(day(103));
    assertThat(h.get(6).evidence()).containsEntry("DAYS_SINCE_LAST_TRANSACTION", 90.0);
  }

  @Test
  void bankingSixStageFallingVolumeAndRecovery() {
    Walk w = new Walk("banking-six-stage");
    for (int d = 1; d <= 6; d++) {
      w.pay(d); // window 223: 600.00
    }
    assertThat(w.stage()).isEqualTo("growth");
    for (int d = 90; d < 180; d += 10) {
      w.pay(d); // window 224: 900.00
    }
    for (int d = 180; d < 270; d += 30) {
      w.pay(d, "150.00"); // window 225: 450.00, half of window 224
    }
    w.advanceTo(269);
    assertThat(w.stage()).isEqualTo("growth");
    w.advanceTo(270); // window 225 is complete: volume fell by 50 %
    assertThat(w.stage()).isEqualTo("decline");
    w.pay(275, "300.00").pay(340, "262.50"); // window 226: 562.50, 25 % more than window 225
    assertThat(w.stage()).isEqualTo("decline");
    w.advanceTo(360);
    assertThat(w.stage()).isEqualTo("growth");
    assertThat(w.history())
        .containsExactly(
            "potential -> development by first-transaction",
            "development -> growth by repeat-business",
            "growth -> decline by growth-falling-volume",
            "decline -> growth by recovery");
    assertThat(w.engine.history(w.id).get(2).evidence()).containsEntry("VOLUME_TREND", -0.5);
    assertThat(w.engine.history(w.id).get(3).evidence()).containsEntry("VOLUME_TREND", 0.25);
  }

  @Test
  void bankingSixStageTimeAloneLeadsFromGrowthToTermination() {
    Walk w = new Walk("banking-six-stage");
    for (int d = 1; d <= 6; d++) {
      w.pay(d);
    }
    assertThat(w.stage()).isEqualTo("growth");
    w.advanceTo(95.9);
    assertThat(w.stage()).isEqualTo("growth");
    w.advanceTo(96);
    assertThat(w.stage()).isEqualTo("decline");
    w.advanceTo(370.9);
    assertThat(w.stage()).isEqualTo("decline");
    List<StageChange> changes = w.engine.advanceTo(day(371)); // a year without business, no product
    assertThat(changes).extracting(Walk::describe).containsExactly("decline -> termination by dormancy");
    assertThat(changes.get(0).at()).isEqualTo(day(371));
    assertThat(w.history())
        .containsExactly(
            "potential -> development by first-transaction",
            "development -> growth by repeat-business",
            "growth -> decline by growth-inactivity",
            "decline -> termination by dormancy");
  }

  @Test
  void relationshipSevenPeriod() {
    Walk w = new Walk("relationship-seven-period");
    w.opened(1, ProductType.DEPOSIT);
    assertThat(w.stage()).isEqualTo("exploration");
    w.pay(2);
    assertThat(w.stage()).isEqualTo("socialization");
    w.pay(3).pay(4); // repurchase
    assertThat(w.stage()).isEqualTo("growth");
    for (int d = 5; d <= 10; d++) {
      w.pay(d); // window 223: 900.00
    }
    for (int d = 95; d <= 175; d += 10) {
      w.pay(d); // window 224: 900.00
    }
    assertThat(w.stage()).isEqualTo("growth");
    w.advanceTo(180); // purchases level off: trend 0
    assertThat(w.stage()).isEqualTo("maturity");
    w.complaint(185, "T-7", Severity.URGENT);
    assertThat(w.stage()).isEqualTo("danger");
    w.advanceTo(354.9);
    assertThat(w.stage()).isEqualTo("danger");
    w.advanceTo(355); // 180 days without business, the deposit still held
    assertThat(w.stage()).isEqualTo("interruption");
    w.pay(400); // business in another line: a new cycle
    assertThat(w.stage()).isEqualTo("socialization");
    assertThat(w.customer().cycle()).isEqualTo(1);
    w.closedProduct(410, ProductType.DEPOSIT).closed(411, true);
    assertThat(w.stage()).isEqualTo("dissolution");
    w.pay(500); // win-back
    assertThat(w.stage()).isEqualTo("socialization");
    assertThat(w.customer().cycle()).isEqualTo(2);
    assertThat(w.history())
        .containsExactly(
            "exploration -> socialization by first-transaction",
            "socialization -> growth by repurchase",
            "growth -> maturity by plateau",
            "maturity -> danger by maturity-complaints",
            "danger -> interruption by line-ended",
            "interruption -> socialization by new-cycle",
            "socialization -> dissolution by socialization-closed",
            "dissolution -> socialization by win-back");
  }

  @Test
  void threeStage() {
    Walk w = new Walk("three-stage");
    assertThat(w.stage()).isEqualTo("prospect");
    w.pay(1);
    assertThat(w.stage()).isEqualTo("new");
    w.survey(2, 9).pay(3).pay(4);
    assertThat(w.stage()).isEqualTo("new");
    w.pay(5);
    assertThat(w.stage()).isEqualTo("loyal");
    w.move(30, "new", "moved abroad, relationship to be rebuilt");
    assertThat(w.stage()).isEqualTo("new");
    assertThat(w.history())
        .containsExactly(
            "prospect -> new by first-purchase",
            "new -> loyal by repeat-purchase",
            "loyal -> new by manual (moved abroad, relationship to be rebuilt)");
  }

  @Test
  void fourStage() {
    Walk w = new Walk("four-stage");
    assertThat(w.stage()).isEqualTo("exploration");
    w.pay(1);
    assertThat(w.stage()).isEqualTo("formation");
    w.survey(2, 8).pay(3).pay(4).pay(5).pay(6).pay(7);
    assertThat(w.stage()).isEqualTo("stability");
    w.complaint(8, "T-2", Severity.URGENT);
    assertThat(w.stage()).isEqualTo("decline");
    w.resolved(9, "T-2", true).pay(10);
    assertThat(w.stage()).isEqualTo("stability");
    w.advanceTo(100);
    assertThat(w.stage()).isEqualTo("decline");
    assertThat(w.history())
        .containsExactly(
            "exploration -> formation by first-transaction",
            "formation -> stability by satisfied-repeat-business",
            "stability -> decline by stability-complaints",
            "decline -> stability by recovery-after-resolution",
            "stability -> decline by stability-inactivity");
  }

  @Test
  void journeySevenStage() {
    Walk w = new Walk("journey-seven-stage");
    assertThat(w.stage()).isEqualTo("awareness");
    w.contact(1);
    assertThat(w.stage()).isEqualTo("interest");
    w.contact(2);
    assertThat(w.stage()).isEqualTo("interest");
    w.contact(3);
    assertThat(w.stage()).isEqualTo("consideration");
    w.opened(10, ProductType.LOAN);
    assertThat(w.stage()).isEqualTo("purchase");
    w.pay(11, "2500.00"); // first repayment
    assertThat(w.stage()).isEqualTo("usage");
    w.survey(40, 9).opened(41, ProductType.CARD);
    assertThat(w.stage()).isEqualTo("loyalty");
    w.closedProduct(150, ProductType.LOAN).closedProduct(150, ProductType.CARD);
    assertThat(w.stage()).isEqualTo("loyalty");
    w.closed(151, true);
    assertThat(w.stage()).isEqualTo("departure");
    w.move(400, "consideration", "asked for a new loan offer");
    assertThat(w.stage()).isEqualTo("consideration");
    w.opened(420, ProductType.LOAN);
    assertThat(w.stage()).isEqualTo("purchase");
    assertThat(w.history())
        .containsExactly(
            "awareness -> interest by interest",
            "interest -> consideration by consideration",
            "consideration -> purchase by purchase",
            "purchase -> usage by usage",
            "usage -> loyalty by loyalty",
            "loyalty -> departure by loyalty-departure",
            "departure -> consideration by manual (asked for a new loan offer)",
            "consideration -> purchase by purchase");
  }

  @Test
  void relationshipStatus() {
    Walk w = new Walk("relationship-status");
    assertThat(w.stage()).isEqualTo("potential");
    w.pay(1);
    assertThat(w.stage()).isEqualTo("active");
    w.advanceTo(180.9);
    assertThat(w.stage()).isEqualTo("active");
    w.advanceTo(181);
    assertThat(w.stage()).isEqualTo("churned");
    w.pay(200);
    assertThat(w.stage()).isEqualTo("active");
    w.closed(210, true);
    assertThat(w.stage()).isEqualTo("churned");
    assertThat(w.customer().cycle()).isEqualTo(1);
    assertThat(w.history())
        .containsExactly(
            "potential -> active by activation",
            "active -> churned by inactivity",
            "churned -> active by reactivation",
            "active -> churned by closure");
  }

  @Test
  void parametersAreOverriddenThroughTheEntryPoint() {
    Walk w = new Walk("banking-six-stage", Map.of("growth.min-transactions", 10.0));
    for (int d = 1; d <= 10; d++) {
      w.pay(d);
    }
    assertThat(w.stage()).isEqualTo("development");
    w.pay(11);
    assertThat(w.stage()).isEqualTo("growth");
    assertThatThrownBy(
            () ->
                Clm.builder()
                    .model("banking-six-stage", Map.of("maturity.min-share-of-wallet", 2.0))
                    .currency("EUR")
                    .build())
        .isInstanceOf(InvalidModelException.class)
        .hasMessage(
            "model 'banking-six-stage': parameter 'maturity.min-share-of-wallet' is 2.0, outside (0, 1]");
  }

  @Test
  void clmListsTheSixModels() {
    List<PluginInfo> models =
        Clm.plugins().list().stream().filter(i -> i.kind().equals("LifecycleModelProvider")).toList();
    assertThat(models)
        .extracting(PluginInfo::id)
        .containsExactly(
            "banking-six-stage",
            "four-stage",
            "journey-seven-stage",
            "relationship-seven-period",
            "relationship-status",
            "three-stage");
    assertThat(models).allSatisfy(i -> assertThat(i.className()).startsWith("io.clm.core.models."));
  }
}
