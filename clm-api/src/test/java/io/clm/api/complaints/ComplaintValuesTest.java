package io.clm.api.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.ValidationException;
import io.clm.api.event.Severity;
import io.clm.api.spi.PluginRules;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ComplaintValuesTest {
  private static final Instant AT = Instant.parse("2026-04-10T09:00:00Z");

  static Complaint complaint(String content, Optional<Money> amount, String category, ComplaintChannel channel,
      Optional<Classification> classification, Set<ComplaintFlag> flags) {
    return new Complaint("C-1", channel, AT, Optional.of(CustomerId.of("Jane-Doe-42")), Optional.empty(),
        Optional.empty(), content, amount, category, flags, ComplaintState.RECEIVED, classification,
        Optional.empty(), Optional.empty(), Optional.empty(), "standard", Map.of(), 0, false, List.of());
  }

  static Complaint complaint(String content) {
    return complaint(content, Optional.empty(), "fees", ComplaintChannel.PHONE, Optional.empty(), Set.of());
  }

  private static ComplaintFacts facts(Complaint c, Instant... earlier) {
    return new ComplaintFacts(c, false, List.of(earlier));
  }

  @Test
  void amountRulesCompareInTheThresholdsCurrencyOnly() {
    ClassificationRule rule = ClassificationRule.amountAtLeast("big", Money.of("500.00", "EUR"));
    assertThat(rule.id()).isEqualTo("big");
    assertThat(rule.severity()).isEqualTo(Severity.URGENT);
    assertThat(rule.toString())
        .isEqualTo("ClassificationRule[big -> URGENT, amount at least 500.00 EUR; other currencies never match]");
    java.util.function.Function<String, Boolean> eur = amount -> rule.matches(facts(complaint("x",
        Optional.of(Money.of(amount, "EUR")), "fees", ComplaintChannel.PHONE, Optional.empty(), Set.of())));
    assertThat(eur.apply("500.00")).isTrue();
    assertThat(eur.apply("499.99")).isFalse();
    assertThat(eur.apply("9000")).isTrue();
    assertThat(rule.matches(facts(complaint("x", Optional.of(Money.of("9000", "USD")), "fees",
        ComplaintChannel.PHONE, Optional.empty(), Set.of())))).isFalse();
    assertThat(rule.matches(facts(complaint("x")))).isFalse();
    assertThatThrownBy(() -> ClassificationRule.amountAtLeast("big", null)).isInstanceOf(NullPointerException.class);
  }

  private static boolean matchesAmount(ClassificationRule rule, String amount, String currency) {
    return rule.matches(facts(complaint("x", Optional.of(Money.of(amount, currency)), "fees", ComplaintChannel.PHONE,
        Optional.empty(), Set.of())));
  }

  @Test
  void amountRulesTakeOneThresholdPerCurrency() {
    ClassificationRule rule = ClassificationRule.amountAtLeast("big", Money.of("500.00", "EUR"),
        Money.of("550.00", "USD"), Money.of("80000", "JPY"), Money.of("150.25", "KWD"));
    assertThat(rule.id()).isEqualTo("big");
    assertThat(rule.severity()).isEqualTo(Severity.URGENT);
    assertThat(matchesAmount(rule, "550.00", "USD")).isTrue();
    assertThat(matchesAmount(rule, "9000", "USD")).isTrue();
    assertThat(matchesAmount(rule, "549.99", "USD")).isFalse();
    assertThat(matchesAmount(rule, "500.00", "EUR")).isTrue();
    assertThat(matchesAmount(rule, "499.99", "EUR")).isFalse();
    assertThat(matchesAmount(rule, "80000", "JPY")).isTrue();
    assertThat(matchesAmount(rule, "79999", "JPY")).isFalse();
    assertThat(matchesAmount(rule, "150.250", "KWD")).isTrue();
    assertThat(matchesAmount(rule, "150.249", "KWD")).isFalse();
    assertThat(matchesAmount(rule, "1000000.00", "GBP")).isFalse();
    assertThat(rule.matches(facts(complaint("x")))).isFalse();
    assertThat(rule.toString()).isEqualTo("ClassificationRule[big -> URGENT, amount at least 500.00 EUR or 550.00 USD"
        + " or 80000 JPY or 150.250 KWD; other currencies never match]");
  }

  @Test
  void anAmountMatchesExactlyFromItsCurrencysThresholdOn() {
    // JPY has no minor unit, KWD three: the threshold in minor units decides, to the last unit.
    qt().withExamples(300)
        .forAll(longs().between(0, 10_000_000_000L), longs().between(0, 10_000_000_000L), integers().between(0, 1))
        .checkAssert((amount, threshold, which) -> {
          Currency currency = Currency.getInstance(which == 0 ? "JPY" : "KWD");
          ClassificationRule rule = ClassificationRule.amountAtLeast("big", Money.of("1.00", "EUR"),
              Money.ofMinor(threshold, currency));
          boolean urgent = rule.matches(facts(complaint("x", Optional.of(Money.ofMinor(amount, currency)), "fees",
              ComplaintChannel.PHONE, Optional.empty(), Set.of())));
          assertThat(urgent).isEqualTo(amount >= threshold);
        });
  }

  @Test
  void anAmountRuleRefusesTwoThresholdsInOneCurrency() {
    assertThatThrownBy(() -> ClassificationRule.amountAtLeast("big", Money.of("500.00", "EUR"),
            Money.of("550.00", "USD"), Money.of("600.00", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount rule 'big' has two thresholds in EUR: 500.00 EUR and 600.00 EUR");
    assertThatThrownBy(() -> ClassificationRule.amountAtLeast("big", Money.of("1", "JPY"),
            Money.of("550.00", "USD"), Money.of("550", "USD")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount rule 'big' has two thresholds in USD: 550.00 USD and 550.00 USD");
    assertThatThrownBy(() -> ClassificationRule.amountAtLeast("big", Money.of("-0.01", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount rule 'big' has a negative threshold: -0.01 EUR");
    assertThatThrownBy(() -> ClassificationRule.amountAtLeast("big", Money.of("500.00", "EUR"), Money.of("-1", "JPY")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount rule 'big' has a negative threshold: -1 JPY");
    assertThat(matchesAmount(ClassificationRule.amountAtLeast("any", Money.of("0.00", "EUR")), "0.00", "EUR"))
        .isTrue();
    assertThatThrownBy(() -> ClassificationRule.amountAtLeast("big", Money.of("500.00", "EUR"), (Money) null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ClassificationRule.amountAtLeast("big", Money.of("500.00", "EUR"), (Money[]) null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void keywordRulesMatchAnyWordIgnoringCase() {
    ClassificationRule rule = ClassificationRule.keywords("fraud", List.of("Fraud", "STOLEN"));
    assertThat(rule.matches(facts(complaint("my card was stolen")))).isTrue();
    assertThat(rule.matches(facts(complaint("FRAUDULENT charge")))).isTrue();
    assertThat(rule.matches(facts(complaint("a late fee")))).isFalse();
    assertThat(rule.severity()).isEqualTo(Severity.URGENT);
    assertThatThrownBy(() -> ClassificationRule.keywords("k", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("keywords of rule 'k' are empty or blank");
    assertThatThrownBy(() -> ClassificationRule.keywords("k", List.of("a", " ")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("keywords of rule 'k' are empty or blank");
  }

  @Test
  void repeatRulesCountEarlierComplaintsInsideTheWindow() {
    ClassificationRule rule = ClassificationRule.repeatComplainant("repeat", 2, Duration.ofDays(30));
    Complaint c = complaint("again");
    Instant edge = AT.minus(Duration.ofDays(30));
    assertThat(rule.matches(facts(c, edge, AT))).isTrue();
    assertThat(rule.matches(facts(c, edge.minusMillis(1), AT))).isFalse();
    assertThat(rule.matches(facts(c, AT.minusSeconds(5), AT.plusMillis(1)))).isFalse();
    assertThat(rule.matches(facts(c, AT.minusSeconds(9), AT.minusSeconds(5), AT.minusSeconds(1)))).isTrue();
    assertThat(rule.matches(facts(c, AT.minusSeconds(5)))).isFalse();
    assertThat(rule.matches(facts(c))).isFalse();
    ClassificationRule once = ClassificationRule.repeatComplainant("once", 1, Duration.ofMillis(1));
    assertThat(once.matches(facts(c, AT.minusMillis(1)))).isTrue();
    for (Object[] bad : new Object[][] {{0, Duration.ofDays(1)}, {1, Duration.ZERO}, {1, Duration.ofDays(-1)}}) {
      assertThatThrownBy(() -> ClassificationRule.repeatComplainant("r", (int) bad[0], (Duration) bad[1]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("repeat rule 'r' needs earlier >= 1 and a positive window, got " + bad[0] + ", " + bad[1]);
    }
  }

  @Test
  void vulnerableAndCategoryRules() {
    ClassificationRule vulnerable = ClassificationRule.vulnerableCustomer("v");
    assertThat(vulnerable.matches(new ComplaintFacts(complaint("x"), true, List.of()))).isTrue();
    assertThat(vulnerable.matches(new ComplaintFacts(complaint("x"), false, List.of()))).isFalse();
    ClassificationRule category = ClassificationRule.category("c", Set.of("fraud", "regulator-referral"));
    assertThat(category.matches(facts(complaint("x", Optional.empty(), "fraud", ComplaintChannel.WEB,
        Optional.empty(), Set.of())))).isTrue();
    assertThat(category.matches(facts(complaint("x", Optional.empty(), "fees", ComplaintChannel.REGULATOR_REFERRAL,
        Optional.empty(), Set.of())))).isTrue();
    assertThat(category.matches(facts(complaint("x", Optional.empty(), "fees", ComplaintChannel.WEB,
        Optional.empty(), Set.of())))).isFalse();
    ClassificationRule noReferral = ClassificationRule.category("c", Set.of("fraud"));
    assertThat(noReferral.matches(facts(complaint("x", Optional.empty(), "fees", ComplaintChannel.REGULATOR_REFERRAL,
        Optional.empty(), Set.of())))).isFalse();
    assertThatThrownBy(() -> ClassificationRule.of(" ", Severity.NORMAL, f -> true))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("rule id is blank");
    assertThatThrownBy(() -> ClassificationRule.of("x", null, f -> true)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> ClassificationRule.of("x", Severity.NORMAL, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void aRuleIdIsQuotedAsAShortEscapedExcerpt() {
    String id = "big\nERROR forged" + "b".repeat(10_000);
    String quoted = "'big\\u000aERROR forged" + "b".repeat(16) + "'... (10016 characters)";
    assertThatThrownBy(() -> ClassificationRule.keywords(id, List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("keywords of rule " + quoted + " are empty or blank");
    assertThatThrownBy(() -> ClassificationRule.amountAtLeast(id, Money.of("-1", "EUR")))
        .isInstanceOf(ValidationException.class).hasMessage("amount rule " + quoted + " has a negative threshold: -1.00 EUR");
    assertThatThrownBy(() -> ClassificationRule.amountAtLeast(id, Money.of("1", "EUR"), Money.of("2", "EUR")))
        .isInstanceOf(ValidationException.class)
        .hasMessage("amount rule " + quoted + " has two thresholds in EUR: 1.00 EUR and 2.00 EUR");
    assertThatThrownBy(() -> ClassificationRule.repeatComplainant(id, 0, Duration.ofDays(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("repeat rule " + quoted + " needs earlier >= 1 and a positive window, got 0, PT24H");
  }

  @Test
  void aBadCategoryIsQuotedAsAShortEscapedExcerpt() {
    Intake intake = Intake.of(ComplaintChannel.WEB, CustomerId.of("c-1"), Instant.parse("2026-03-02T09:00:00Z"), "fee");
    assertThatThrownBy(() -> intake.withCategory("fees".repeat(250_000) + "\n"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("category '" + "fees".repeat(8) + "'... (1000001 characters) has 1000001 characters, more than 64");
    assertThatThrownBy(() -> intake.withCategory("Fees\u2028INFO"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("category 'Fees\\u2028INFO' contains a control character at 4");
    assertThatThrownBy(() -> intake.withCategory("Fees-and-charges"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("category 'Fees-and-charges' is not lowercase");
  }

  @Test
  void aCategoryIsLowercaseWithNoSpaceAroundItWhereverItIsGiven() {
    Intake intake = Intake.of(ComplaintChannel.WEB, CustomerId.of("c-1"), Instant.parse("2026-03-02T09:00:00Z"), "fee");
    assertThat(intake.category()).isEqualTo("general");
    assertThat(intake.withCategory("payment-services").category()).isEqualTo("payment-services");
    assertThat(intake.withCategory("cards/atm_2").category()).isEqualTo("cards/atm_2");
    String[][] bad = {
      {"Fraud", "category 'Fraud' is not lowercase"},
      {"PAYMENT-SERVICES", "category 'PAYMENT-SERVICES' is not lowercase"},
      {"fees ", "category 'fees ' has space around it"},
      {"\tfees", "category '\\u0009fees' contains a control character at 0"},
      {"fees\n", "category 'fees\\u000a' contains a control character at 4"},
      {" ", "category is blank"},
      {"", "category is blank"},
    };
    assertThat(PluginRules.categoryProblem("cards/atm_2")).isEmpty();
    for (String[] b : bad) {
      // the answer plugins ask for (a regulatory profile's categories) is the one the intake gives
      assertThat(PluginRules.categoryProblem(b[0])).contains(b[1]);
      assertThatThrownBy(() -> intake.withCategory(b[0])).isInstanceOf(ValidationException.class).hasMessage(b[1]);
      assertThatThrownBy(() -> RoutingRule.category("r", b[0], "desk"))
          .isInstanceOf(ValidationException.class).hasMessage(b[1]);
      assertThatThrownBy(() -> ClassificationRule.category("r", Set.of("fraud", b[0])))
          .isInstanceOf(ValidationException.class).hasMessage(b[1]);
    }
    assertThatThrownBy(() -> intake.withCategory(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void routingRules() {
    Complaint urgent = complaint("x", Optional.empty(), "fees", ComplaintChannel.PHONE,
        Optional.of(new Classification(Severity.URGENT, "big")), Set.of());
    RoutingRule bySeverity = RoutingRule.severity("s", Severity.URGENT, "desk-a");
    assertThat(bySeverity.matches(urgent)).isTrue();
    assertThat(bySeverity.matches(complaint("x"))).isFalse();
    assertThat(RoutingRule.severity("s", Severity.NORMAL, "desk-a").matches(urgent)).isFalse();
    assertThat(bySeverity.assignee()).isEqualTo("desk-a");
    assertThat(bySeverity.id()).isEqualTo("s");
    RoutingRule byCategory = RoutingRule.category("c", "fees", "desk-b");
    assertThat(byCategory.matches(urgent)).isTrue();
    assertThat(RoutingRule.category("c", "loans", "desk-b").matches(urgent)).isFalse();
    assertThatThrownBy(() -> RoutingRule.of(" ", "a", c -> true))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("routing rule id or assignee is blank");
    assertThatThrownBy(() -> RoutingRule.of("r", " ", c -> true))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("routing rule id or assignee is blank");
    assertThatThrownBy(() -> RoutingRule.severity("r", null, "a")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> RoutingRule.category("r", null, "a")).isInstanceOf(NullPointerException.class);
  }

  @Test
  void theStandardWorkflowAndOpenStates() {
    assertThat(ComplaintState.standardNext(ComplaintState.RECEIVED))
        .containsExactlyInAnyOrder(ComplaintState.ACKNOWLEDGED, ComplaintState.ESCALATED, ComplaintState.WITHDRAWN);
    assertThat(ComplaintState.standardNext(ComplaintState.ACKNOWLEDGED))
        .containsExactlyInAnyOrder(ComplaintState.CLASSIFIED, ComplaintState.ESCALATED, ComplaintState.WITHDRAWN);
    assertThat(ComplaintState.standardNext(ComplaintState.CLASSIFIED))
        .containsExactlyInAnyOrder(ComplaintState.ASSIGNED, ComplaintState.ESCALATED, ComplaintState.WITHDRAWN);
    assertThat(ComplaintState.standardNext(ComplaintState.ASSIGNED))
        .containsExactlyInAnyOrder(ComplaintState.IN_PROGRESS, ComplaintState.ESCALATED, ComplaintState.WITHDRAWN);
    assertThat(ComplaintState.standardNext(ComplaintState.IN_PROGRESS))
        .containsExactlyInAnyOrder(ComplaintState.RESOLVED, ComplaintState.ESCALATED, ComplaintState.WITHDRAWN);
    assertThat(ComplaintState.standardNext(ComplaintState.ESCALATED)).containsExactlyInAnyOrder(
        ComplaintState.ASSIGNED, ComplaintState.IN_PROGRESS, ComplaintState.RESOLVED, ComplaintState.WITHDRAWN);
    assertThat(ComplaintState.standardNext(ComplaintState.RESOLVED))
        .containsExactlyInAnyOrder(ComplaintState.CLOSED, ComplaintState.REOPENED);
    assertThat(ComplaintState.standardNext(ComplaintState.CLOSED)).containsExactly(ComplaintState.REOPENED);
    assertThat(ComplaintState.standardNext(ComplaintState.REOPENED)).containsExactlyInAnyOrder(
        ComplaintState.ASSIGNED, ComplaintState.IN_PROGRESS, ComplaintState.ESCALATED, ComplaintState.WITHDRAWN);
    assertThat(ComplaintState.standardNext(ComplaintState.WITHDRAWN)).isEmpty();
    EnumSet<ComplaintState> closed = EnumSet.of(ComplaintState.RESOLVED, ComplaintState.CLOSED, ComplaintState.WITHDRAWN);
    for (ComplaintState s : ComplaintState.values()) {
      assertThat(s.isOpen()).as(s.name()).isEqualTo(!closed.contains(s));
    }
  }

  @Test
  void slaLimitsAreBounded() {
    assertThat(SlaLimit.businessDays(1)).isEqualTo(new SlaLimit(1, SlaUnit.BUSINESS_DAYS));
    assertThat(SlaLimit.businessDaysCloseOfBusiness(2).unit()).isEqualTo(SlaUnit.BUSINESS_DAYS_CLOSE_OF_BUSINESS);
    assertThat(SlaLimit.calendarDays(3650).unit()).isEqualTo(SlaUnit.CALENDAR_DAYS);
    assertThat(SlaLimit.weeks(521).amount()).isEqualTo(521);
    assertThat(SlaLimit.calendarDaysToBusinessDay(8).unit()).isEqualTo(SlaUnit.CALENDAR_DAYS_TO_BUSINESS_DAY);
    assertThat(SlaLimit.businessHours(24).unit()).isEqualTo(SlaUnit.BUSINESS_HOURS);
    assertThat(SlaLimit.businessDays(15).toString()).isEqualTo("15 BUSINESS_DAYS");
    assertThatThrownBy(() -> SlaLimit.businessDays(0))
        .isInstanceOf(ValidationException.class).hasMessage("sla amount 0 is not between 1 and 3650");
    assertThatThrownBy(() -> SlaLimit.calendarDays(3651))
        .isInstanceOf(ValidationException.class).hasMessage("sla amount 3651 is not between 1 and 3650");
    assertThatThrownBy(() -> SlaLimit.weeks(522))
        .isInstanceOf(ValidationException.class).hasMessage("sla weeks 522 is not between 1 and 521");
    assertThat(SlaLimit.calendarDays(522).amount()).isEqualTo(522);
    assertThatThrownBy(() -> new SlaLimit(1, null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void resolutionsAndSlaEvents() {
    Resolution r = new Resolution("refunded the fee", Optional.of(Money.of("25.00", "EUR")), "fee error");
    assertThat(r.toString()).isEqualTo("Resolution[fee error, compensated]").doesNotContain("25");
    assertThat(new Resolution("fixed", Optional.empty(), "bug").toString()).isEqualTo("Resolution[bug]");
    assertThat(new Resolution("fixed", Optional.of(Money.of("0", "EUR")), "bug").compensation()).isPresent();
    assertThatThrownBy(() -> new Resolution(" ", Optional.empty(), "bug"))
        .isInstanceOf(ValidationException.class).hasMessage("correction is blank");
    assertThatThrownBy(() -> new Resolution("fixed", Optional.empty(), " "))
        .isInstanceOf(ValidationException.class).hasMessage("root cause is blank");
    assertThatThrownBy(() -> new Resolution("fixed", Optional.of(Money.of("-0.01", "EUR")), "bug"))
        .isInstanceOf(ValidationException.class).hasMessage("compensation -0.01 EUR is negative");
    assertThat(new SlaEvent("T", "p", SlaTarget.FIRST_RESPONSE, SlaEvent.Kind.ESCALATION, 1, AT, AT).level())
        .isEqualTo(1);
    assertThat(new SlaEvent("T", "p", SlaTarget.FIRST_RESPONSE, SlaEvent.Kind.BREACH, 0, AT, AT).level()).isZero();
    assertThatThrownBy(() -> new SlaEvent("T", "p", SlaTarget.FIRST_RESPONSE, SlaEvent.Kind.ESCALATION, 0, AT, AT))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("level 0 does not fit ESCALATION");
    assertThatThrownBy(() -> new SlaEvent("T", "p", SlaTarget.FIRST_RESPONSE, SlaEvent.Kind.WARNING, 1, AT, AT))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("level 1 does not fit WARNING");
    assertThatThrownBy(() -> new SlaEvent("T", "p", SlaTarget.FIRST_RESPONSE, SlaEvent.Kind.LAPSED, -1, AT, AT))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("level -1 does not fit LAPSED");
  }

  @Test
  void complaintsShowNeitherContentNorCustomer() {
    Complaint c = complaint("Jane Doe lost 900 EUR", Optional.of(Money.of("900", "EUR")), "fees",
        ComplaintChannel.PHONE, Optional.of(new Classification(Severity.URGENT, "big")),
        EnumSet.of(ComplaintFlag.UNKNOWN_ORDER));
    assertThat(c.toString()).isEqualTo("Complaint[C-1, RECEIVED, URGENT, [UNKNOWN_ORDER]]");
    assertThat(complaint("x").toString()).isEqualTo("Complaint[C-1, RECEIVED]");
    assertThat(c.flags()).containsExactly(ComplaintFlag.UNKNOWN_ORDER);
  }

  @Test
  void storedTicketsKeepTheirCyclesAndClocksConsistent() {
    Complaint c = complaint("x");
    StoredTicket.SlaClock first = new StoredTicket.SlaClock(SlaTarget.FIRST_RESPONSE, AT, 0, false, false, 0,
        Optional.of(AT.plusSeconds(60)));
    StoredTicket t = new StoredTicket(1, c, List.of(first), List.of(), List.of(), Optional.empty(), 1, 0, 1,
        Optional.empty());
    assertThat(t.id()).isEqualTo("C-1");
    assertThat(new StoredTicket(3, c, List.of(), List.of(), List.of(), Optional.empty(), 2, 2, 0, Optional.empty())
        .cycle()).isEqualTo(2);
    int[][] bad = {{0, 0, 0}, {1, -1, 0}, {1, 2, 0}, {1, 0, -1}, {1, 0, 2}};
    for (int[] b : bad) {
      assertThatThrownBy(() -> new StoredTicket(1, c, List.of(), List.of(), List.of(), Optional.empty(), b[0], b[1],
          b[2], Optional.empty()))
          .isInstanceOf(ValidationException.class)
          .hasMessage("ticket C-1 cycles " + b[0] + "/" + b[1] + "/" + b[2] + " are inconsistent");
    }
    assertThatThrownBy(() -> new StoredTicket(0, c, List.of(), List.of(), List.of(), Optional.empty(), 1, 0, 0,
        Optional.empty()))
        .isInstanceOf(ValidationException.class).hasMessage("ticket sequence 0 is below 1");
    StoredTicket.SlaClock again = new StoredTicket.SlaClock(SlaTarget.FIRST_RESPONSE, AT, 1, true, false, 0,
        Optional.empty());
    StoredTicket.SlaClock other = new StoredTicket.SlaClock(SlaTarget.SUMMARY_RESOLUTION, AT, 0, false, false, 0,
        Optional.empty());
    assertThat(new StoredTicket(1, c, List.of(first, other), List.of(), List.of(), Optional.empty(), 1, 0, 0,
        Optional.empty()).clocks()).hasSize(2);
    assertThatThrownBy(() -> new StoredTicket(1, c, List.of(other, first, again), List.of(), List.of(),
        Optional.empty(), 1, 0, 0, Optional.empty()))
        .isInstanceOf(ValidationException.class).hasMessage("ticket C-1 has two FIRST_RESPONSE clocks");
    assertThatThrownBy(() -> new StoredTicket.SlaClock(SlaTarget.NEXT_RESPONSE, AT, -1, false, false, 0,
        Optional.empty()))
        .isInstanceOf(ValidationException.class).hasMessage("clock NEXT_RESPONSE extension -1 or level 0 is negative");
    assertThatThrownBy(() -> new StoredTicket.SlaClock(SlaTarget.NEXT_RESPONSE, AT, 0, false, false, -1,
        Optional.empty()))
        .isInstanceOf(ValidationException.class).hasMessage("clock NEXT_RESPONSE extension 0 or level -1 is negative");
    assertThat(new StoredTicket.Pause(AT, AT).to()).isEqualTo(AT);
    assertThatThrownBy(() -> new StoredTicket.Pause(AT, AT.minusMillis(1)))
        .isInstanceOf(ValidationException.class)
        .hasMessage("pause end " + AT.minusMillis(1) + " is before its start " + AT);
  }

  @Test
  void slaPoliciesAreBuiltOnceAndChecked() {
    SlaPolicy p = SlaPolicy.builder("uk.fca-2", SlaLimit.weeks(8))
        .firstResponse(SlaLimit.businessDays(3))
        .summaryResolution(SlaLimit.businessDays(3))
        .stopTheClock("customer asked to wait")
        .extension(SlaLimit.weeks(9))
        .extension(SlaLimit.weeks(10))
        .nextResponse(SlaLimit.businessDays(5))
        .warnBefore(SlaLimit.businessDays(1))
        .escalation(SlaLimit.businessDays(2))
        .escalation(null)
        .source("DISP 1.6")
        .build();
    assertThat(p.id()).isEqualTo("uk.fca-2");
    assertThat(p.resolution()).isEqualTo(SlaLimit.weeks(8));
    assertThat(p.firstResponse()).contains(SlaLimit.businessDays(3));
    assertThat(p.summaryResolution()).contains(SlaLimit.businessDays(3));
    assertThat(p.stopTheClock()).contains("customer asked to wait");
    assertThat(p.extensions()).containsExactly(SlaLimit.weeks(9), SlaLimit.weeks(10));
    assertThat(p.nextResponse()).contains(SlaLimit.businessDays(5));
    assertThat(p.warnBefore()).contains(SlaLimit.businessDays(1));
    assertThat(p.escalations()).containsExactly(new SlaPolicy.Escalation(1, Optional.of(SlaLimit.businessDays(2))),
        new SlaPolicy.Escalation(2, Optional.empty()));
    assertThat(p.source()).isEqualTo("DISP 1.6");
    SlaPolicy plain = SlaPolicy.builder("plain", SlaLimit.calendarDays(15)).build();
    assertThat(plain.firstResponse()).isEmpty();
    assertThat(plain.stopTheClock()).isEmpty();
    assertThat(plain.source()).isEqualTo("internal");
    SlaPolicy.Builder b = SlaPolicy.builder("b", SlaLimit.calendarDays(15)).firstResponse(SlaLimit.calendarDays(1))
        .summaryResolution(SlaLimit.calendarDays(1)).stopTheClock("r").nextResponse(SlaLimit.calendarDays(1))
        .warnBefore(SlaLimit.calendarDays(1));
    assertThatThrownBy(() -> b.firstResponse(SlaLimit.calendarDays(2)))
        .isInstanceOf(IllegalStateException.class).hasMessage("first response was already set");
    assertThatThrownBy(() -> b.summaryResolution(SlaLimit.calendarDays(2)))
        .isInstanceOf(IllegalStateException.class).hasMessage("summary resolution was already set");
    assertThatThrownBy(() -> b.stopTheClock("s"))
        .isInstanceOf(IllegalStateException.class).hasMessage("stop the clock was already set");
    assertThatThrownBy(() -> b.nextResponse(SlaLimit.calendarDays(2)))
        .isInstanceOf(IllegalStateException.class).hasMessage("next response was already set");
    assertThatThrownBy(() -> b.warnBefore(SlaLimit.calendarDays(2)))
        .isInstanceOf(IllegalStateException.class).hasMessage("warn before was already set");
    assertThatThrownBy(() -> SlaPolicy.builder("Bad Id", SlaLimit.calendarDays(1)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("sla policy id 'Bad Id' is not lowercase letters, digits, dots and hyphens");
    assertThatThrownBy(() -> SlaPolicy.builder("a" + "b".repeat(5000), SlaLimit.calendarDays(1)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("sla policy id 'abbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'... (5001 characters) is not");
    assertThat(SlaPolicy.builder("a" + "b".repeat(127), SlaLimit.calendarDays(1)).build().id()).hasSize(128);
    assertThatThrownBy(() -> SlaPolicy.builder("p", SlaLimit.calendarDays(1)).stopTheClock(" ").build())
        .isInstanceOf(ValidationException.class).hasMessage("stop-the-clock rule of policy 'p' is blank");
    assertThatThrownBy(() -> SlaPolicy.builder("p", SlaLimit.weeks(8)).extension(SlaLimit.calendarDays(90)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("extension 90 CALENDAR_DAYS of policy 'p' is not in WEEKS");
    assertThatThrownBy(() -> SlaPolicy.builder("p", SlaLimit.weeks(8)).extension(SlaLimit.weeks(8)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("extension 8 WEEKS of policy 'p' is not longer than 8 WEEKS");
    assertThatThrownBy(() -> SlaPolicy.builder("p", SlaLimit.weeks(8)).extension(SlaLimit.weeks(10))
        .extension(SlaLimit.weeks(9)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("extension 9 WEEKS of policy 'p' is not longer than 10 WEEKS");
    assertThatThrownBy(() -> new SlaPolicy.Escalation(0, Optional.empty()))
        .isInstanceOf(ValidationException.class).hasMessage("escalation level 0 is below 1");
    assertThatThrownBy(() -> new SlaPolicy("p", Optional.empty(), Optional.empty(), SlaLimit.weeks(8), List.of(),
        Optional.empty(), Optional.empty(), List.of(new SlaPolicy.Escalation(2, Optional.empty())), "s",
        Optional.empty(), Optional.empty()))
        .isInstanceOf(ValidationException.class).hasMessage("escalation level 2 of policy 'p' should be 1");
  }

  /** A report's counts by age band and class are its own: the caller's maps can change after, and hold no null. */
  @Test
  void aReportKeepsItsOwnCountsByClass() {
    Instant at = Instant.parse("2026-03-02T09:00:00Z");
    Map<Severity, Long> counts = new java.util.EnumMap<>(Severity.class);
    counts.put(Severity.URGENT, 2L);
    Map<ComplaintReport.AgeBand, Map<Severity, Long>> byAge = new java.util.EnumMap<>(ComplaintReport.AgeBand.class);
    byAge.put(ComplaintReport.AgeBand.DAYS_0_TO_3, counts);
    ComplaintReport report = new ComplaintReport(at, byAge, Map.of(), Map.of(), List.of(), Map.of());
    counts.put(Severity.URGENT, 5L);
    assertThat(report.openByAge().get(ComplaintReport.AgeBand.DAYS_0_TO_3)).containsExactly(Map.entry(Severity.URGENT, 2L));
    assertThatThrownBy(() -> report.openByAge().get(ComplaintReport.AgeBand.DAYS_0_TO_3).put(Severity.NORMAL, 1L))
        .isInstanceOf(UnsupportedOperationException.class);
    counts.put(Severity.NORMAL, null);
    assertThatThrownBy(() -> new ComplaintReport(at, byAge, Map.of(), Map.of(), List.of(), Map.of()))
        .isInstanceOf(NullPointerException.class);
  }
}
