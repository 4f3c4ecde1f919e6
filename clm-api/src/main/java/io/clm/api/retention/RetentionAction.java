package io.clm.api.retention;

import io.clm.api.Money;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.util.Objects;

/**
 * One action a {@link RetentionStrategy} proposes for a customer: what to do, why, what it is
 * expected to cost and how urgent it is.
 *
 * @param type what to do; {@link ActionType#isMarketing()} says whether it needs consent
 * @param rationale why, in a sentence for the relationship manager; no personal data
 * @param expectedCost what the action is expected to cost the bank (contact, discount,
 *     compensation), at least 0
 * @param priority urgency from 0 (whenever) to 100 (at once)
 * @param strategy the id of the strategy that proposed it
 */
@Experimental
public record RetentionAction(ActionType type, String rationale, Money expectedCost, int priority, String strategy) {

  /** The highest priority. */
  public static final int MAX_PRIORITY = 100;

  /**
   * Validates.
   *
   * @param type what to do; {@link ActionType#isMarketing()} says whether it needs consent
   * @param rationale why, in a sentence for the relationship manager; no personal data
   * @param expectedCost what the action is expected to cost the bank (contact, discount,
   *     compensation), at least 0
   * @param priority urgency from 0 (whenever) to 100 (at once)
   * @param strategy the id of the strategy that proposed it
   * @throws NullPointerException if a component is null
   * @throws ValidationException if the rationale or strategy is blank, the cost is negative or the
   *     priority is outside 0..100
   */
  public RetentionAction {
    Objects.requireNonNull(type, "type");
    Checks.notBlank(rationale, "rationale");
    Checks.nonNegative(expectedCost, "expectedCost");
    if (priority < 0 || priority > MAX_PRIORITY) {
      throw new ValidationException("priority " + priority + " is outside 0..100");
    }
    Checks.notBlank(strategy, "strategy");
  }

  /**
   * Shorthand for {@code type().isMarketing()}.
   *
   * @return true if the action needs marketing consent
   */
  public boolean isMarketing() {
    return type.isMarketing();
  }
}
