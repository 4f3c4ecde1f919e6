package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;
import io.clm.api.event.Severity;
import io.clm.api.spi.Plugin;
import java.util.List;
import java.util.Set;

/**
 * A complaint workflow: which moves between {@link ComplaintState states} are allowed, how
 * complaints are classified and routed, and which {@link SlaPolicy SLA policy} applies to each
 * class. A regulatory profile (FCA DISP, CFPB, the Chinese 2020 rules, PSD2) is simply a workflow
 * whose policies carry the regulator's deadlines.
 *
 * <p>Register a workflow like every plugin: {@code @AutoService(ComplaintWorkflow.class)} on a
 * public class with a public no-argument constructor, and {@code provides
 * io.clm.api.complaints.ComplaintWorkflow with YourWorkflow;} in {@code module-info.java}. The id is
 * stable across versions and unique among workflows. Implementations must be immutable and
 * thread-safe; every method must return the same answer for the same arguments.
 *
 * <p>Contract: {@link #next} never allows a move out of {@link
 * ComplaintState#WITHDRAWN}; {@link #slaPolicy} returns a policy for every severity and every
 * category, falling back to its general policy for categories it does not know.
 */
@Experimental
public interface ComplaintWorkflow extends Plugin {

  /** The category of a complaint that names none. */
  String GENERAL = "general";

  /**
   * The states a ticket may move to from {@code from}. The default is {@link
   * ComplaintState#standardNext}.
   *
   * @param from the current state
   * @return the allowed targets
   */
  default Set<ComplaintState> next(ComplaintState from) {
    return ComplaintState.standardNext(from);
  }

  /**
   * The workflow's own classification rules, tried after the desk's configured ones. The default
   * has none.
   *
   * @return the rules, in order
   */
  default List<ClassificationRule> classificationRules() {
    return List.of();
  }

  /**
   * The workflow's own routing rules, tried after the desk's configured ones. The default has none.
   *
   * @return the rules, in order
   */
  default List<RoutingRule> routingRules() {
    return List.of();
  }

  /**
   * Who gets a ticket that no routing rule matches.
   *
   * @return the default assignee; the default is {@code complaints}
   */
  default String defaultAssignee() {
    return "complaints";
  }

  /**
   * The SLA policy for a class and category. Before classification the desk asks for {@link
   * Severity#NORMAL}.
   *
   * @param severity the class
   * @param category the complaint's category ({@link #GENERAL} if it names none)
   * @return the policy; never null
   */
  SlaPolicy slaPolicy(Severity severity, String category);
}
