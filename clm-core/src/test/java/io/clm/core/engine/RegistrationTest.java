package io.clm.core.engine;

import static io.clm.core.engine.Fixtures.START;
import static io.clm.core.engine.Fixtures.customer;
import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.Clm;
import io.clm.api.LifecycleEngine;
import io.clm.api.Metric;
import io.clm.api.StageChange;
import io.clm.api.StageFamily;
import io.clm.api.UnknownCustomers;
import io.clm.api.model.LifecycleModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A registered customer is a customer like one created by its first event: the rules out of the
 * initial stage run at the registration (their changes stored, returned to no one but told to the
 * listeners), and its time-driven rules come due at {@code advanceTo}.
 */
class RegistrationTest {
  /** registered -> waiting at once (no transaction yet), waiting -> lapsed after 30 days in it. */
  private static LifecycleModel model() {
    return LifecycleModel.builder("registration-test")
        .stage("registered", StageFamily.PROSPECT)
        .stage("waiting", StageFamily.PROSPECT)
        .stage("lapsed", StageFamily.DECLINE)
        .initial("registered")
        .rule("no-business-yet").from("registered").to("waiting").priority(1)
        .when(Metric.TRANSACTION_COUNT.below(1))
        .rule("lapsed").from("waiting").to("lapsed").priority(1)
        .when(Metric.DAYS_IN_STAGE.atLeast(30))
        .build();
  }

  private static Instant day(int d) {
    return START.plus(Duration.ofDays(d));
  }

  @Test
  void aRegisteredCustomerMovesByItsRulesAtOnceAndWhenTheyComeDue() {
    LifecycleEngine engine = Clm.builder().model(model()).currency("EUR").clock(Fixtures.CLOCK)
        .unknownCustomers(UnknownCustomers.REJECT).build();
    List<StageChange> told = new ArrayList<>();
    engine.addListener(told::add);
    assertThat(engine.register(customer(1), day(0))).isTrue();
    assertThat(told).singleElement().satisfies(c -> {
      assertThat(c.customer()).isEqualTo(customer(1));
      assertThat(c.from()).isEqualTo("registered");
      assertThat(c.to()).isEqualTo("waiting");
      assertThat(c.at()).isEqualTo(day(0));
    });
    assertThat(engine.history(customer(1))).containsExactlyElementsOf(told);

    assertThat(engine.advanceTo(day(30).minusMillis(1))).isEmpty();
    assertThat(engine.advanceTo(day(30))).singleElement().satisfies(c -> {
      assertThat(c.to()).isEqualTo("lapsed");
      assertThat(c.at()).isEqualTo(day(30));
    });
    assertThat(told).hasSize(2);
  }

  @Test
  void theEngineShowsItsModelAndCurrencyOnly() {
    LifecycleEngine engine = Clm.builder().model(model()).currency("EUR").clock(Fixtures.CLOCK).build();
    engine.register(customer(1), day(0));
    assertThat(engine).hasToString("LifecycleEngine[model=registration-test, currency=EUR]");
  }
}
