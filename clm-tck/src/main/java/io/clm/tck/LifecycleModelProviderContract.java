package io.clm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.quicktheories.QuickTheory.qt;

import io.clm.api.Cause;
import io.clm.api.ClmException;
import io.clm.api.Customer;
import io.clm.api.InvalidModelException;
import io.clm.api.Stage;
import io.clm.api.StageChange;
import io.clm.api.annotation.Experimental;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.api.spi.PluginRules;
import io.clm.api.model.TransitionRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The contract of a {@link LifecycleModelProvider}. Extend it in your plugin's tests with one
 * factory method:
 *
 * <pre>{@code
 * class CreditCardLifecycleTest extends LifecycleModelProviderContract {
 *   @Override
 *   protected LifecycleModelProvider createPlugin() {
 *     return new CreditCardLifecycle();
 *   }
 * }
 * }</pre>
 *
 * <p>It checks, besides {@link PluginContract}'s id and registration rules: the model's id is the
 * provider's id; the default parameters are finite and stable; {@code create} is deterministic,
 * total (any overrides give a model or an {@link InvalidModelException}, never another exception),
 * does not modify its argument and is safe from several threads; every rule, evaluated on realistic
 * customers, gives the same answer twice and names a stage of the model; and the customers and
 * stage changes the model produces survive clm's JSON round trip (clm-jackson).
 */
@Experimental
public abstract class LifecycleModelProviderContract extends PluginContract<LifecycleModelProvider> {

  /** For subclasses. */
  protected LifecycleModelProviderContract() {}

  @Override
  protected final Class<LifecycleModelProvider> kind() {
    return LifecycleModelProvider.class;
  }

  /** The model's id is the provider's id. */
  @Test
  public void modelIdIsTheProviderId() {
    LifecycleModelProvider provider = createPlugin();
    LifecycleModel model = provider.create();
    assertThat(model).as("create() of %s", describe(provider)).isNotNull();
    assertThat(model.id()).as("id of the model of %s", describe(provider)).isEqualTo(provider.id());
  }

  /**
   * Parameter names and values follow clm's one parameter rule ({@link PluginRules#parameterProblem})
   * and the map is the same on every call and instance; a caller that changes the returned map
   * changes nothing.
   */
  @Test
  public void defaultParametersAreFiniteAndStable() {
    LifecycleModelProvider provider = createPlugin();
    Map<String, Double> returned = provider.defaultParameters();
    assertThat(returned).as("defaultParameters() of %s", describe(provider)).isNotNull();
    // a copy: compared with the map a caller changed, the provider's own map would be equal to itself
    Map<String, Double> defaults = new HashMap<>(returned);
    assertThat(PluginRules.parametersProblem(defaults))
        .as("defaultParameters() of %s", describe(provider))
        .isEmpty();
    assertThat(createPlugin().defaultParameters()).as("defaultParameters() of another instance").isEqualTo(defaults);
    try {
      provider.defaultParameters().put("tck.probe", 1.0);
    } catch (UnsupportedOperationException expected) {
      // an unmodifiable map: fine
    }
    assertThat(provider.defaultParameters())
        .as("defaultParameters() after a caller modified the returned map")
        .isEqualTo(defaults);
  }

  /** The same parameters give equal models, on one instance and across instances. */
  @Test
  public void createIsDeterministic() {
    LifecycleModelProvider provider = createPlugin();
    Shape first = Shape.of(provider.create());
    assertThat(Shape.of(provider.create())).as("second create()").isEqualTo(first);
    assertThat(Shape.of(createPlugin().create())).as("create() on another instance").isEqualTo(first);
    assertThat(Shape.of(provider.create(provider.defaultParameters())))
        .as("create(defaultParameters()) equals create()")
        .isEqualTo(first);
  }

  /** An unknown parameter name is refused with an {@link InvalidModelException} naming it. */
  @Test
  public void unknownParameterIsRefused() {
    LifecycleModelProvider provider = createPlugin();
    Throwable thrown = catchThrowable(() -> provider.create(Map.of("tck.no-such-parameter", 1.0)));
    assertThat(thrown)
        .as(
            "create(Map.of(\"tck.no-such-parameter\", 1.0)) of %s must throw an InvalidModelException naming the"
                + " parameter (ModelParameters.resolve does), but it threw %s",
            describe(provider),
            thrown)
        .isInstanceOf(InvalidModelException.class)
        .hasMessageContaining("tck.no-such-parameter");
  }

  /**
   * Any overrides, including zero, negative, huge and non-finite values, give a model with the
   * provider's id or a typed refusal ({@link ClmException}), and leave the argument unchanged.
   */
  @Test
  public void createIsTotalAndDoesNotModifyItsArgument() {
    LifecycleModelProvider provider = createPlugin();
    qt().withExamples(150)
        .forAll(Overrides.of(provider.defaultParameters()))
        .checkAssert(
            overrides -> {
              Map<String, Double> argument = new HashMap<>(overrides);
              Map<String, Double> before = new HashMap<>(overrides);
              Optional<LifecycleModel> model = createOrRefuse(provider, argument);
              assertThat(argument).as("overrides after create()").isEqualTo(before);
              model.ifPresent(m -> assertThat(m.id()).isEqualTo(provider.id()));
            });
  }

  /** Several threads creating models at once get the models a single thread gets. */
  @Test
  public void createIsSafeFromSeveralThreads() {
    LifecycleModelProvider provider = createPlugin();
    List<Map<String, Double>> inputs = sampleOverrides(provider.defaultParameters(), 24);
    List<Optional<Shape>> serial = new ArrayList<>();
    for (Map<String, Double> in : inputs) {
      serial.add(createOrRefuse(provider, in).map(Shape::of));
    }
    List<Optional<Shape>> parallel =
        Concurrency.run(inputs.size(), i -> createOrRefuse(provider, inputs.get(i)).map(Shape::of));
    assertThat(parallel).as("models created from %d threads", Concurrency.THREADS).isEqualTo(serial);
  }

  /**
   * On realistic customers in every stage, the rule that fires (the highest-priority rule out of the
   * customer's stage that holds) is the same on a second evaluation and moves to a stage of the
   * model. The JSON round trip of the customer and the stage change is {@link
   * #resultsSurviveTheJsonRoundTrip}'s.
   */
  @Test
  public void rulesAreDeterministicOnRealisticCustomers() {
    LifecycleModelProvider provider = createPlugin();
    LifecycleModel model = provider.create();
    List<String> stageIds = model.stages().stream().map(Stage::id).toList();
    long now = Generators.NOW.toEpochMilli();
    qt().withExamples(200)
        .forAll(Generators.customers(stageIds))
        .checkAssert(
            customer -> {
              Optional<TransitionRule> fired = firing(model, customer, now);
              assertThat(firing(model, customer, now)).as("second evaluation for %s", customer).isEqualTo(fired);
              fired.ifPresent(
                  rule -> assertThat(model.stage(rule.to())).as("target of rule '%s'", rule.id()).isPresent());
            });
  }

  /** Customers of the model and the stage changes its rules make survive the JSON round trip. */
  @Test
  public void resultsSurviveTheJsonRoundTrip() {
    JsonRoundTrip json = JsonRoundTrip.withClmModule();
    LifecycleModelProvider provider = createPlugin();
    LifecycleModel model = provider.create();
    List<String> stageIds = model.stages().stream().map(Stage::id).toList();
    long now = Generators.NOW.toEpochMilli();
    qt().withExamples(60)
        .forAll(Generators.customers(stageIds))
        .checkAssert(
            customer -> {
              assertThat(json.roundTrip(customer, Customer.class)).isEqualTo(customer);
              Optional<TransitionRule> fired = firing(model, customer, now);
              if (fired.isPresent()) {
                Map<String, Double> evidence = new TreeMap<>();
                fired.get().condition().collectEvidence(customer.metrics(), now, evidence);
                StageChange change =
                    new StageChange(
                        customer.id(), customer.stage(), fired.get().to(), Generators.NOW, new Cause.Rule(fired.get().id()), evidence);
                assertThat(json.roundTrip(change, StageChange.class)).isEqualTo(change);
              }
            });
  }

  private static Optional<TransitionRule> firing(LifecycleModel model, Customer customer, long now) {
    for (TransitionRule rule : model.rulesFrom(customer.stage())) {
      if (rule.condition().test(customer.metrics(), now)) {
        return Optional.of(rule);
      }
    }
    return Optional.empty();
  }

  private static Optional<LifecycleModel> createOrRefuse(LifecycleModelProvider provider, Map<String, Double> overrides) {
    LifecycleModel model;
    try {
      model = provider.create(overrides);
    } catch (ClmException refused) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw new AssertionError(
          describe(provider) + ".create(" + overrides + ") threw " + e + "; expected a model or an InvalidModelException", e);
    }
    if (model == null) {
      throw new AssertionError(describe(provider) + ".create(" + overrides + ") returned null");
    }
    return Optional.of(model);
  }

  private static List<Map<String, Double>> sampleOverrides(Map<String, Double> defaults, int n) {
    List<Map<String, Double>> list = new ArrayList<>();
    List<String> names = new ArrayList<>(new TreeSet<>(defaults.keySet()));
    double[] factors = {0.5, 1, 1.5, 2, 0, -1};
    for (int i = 0; i < n; i++) {
      Map<String, Double> m = new TreeMap<>();
      if (!names.isEmpty()) {
        String name = names.get(i % names.size());
        m.put(name, defaults.get(name) * factors[i % factors.length]);
      }
      list.add(m);
    }
    return list;
  }

  /** What makes two models equal: every part a rule engine reads. */
  private record Shape(
      String id,
      List<Stage> stages,
      String initial,
      Set<String> terminal,
      List<TransitionRule> rules,
      boolean forwardOnly,
      boolean manualMoves) {
    static Shape of(LifecycleModel m) {
      return new Shape(
          m.id(), m.stages(), m.initialStage(), new TreeSet<>(m.terminalStages()), m.rules(), m.isForwardOnly(), m.allowsManualMoves());
    }
  }
}
