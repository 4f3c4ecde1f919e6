package io.clm.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.clm.api.ClmException;
import io.clm.api.Money;
import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintFacts;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.RoutingRule;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The contract of a {@link ComplaintWorkflow}. Extend it with one factory method:
 *
 * <pre>{@code
 * class StrictComplaintsTest extends ComplaintWorkflowContract {
 *   @Override
 *   protected ComplaintWorkflow createPlugin() {
 *     return new StrictComplaints();
 *   }
 * }
 * }</pre>
 *
 * <p>Besides {@link PluginContract}'s rules it checks: the state machine never leaves {@code
 * WITHDRAWN} and lets every open ticket reach a closed state; an SLA policy exists for every
 * severity and any category, the same on every call and thread; classification and routing rules
 * have unique, non-blank ids and answer every generated complaint the same way twice, never
 * throwing (not even a {@link ClmException}: the desk would stop classifying or routing the
 * complaint); and the policies survive clm's JSON round trip (clm-jackson).
 */
@Experimental
public abstract class ComplaintWorkflowContract extends PluginContract<ComplaintWorkflow> {

  private static final List<String> CATEGORIES =
      List.of(ComplaintWorkflow.GENERAL, "payments", "cards", "mortgages", "fraud", "tck-unknown-category");

  /** For subclasses. */
  protected ComplaintWorkflowContract() {}

  @Override
  protected final Class<ComplaintWorkflow> kind() {
    return ComplaintWorkflow.class;
  }

  /** No move out of {@code WITHDRAWN}; from every state a closed state is reachable; stable answers. */
  @Test
  public void theStateMachineIsSoundAndStable() {
    ComplaintWorkflow workflow = createPlugin();
    for (ComplaintState s : ComplaintState.values()) {
      Set<ComplaintState> next = workflow.next(s);
      assertThat(next).as("next(%s) of %s", s, describe(workflow)).isNotNull();
      Set<ComplaintState> copy = Set.copyOf(next);
      try {
        next.clear();
      } catch (UnsupportedOperationException expected) {
        // unmodifiable: fine
      }
      assertThat(workflow.next(s)).as("next(%s) after a caller changed the returned set", s).isEqualTo(copy);
      assertThat(createPlugin().next(s)).as("next(%s) on another instance", s).isEqualTo(copy);
    }
    assertThat(workflow.next(ComplaintState.WITHDRAWN)).as("moves out of WITHDRAWN").isEmpty();
    for (ComplaintState s : ComplaintState.values()) {
      if (s.isOpen()) {
        assertThat(reachable(workflow, s).stream().anyMatch(t -> !t.isOpen()))
            .as("a ticket in %s can reach a closed state", s)
            .isTrue();
      }
    }
  }

  /** Every severity and category has a policy, the same on every call, instance and thread. */
  @Test
  public void everyComplaintHasAnSlaPolicy() {
    ComplaintWorkflow workflow = createPlugin();
    List<SlaPolicy> serial = new ArrayList<>();
    List<String[]> keys = new ArrayList<>();
    for (Severity severity : Severity.values()) {
      for (String category : CATEGORIES) {
        SlaPolicy policy = workflow.slaPolicy(severity, category);
        assertThat(policy).as("slaPolicy(%s, %s) of %s", severity, category, describe(workflow)).isNotNull();
        assertThat(workflow.slaPolicy(severity, category)).isEqualTo(policy);
        assertThat(createPlugin().slaPolicy(severity, category)).isEqualTo(policy);
        serial.add(policy);
        keys.add(new String[] {severity.name(), category});
      }
    }
    assertThat(Concurrency.run(keys.size(), i -> workflow.slaPolicy(Severity.valueOf(keys.get(i)[0]), keys.get(i)[1])))
        .as("policies from %d threads", Concurrency.THREADS)
        .isEqualTo(serial);
    assertThat(workflow.defaultAssignee()).as("defaultAssignee()").isNotBlank();
  }

  /**
   * Rules have unique non-blank ids and give every generated complaint (with and without a
   * customer, an amount at stake, earlier complaints) an answer, the same twice. A rule that throws
   * for a valid complaint, a typed exception included, fails: the desk would stop classifying or
   * routing that complaint.
   */
  @Test
  public void rulesAreWellFormedTotalAndDeterministic() {
    ComplaintWorkflow workflow = createPlugin();
    List<ClassificationRule> classification = workflow.classificationRules();
    List<RoutingRule> routing = workflow.routingRules();
    assertThat(classification).as("classificationRules()").isNotNull();
    assertThat(routing).as("routingRules()").isNotNull();
    Set<String> ids = new HashSet<>();
    classification.forEach(r -> {
      assertThat(r.id()).isNotBlank();
      assertThat(ids.add(r.id())).as("classification rule id '%s' is unique", r.id()).isTrue();
      assertThat(r.severity()).isNotNull();
    });
    ids.clear();
    routing.forEach(r -> {
      assertThat(r.id()).isNotBlank();
      assertThat(ids.add(r.id())).as("routing rule id '%s' is unique", r.id()).isTrue();
      assertThat(r.assignee()).isNotBlank();
    });
    qt().withExamples(200)
        .forAll(facts())
        .checkAssert(
            facts -> {
              for (ClassificationRule r : classification) {
                assertThat(matches(() -> r.matches(facts), r.id())).isEqualTo(matches(() -> r.matches(facts), r.id()));
              }
              for (RoutingRule r : routing) {
                assertThat(matches(() -> r.matches(facts.complaint()), r.id()))
                    .isEqualTo(matches(() -> r.matches(facts.complaint()), r.id()));
              }
            });
  }

  /** The SLA policies survive clm's JSON round trip (clm-jackson). */
  @Test
  public void resultsSurviveTheJsonRoundTrip() {
    JsonRoundTrip json = JsonRoundTrip.withClmModule();
    ComplaintWorkflow workflow = createPlugin();
    SlaPolicy probe = workflow.slaPolicy(Severity.NORMAL, ComplaintWorkflow.GENERAL);
    SlaPolicy probePolicy = SlaPolicy.builder("tck.probe", io.clm.api.complaints.SlaLimit.businessDays(5)).build();
    assertThat(json.roundTrip(probePolicy, SlaPolicy.class))
        .as("clm's Jackson module must read back what it writes")
        .isEqualTo(probePolicy);
    for (Severity severity : Severity.values()) {
      for (String category : CATEGORIES) {
        SlaPolicy policy = workflow.slaPolicy(severity, category);
        assertThat(json.roundTrip(policy, SlaPolicy.class)).isEqualTo(policy);
      }
    }
    assertThat(probe).isNotNull();
  }

  private static Set<ComplaintState> reachable(ComplaintWorkflow workflow, ComplaintState from) {
    Set<ComplaintState> seen = EnumSet.of(from);
    Deque<ComplaintState> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      for (ComplaintState t : workflow.next(queue.poll())) {
        if (seen.add(t)) {
          queue.add(t);
        }
      }
    }
    return seen;
  }

  private static boolean matches(java.util.function.BooleanSupplier test, String ruleId) {
    try {
      return test.getAsBoolean();
    } catch (RuntimeException e) {
      // the desk treats a rule that throws, a typed exception included, as a failure of the workflow
      throw new AssertionError(
          "rule '" + ruleId + "' threw " + e + " on a valid complaint; a rule must answer true or false", e);
    }
  }

  /**
   * Realistic complaints as the desk sees them at classification: all channels, with and without
   * an identified customer, an order and an amount at stake, with earlier complaints.
   *
   * @return the generator
   */
  protected Gen<ComplaintFacts> facts() {
    Gen<String> content =
        Generate.pick(
            List.of(
                "card charged twice at the supermarket",
                "unauthorised transfer, possible fraud",
                "branch staff were rude",
                "mortgage statement is wrong",
                "app crashes when paying",
                "   "));
    return in -> {
      Instant received = Generators.instants().generate(in);
      boolean identified = booleans().all().generate(in);
      Optional<Money> amount =
          booleans().all().generate(in)
              ? Optional.of(Money.ofMinor(longs().between(0, 5_000_000).generate(in), Generators.CURRENCY))
              : Optional.empty();
      Complaint complaint =
          new Complaint(
              "T-" + integers().between(1, 999_999).generate(in),
              Generate.enumValues(ComplaintChannel.class).generate(in),
              received,
              identified ? Optional.of(Generators.customerIds().generate(in)) : Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              content.generate(in),
              amount,
              Generate.pick(CATEGORIES).generate(in),
              Set.of(),
              ComplaintState.RECEIVED,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              "tck",
              Map.of(),
              0,
              false,
              List.of());
      List<Instant> earlier = new ArrayList<>();
      int n = integers().between(0, 4).generate(in);
      for (int i = 0; i < n; i++) {
        earlier.add(received.minus(Duration.ofDays(integers().between(1, 400).generate(in))));
      }
      return new ComplaintFacts(complaint, booleans().all().generate(in), earlier);
    };
  }
}
