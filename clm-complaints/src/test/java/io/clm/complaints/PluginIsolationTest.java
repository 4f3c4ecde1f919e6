package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.PluginFailureException;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintFacts;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.RoutingRule;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Severity;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A workflow or rule that throws, answers null or answers a null state is named (id and class) with
 * the ticket and the masked customer, and the ticket stays exactly as it was.
 */
class PluginIsolationTest {

  private static final Instant T0 = Instant.parse("2025-06-02T09:00:00Z");
  private static final CustomerId BOB = CustomerId.of("bob");
  private static final String FLAKY = FlakyWorkflow.class.getName();

  /** The standard workflow, with each answer replaceable. */
  static final class FlakyWorkflow implements ComplaintWorkflow {
    private final ComplaintWorkflow standard = ComplaintDesk.findWorkflow("standard");
    BiFunction<Severity, String, SlaPolicy> slaPolicy = standard::slaPolicy;
    Function<ComplaintState, Set<ComplaintState>> next = standard::next;
    Supplier<String> defaultAssignee = standard::defaultAssignee;
    Supplier<List<ClassificationRule>> classificationRules = standard::classificationRules;

    @Override
    public String id() {
      return "acme.flaky";
    }

    @Override
    public SlaPolicy slaPolicy(Severity severity, String category) {
      return slaPolicy.apply(severity, category);
    }

    @Override
    public Set<ComplaintState> next(ComplaintState from) {
      return next.apply(from);
    }

    @Override
    public String defaultAssignee() {
      return defaultAssignee.get();
    }

    @Override
    public List<ClassificationRule> classificationRules() {
      return classificationRules.get();
    }
  }

  /** A classification rule whose test fails. */
  static final class BrokenRule implements ClassificationRule {
    @Override
    public String id() {
      return "acme.broken-rule";
    }

    @Override
    public Severity severity() {
      return Severity.URGENT;
    }

    @Override
    public boolean matches(ComplaintFacts facts) {
      throw new IllegalStateException("no score for " + facts.complaint().customer());
    }
  }

  /** A routing rule that matches everything and names no assignee. */
  static final class NowhereRoute implements RoutingRule {
    @Override
    public String id() {
      return "acme.nowhere";
    }

    @Override
    public String assignee() {
      return null;
    }

    @Override
    public boolean matches(Complaint complaint) {
      return true;
    }
  }

  private final FlakyWorkflow workflow = new FlakyWorkflow();

  private ComplaintDesk desk(List<ClassificationRule> classification, List<RoutingRule> routing) {
    return ComplaintDesk.builder()
        .workflow(workflow)
        .calendar(TestCalendars.england())
        .classificationRules(classification)
        .routingRules(routing)
        .build();
  }

  private static Intake bob() {
    return Intake.of(ComplaintChannel.WEB, BOB, T0, "charged twice");
  }

  private static String ofBob(String ticket) {
    return "ticket " + ticket + " of customer " + BOB.masked();
  }

  @Test
  void aThrowingSlaPolicyOpensNoTicketAndUsesNoNumber() {
    ComplaintDesk desk = desk(List.of(), List.of());
    workflow.slaPolicy = (s, c) -> {
      throw new IllegalStateException("policy table missing");
    };
    assertThatThrownBy(() -> desk.open(bob(), "agent"))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("plugin 'acme.flaky' (" + FLAKY + ") threw java.lang.IllegalStateException in slaPolicy(NORMAL, general) for "
            + ofBob("C-1"))
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThat(desk.size()).isZero();
    workflow.slaPolicy = ComplaintDesk.findWorkflow("standard")::slaPolicy;
    assertThat(desk.open(bob(), "agent").id()).isEqualTo("C-1");
  }

  @Test
  void anUnidentifiedCallersTicketIsNamedWithoutACustomer() {
    ComplaintDesk desk = desk(List.of(), List.of());
    workflow.slaPolicy = (s, c) -> null;
    assertThatThrownBy(() -> desk.open(Intake.call("+44 20 7946 0000", T0, "card swallowed"), "agent"))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("plugin 'acme.flaky' (" + FLAKY + ") returned null from slaPolicy(NORMAL, general) for ticket C-1");
    assertThat(desk.size()).isZero();
  }

  @Test
  void aThrowingNextLeavesTheTicketUnchanged() {
    ComplaintDesk desk = desk(List.of(), List.of());
    Complaint before = desk.open(bob(), "agent");
    workflow.next = from -> {
      throw new UnsupportedOperationException();
    };
    assertThatThrownBy(() -> desk.acknowledge(before.id(), "agent", T0))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("plugin 'acme.flaky' (" + FLAKY + ") threw java.lang.UnsupportedOperationException in next(RECEIVED) for "
            + ofBob("C-1"));
    assertThat(desk.get(before.id())).isEqualTo(before);
  }

  @Test
  void aNullOrANullStateFromNextIsAFailure() {
    ComplaintDesk desk = desk(List.of(), List.of());
    Complaint before = desk.open(bob(), "agent");
    workflow.next = from -> null;
    assertThatThrownBy(() -> desk.acknowledge(before.id(), "agent", T0))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("plugin 'acme.flaky' (" + FLAKY + ") returned null from next(RECEIVED) for " + ofBob("C-1"));
    workflow.next = from -> new HashSet<>(Arrays.asList(ComplaintState.ACKNOWLEDGED, null));
    assertThatThrownBy(() -> desk.withdraw(before.id(), "agent", "customer called back", T0))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("plugin 'acme.flaky' (" + FLAKY + ") returned a null state from next(RECEIVED) for " + ofBob("C-1"));
    assertThat(desk.get(before.id())).isEqualTo(before);
  }

  @Test
  void aThrowingClassificationRuleLeavesTheTicketUnchanged() {
    ComplaintDesk desk = desk(List.of(new BrokenRule()), List.of());
    String id = desk.open(bob(), "agent").id();
    Complaint before = desk.acknowledge(id, "agent", T0);
    assertThatThrownBy(() -> desk.classify(id, "system", T0))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("rule 'acme.broken-rule' (" + BrokenRule.class.getName()
            + ") threw java.lang.IllegalStateException in matches for " + ofBob("C-1"))
        .message()
        .doesNotContain("bob");
    assertThat(desk.get(id)).isEqualTo(before);
  }

  @Test
  void aFailingPolicyForTheNewClassLeavesTheTicketUnchanged() {
    ComplaintDesk desk = desk(List.of(ClassificationRule.of("acme.all-urgent", Severity.URGENT, f -> true)), List.of());
    String id = desk.open(bob(), "agent").id();
    Complaint before = desk.acknowledge(id, "agent", T0);
    ComplaintWorkflow standard = ComplaintDesk.findWorkflow("standard");
    workflow.slaPolicy = (s, c) -> s == Severity.URGENT ? null : standard.slaPolicy(s, c);
    assertThatThrownBy(() -> desk.classify(id, "system", T0))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("plugin 'acme.flaky' (" + FLAKY + ") returned null from slaPolicy(URGENT, general) for " + ofBob("C-1"));
    assertThat(desk.get(id)).isEqualTo(before);
  }

  @Test
  void aRoutingRuleWithoutAssigneeLeavesTheTicketUnchanged() {
    ComplaintDesk desk = desk(List.of(), List.of(new NowhereRoute()));
    String id = desk.open(bob(), "agent").id();
    desk.acknowledge(id, "agent", T0);
    Complaint before = desk.classify(id, "system", T0);
    assertThatThrownBy(() -> desk.assign(id, "system", T0))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("rule 'acme.nowhere' (" + NowhereRoute.class.getName() + ") returned null from assignee for " + ofBob("C-1"));
    assertThat(desk.get(id)).isEqualTo(before);
    workflow.defaultAssignee = () -> " ";
    ComplaintDesk plain = desk(List.of(), List.of());
    String other = plain.open(bob(), "agent").id();
    plain.acknowledge(other, "agent", T0);
    Complaint classified = plain.classify(other, "system", T0);
    assertThatThrownBy(() -> plain.assign(other, "system", T0))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("plugin 'acme.flaky' (" + FLAKY + ") returned a blank assignee from defaultAssignee for " + ofBob("C-1"));
    assertThat(plain.get(other)).isEqualTo(classified);
  }

  @Test
  void aWorkflowWhoseRulesCannotBeReadIsNamedWhenTheDeskIsBuilt() {
    workflow.classificationRules = () -> {
      throw new IllegalStateException("rules file missing");
    };
    assertThatThrownBy(() -> desk(List.of(), List.of()))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("plugin 'acme.flaky' (" + FLAKY + ") threw java.lang.IllegalStateException in classificationRules for complaint desk");
    workflow.classificationRules = () -> Arrays.asList((ClassificationRule) null);
    assertThatThrownBy(() -> desk(List.of(), List.of()))
        .isInstanceOf(PluginFailureException.class)
        .hasMessage("plugin 'acme.flaky' (" + FLAKY + ") returned a null rule from classificationRules for complaint desk");
  }
}
