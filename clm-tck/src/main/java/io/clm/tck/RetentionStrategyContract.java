package io.clm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.Money;
import io.clm.api.StageFamily;
import io.clm.api.annotation.Experimental;
import io.clm.api.retention.ActionType;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import io.clm.api.retention.Risk;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The contract of a {@link RetentionStrategy}. Extend it with one factory method:
 *
 * <pre>{@code
 * class LoyaltyPointsTest extends RetentionStrategyContract {
 *   @Override
 *   protected RetentionStrategy createPlugin() {
 *     return new LoyaltyPoints();
 *   }
 * }
 * }</pre>
 *
 * <p>Besides {@link PluginContract}'s rules it checks its configuration as the scheme contract does
 * (parameters, {@code configure}) and, on realistic generated contexts in every
 * family the strategy declares and in currencies with no, two and three decimals: {@code propose}
 * answers (a list, possibly empty, never null) and never throws, not even a typed exception; it is
 * deterministic, on one instance and across instances, and safe from several threads; every action names this strategy and is priced in
 * the customer value's currency, as is a service recovery's compensation; no marketing action is proposed without marketing consent; the
 * returned list is the caller's (changing it changes nothing); and the actions survive clm-core's
 * JSON round trip.
 */
@Experimental
public abstract class RetentionStrategyContract extends PluginContract<RetentionStrategy> {

  /** For subclasses. */
  protected RetentionStrategyContract() {}

  @Override
  protected final Class<RetentionStrategy> kind() {
    return RetentionStrategy.class;
  }

  /** The families are a non-empty set, the same on every call. */
  @Test
  public void familiesAreDeclaredAndStable() {
    RetentionStrategy strategy = createPlugin();
    assertThat(strategy.families()).as("families() of %s", describe(strategy)).isNotNull().isNotEmpty();
    assertThat(createPlugin().families()).isEqualTo(strategy.families());
  }

  /**
   * Proposals are total, deterministic (on this instance and on another one, as after a restart),
   * name this strategy, are priced in the currency of the
   * customer's value (whatever its minor unit: EUR, JPY, KWD, ...), respect consent, and do not
   * depend on what the caller does with an earlier answer. A context here is valid and in one of
   * the strategy's families, so any exception from {@code propose}, a typed one included, fails:
   * {@link io.clm.api.retention.RetentionPlan} would drop every action of the strategy for that
   * customer.
   */
  @Test
  public void proposalsAreTotalDeterministicAndRespectConsent() {
    RetentionStrategy strategy = createPlugin();
    RetentionStrategy another = createPlugin();
    qt().withExamples(200)
        .forAll(contexts(strategy.families()))
        .checkAssert(
            context -> {
              List<RetentionAction> first = propose(strategy, context);
              List<RetentionAction> copy = List.copyOf(first);
              try {
                first.clear();
              } catch (UnsupportedOperationException expected) {
                // an unmodifiable list: fine
              }
              assertThat(propose(strategy, context)).as("second proposal for %s", context).isEqualTo(copy);
              assertThat(propose(another, context))
                  .as("proposal of another instance of %s for %s (as after a restart)", describe(strategy), context)
                  .isEqualTo(copy);
              for (RetentionAction action : copy) {
                assertThat(action.strategy()).as("strategy named by %s", action).isEqualTo(strategy.id());
                assertThat(action.expectedCost().currency())
                    .as("currency of the cost of %s (the customer value's currency)", action.type())
                    .isEqualTo(context.value().currency());
                if (action.type() instanceof ActionType.ServiceRecovery recovery) {
                  assertThat(recovery.compensation().currency())
                      .as("currency of the compensation of %s (the customer value's currency)", action.type())
                      .isEqualTo(context.value().currency());
                }
                if (!context.marketingConsent()) {
                  assertThat(action.isMarketing())
                      .as("%s proposes marketing action %s to a customer without marketing consent", describe(strategy), action.type())
                      .isFalse();
                }
              }
            });
  }

  /**
   * Parameters are well formed and stable; {@code configure} with the current values gives the
   * same parameters, refuses an unknown name with a {@link io.clm.api.ClmException} naming it, is
   * total, and leaves the strategy it is called on unchanged. A strategy without parameters passes
   * with the interface's defaults.
   */
  @Test
  public void configurationIsTotalAndLeavesTheStrategyUnchanged() {
    Overrides.checkConfiguration("strategy", createPlugin(), RetentionStrategy::parameters, RetentionStrategy::configure);
  }

  /** Several threads proposing at once get what one thread gets. */
  @Test
  public void proposalsAreSafeFromSeveralThreads() {
    RetentionStrategy strategy = createPlugin();
    // a difference between threads shows on the inputs that showed it: shrinking them (lists of
    // many contexts or customers, each run on every thread again) only delays the report
    qt().withExamples(5)
        .withShrinkCycles(0)
        .forAll(org.quicktheories.generators.SourceDSL.lists().of(contexts(strategy.families())).ofSize(40))
        .checkAssert(
            contexts -> {
              List<List<RetentionAction>> serial = new ArrayList<>();
              contexts.forEach(c -> serial.add(List.copyOf(propose(strategy, c))));
              assertThat(Concurrency.run(contexts.size(), i -> List.copyOf(propose(strategy, contexts.get(i)))))
                  .as("proposals from %d threads", Concurrency.THREADS)
                  .isEqualTo(serial);
            });
  }

  /** The proposed actions survive clm's JSON round trip (clm-jackson). */
  @Test
  public void resultsSurviveTheJsonRoundTrip() {
    JsonRoundTrip json = JsonRoundTrip.withClmModule();
    RetentionAction probe = new RetentionAction(new ActionType.WinBack(), "probe", Money.of("1.00", "EUR"), 1, "tck.probe");
    assertThat(json.roundTrip(probe, RetentionAction.class))
        .as("clm's Jackson module must read back what it writes")
        .isEqualTo(probe);
    RetentionStrategy strategy = createPlugin();
    qt().withExamples(50)
        .forAll(contexts(strategy.families()))
        .checkAssert(
            context ->
                propose(strategy, context).forEach(a -> assertThat(json.roundTrip(a, RetentionAction.class)).isEqualTo(a)));
  }

  /** The currencies of generated contexts: without minor unit (JPY), with two, with three (KWD). */
  private static final List<Currency> CURRENCIES =
      Stream.of("EUR", "JPY", "KWD", "USD", "CHF").map(Currency::getInstance).toList();

  /**
   * Realistic contexts in the given families: generated customers, segments, an explained risk
   * score and a customer value, in one of several currencies (the customer's metrics and its value
   * in the same one, as an engine makes them).
   *
   * @param families the families to draw from
   * @return the generator
   */
  protected Gen<RetentionContext> contexts(Set<StageFamily> families) {
    List<StageFamily> list = new ArrayList<>(new java.util.TreeSet<>(families));
    Gen<Risk> risks =
        doubles().between(0, 1).zip(doubles().between(0, 1), (w, s) -> new Risk(w * s, List.of(new Risk.Contribution("falling-volume", w, s, w * s))));
    Gen<Risk> risk = Generate.oneOf(Generate.constant(Risk.NONE), risks);
    return in -> {
      Currency currency = Generate.pick(CURRENCIES).generate(in);
      var customer = Generators.customers(List.of("new", "active", "dormant"), currency).generate(in);
      StageFamily family = Generate.pick(list).generate(in);
      Set<String> segments = Set.copyOf(Generate.pick(List.of(List.<String>of(), List.of("star"), List.of("gold", "high-value"))).generate(in));
      Money value = Money.ofMinor(longs().between(0, 10_000_000).generate(in), currency);
      return new RetentionContext(customer, family, segments, risk.generate(in), value, Generators.NOW);
    };
  }

  private static List<RetentionAction> propose(RetentionStrategy strategy, RetentionContext context) {
    List<RetentionAction> actions;
    try {
      actions = strategy.propose(context);
    } catch (RuntimeException e) {
      throw new AssertionError(
          describe(strategy) + ".propose(" + context + ") threw " + e
              + "; for a valid context in its families it must return actions or an empty list",
          e);
    }
    if (actions == null) {
      throw new AssertionError(describe(strategy) + ".propose(" + context + ") returned null; return an empty list");
    }
    for (RetentionAction action : actions) {
      if (action == null) {
        throw new AssertionError(
            describe(strategy) + ".propose(" + context + ") returned a list holding null; leave the action out instead");
      }
    }
    return actions;
  }
}
