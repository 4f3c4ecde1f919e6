package io.clm.api.complaints;

import io.clm.api.annotation.Experimental;

/**
 * The one shape of the desk's rules: an id and a test. Rules are tried in order; the first that
 * matches decides, and its id is recorded on the ticket and in the audit trail. {@link
 * ClassificationRule} decides a class from the {@link ComplaintFacts}, {@link RoutingRule} an
 * assignee from the classified {@link Complaint}. A rule that throws or answers null is isolated
 * and named like a plugin.
 *
 * @param <S> what the rule looks at
 */
@Experimental
public interface ComplaintRule<S> {

  /**
   * The rule's id, recorded when it fires.
   *
   * @return a non-blank id
   */
  String id();

  /**
   * Whether the rule fires.
   *
   * @param subject what the rule looks at
   * @return true if it fires
   */
  boolean matches(S subject);
}
