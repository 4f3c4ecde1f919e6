package io.clm.api.model;

import io.clm.api.TextRules;
import io.clm.api.Condition;
import io.clm.api.InvalidModelException;
import io.clm.api.annotation.Stable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An automatic transition: when {@code condition} holds for a customer in stage {@code from}, the
 * customer moves to {@code to}. Among the rules out of one stage, the one with the highest priority
 * that holds fires; two rules out of one stage may not share a priority.
 *
 * @param id the rule's id, unique in the model; recorded in every change it causes
 * @param from the stage the rule applies in
 * @param to the stage it moves to
 * @param priority higher fires first
 * @param condition when it fires
 */
@Stable
public record TransitionRule(String id, String from, String to, int priority, Condition condition) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  /**
   * Validates the rule.
   *
   * @param id the rule's id, unique in the model; recorded in every change it causes
   * @param from the stage the rule applies in
   * @param to the stage it moves to
   * @param priority higher fires first
   * @param condition when it fires
   * @throws InvalidModelException if the id is not of the form of a stage id, or from equals to
   */
  public TransitionRule {
    Objects.requireNonNull(id, "rule id");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(condition, "condition");
    if (!ID.matcher(id).matches()) {
      throw new InvalidModelException(
          "rule id " + TextRules.excerpt(id) + " must be lowercase letters, digits and hyphens, starting with a letter");
    }
    if (from.equals(to)) {
      throw new InvalidModelException("rule " + TextRules.excerpt(id) + " goes from " + TextRules.excerpt(from) + " to itself");
    }
  }
}
