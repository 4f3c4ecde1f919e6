package io.clm.retention;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.MetricsSnapshot;
import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionPlan;
import io.clm.api.retention.RetentionStrategy;
import io.clm.api.retention.Risk;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The example in RetentionStrategy's javadoc, compiled and run. */
class VendorStrategyExampleTest {

  /** As in the javadoc (without the annotation, which needs the processor). */
  public static final class BirthdayCall implements RetentionStrategy {
    @Override
    public String id() {
      return "acme.birthday-call";
    }

    @Override
    public Set<StageFamily> families() {
      return EnumSet.of(StageFamily.MATURITY);
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      return List.of(
          new RetentionAction(
              new ActionType.Communication("birthday call"),
              "loyal customers value personal attention",
              Money.of("2.00", "EUR"),
              20,
              id()));
    }
  }

  @Test
  void theJavadocExampleWorksInAPlan() {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    RetentionContext context =
        new RetentionContext(
            new Customer(CustomerId.of("alice-0042"), "maturity", 0, MetricsSnapshot.builder(Money.currency("EUR"), now).build(), Map.of()),
            StageFamily.MATURITY,
            Set.of("gold"),
            Risk.NONE,
            Money.of("100.00", "EUR"),
            now);
    RetentionPlan plan = RetentionPlan.of(context, List.of(new BirthdayCall()));
    assertThat(plan.actions()).singleElement().satisfies(a -> assertThat(a.strategy()).isEqualTo("acme.birthday-call"));
    assertThat(context.toString()).doesNotContain("alice-0042").startsWith("RetentionContext[#");
  }
}
