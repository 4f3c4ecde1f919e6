package io.clm.api;

import io.clm.api.annotation.Stable;
import java.util.Objects;

/**
 * Why a customer changed stage: an automatic rule, a person's manual move, or an import from
 * another system.
 */
@Stable
public sealed interface Cause {

  /**
   * A rule of the lifecycle model fired.
   *
   * @param ruleId the rule's id in the model
   */
  record Rule(String ruleId) implements Cause {
    /**
     * Validates the rule id.
     *
     * @param ruleId the rule's id in the model
     */
    public Rule {
      requireText(ruleId, "rule id");
    }
  }

  /**
   * A person moved the customer by hand.
   *
   * @param actor who moved the customer (a relationship manager's user id)
   * @param reason why, in the actor's words
   */
  record Manual(String actor, String reason) implements Cause {
    /**
     * Validates actor and reason.
     *
     * @param actor who moved the customer (a relationship manager's user id)
     * @param reason why, in the actor's words
     */
    public Manual {
      requireText(actor, "actor");
      requireText(reason, "reason");
    }
  }

  /**
   * The stage was set by importing state from another system.
   *
   * @param source the system the state came from
   */
  record Import(String source) implements Cause {
    /**
     * Validates the source.
     *
     * @param source the system the state came from
     */
    public Import {
      requireText(source, "import source");
    }
  }

  private static void requireText(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new InvalidEventException(field + " is blank");
    }
  }
}
