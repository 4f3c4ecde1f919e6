package com.example.clm.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import com.example.clm.bureau.CreditBureauBands;
import com.example.clm.loyalty.LoyaltyPointsRetention;
import io.clm.api.Clm;
import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.PluginFailureException;
import io.clm.api.StageFamily;
import io.clm.api.event.AttributeUpdate;
import io.clm.api.event.Attribute;
import io.clm.api.event.ConsentChange;
import io.clm.api.event.Purpose;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import io.clm.api.retention.Risk;
import io.clm.api.segmentation.Population;
import io.clm.api.segmentation.SegmentationScheme;
import io.clm.api.segmentation.Segmenter;
import io.clm.api.spi.PluginCalls;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A plugin that throws, returns null or returns a segment it does not declare is isolated by
 * {@link PluginCalls}: the failure names the plugin and the masked customer, the other plugins'
 * results stand, and the customer's state in the engine is untouched.
 */
class MisbehavingPluginsTest {
  private static final Instant NOW = Instant.parse("2025-06-30T12:00:00Z");
  private static final CustomerId ALICE = CustomerId.of("CB-0004711");

  /** A strategy that fails for every customer. */
  public static final class Crashing implements RetentionStrategy {
    @Override
    public String id() {
      return "acme.crashing";
    }

    @Override
    public Set<StageFamily> families() {
      return Set.of(StageFamily.MATURITY);
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      throw new IllegalStateException("scoring service down for " + context.customer().id().value());
    }
  }

  /** A strategy that answers null. */
  public static final class Silent implements RetentionStrategy {
    @Override
    public String id() {
      return "acme.silent";
    }

    @Override
    public Set<StageFamily> families() {
      return Set.of(StageFamily.MATURITY);
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      return null;
    }
  }

  private static LifecycleEngine engineWithAlice() {
    LifecycleEngine engine =
        Clm.builder().model("banking-six-stage").currency("EUR").clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    engine.ingest(new ConsentChange("e1", ALICE, NOW.minusSeconds(300), Purpose.MARKETING, true));
    engine.ingest(new AttributeUpdate("e2", ALICE, NOW.minusSeconds(200), Attribute.CREDIT_SCORE, BigDecimal.valueOf(720)));
    return engine;
  }

  @Test
  void aFailingStrategyIsNamedAndTheOthersStand() {
    LifecycleEngine engine = engineWithAlice();
    Customer before = engine.customer(ALICE).orElseThrow();
    RetentionContext context = new RetentionContext(before, StageFamily.MATURITY, Set.of(), Risk.NONE, Money.of("1000.00", "EUR"), NOW);

    PluginCalls.Outcome<List<RetentionAction>> outcome =
        PluginCalls.callEach(
            List.of(new Crashing(), new LoyaltyPointsRetention(), new Silent()), ALICE, "propose", s -> s.propose(context));

    assertThat(outcome.results()).containsOnlyKeys("example.loyalty-points");
    assertThat(outcome.results().get("example.loyalty-points")).hasSize(2);
    assertThat(outcome.failures())
        .extracting(Throwable::getMessage)
        .containsExactly(
            "plugin 'acme.crashing' (com.example.clm.isolation.MisbehavingPluginsTest$Crashing) threw"
                + " java.lang.IllegalStateException in propose for customer " + ALICE.masked(),
            "plugin 'acme.silent' (com.example.clm.isolation.MisbehavingPluginsTest$Silent) returned null from propose"
                + " for customer " + ALICE.masked());
    assertThat(outcome.failures()).allSatisfy(e -> assertThat(e.getMessage()).doesNotContain("CB-0004711"));
    assertThat(engine.customer(ALICE)).contains(before);
  }

  @Test
  void aSegmentTheSchemeDoesNotDeclareIsRefused() {
    LifecycleEngine engine = engineWithAlice();
    Customer alice = engine.customer(ALICE).orElseThrow();
    SegmentationScheme bands = new CreditBureauBands();
    Segmenter segmenter = bands.segmenter(bands.fit(Population.of(List.of(alice), NOW, bands.columns())));
    String segment = PluginCalls.call(bands, ALICE, "assign", s -> segmenter.assign(alice, NOW).segment());
    assertThat(PluginCalls.requireDeclared(bands, ALICE, "segment", segment, bands.segments())).isEqualTo("good");

    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> PluginCalls.requireDeclared(bands, ALICE, "segment", "platinum", bands.segments()))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage(
            "plugin 'example.credit-bureau-band' (com.example.clm.bureau.CreditBureauBands) returned segment 'platinum'"
                + " for customer " + ALICE.masked() + ", which it does not declare; declared are [excellent, good, fair, poor]");
    assertThat(engine.customer(ALICE)).contains(alice);
  }
}
