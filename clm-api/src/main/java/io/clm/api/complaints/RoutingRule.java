package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;
import io.clm.api.event.Severity;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Routes a classified complaint to the responsible department or person (seed 002: 发送给具体人员).
 * Rules are tried in order, the first match decides; with no match the workflow's {@link
 * ComplaintWorkflow#defaultAssignee()} gets the ticket. The rule id is recorded in the audit trail.
 */
@Experimental
public interface RoutingRule extends ComplaintRule<Complaint> {

  /**
   * The rule's id.
   *
   * @return a non-blank id
   */
  @Override
  String id();

  /**
   * Who gets the ticket when the rule matches: a department ({@code cards}) or a person.
   *
   * @return the assignee
   */
  String assignee();

  /**
   * Whether the rule matches.
   *
   * @param complaint the classified ticket
   * @return true if it matches
   */
  @Override
  boolean matches(Complaint complaint);

  /**
   * A rule from a predicate.
   *
   * @param id the rule id
   * @param assignee who gets matching tickets
   * @param when when it matches
   * @return the rule
   * @throws IllegalArgumentException if the id or assignee is blank
   */
  static RoutingRule of(String id, String assignee, Predicate<Complaint> when) {
    return new SimpleRoutingRule(id, assignee, when);
  }

  /**
   * Routes tickets of one class.
   *
   * @param id the rule id
   * @param severity the class
   * @param assignee who gets them
   * @return the rule
   */
  static RoutingRule severity(String id, Severity severity, String assignee) {
    Objects.requireNonNull(severity, "severity");
    return of(id, assignee, c -> c.classification().map(k -> k.severity() == severity).orElse(false));
  }

  /**
   * Routes tickets of one category.
   *
   * @param id the rule id
   * @param category the category, in the form {@link Intake} requires
   * @param assignee who gets them
   * @return the rule
   * @throws io.clm.api.ValidationException naming the category if it is blank, not lowercase or has
   *     space around it
   */
  static RoutingRule category(String id, String category, String assignee) {
    Categories.require(category);
    return of(id, assignee, c -> c.category().equals(category));
  }
}

/** The rule behind the factories. */
record SimpleRoutingRule(String id, String assignee, Predicate<Complaint> when) implements RoutingRule {
  SimpleRoutingRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(assignee, "assignee");
    Objects.requireNonNull(when, "when");
    if (id.isBlank() || assignee.isBlank()) {
      throw new IllegalArgumentException("routing rule id or assignee is blank");
    }
  }

  @Override
  public boolean matches(Complaint complaint) {
    return when.test(complaint);
  }
}
