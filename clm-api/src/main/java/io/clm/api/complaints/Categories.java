package io.clm.api.complaints;

import io.clm.api.ValidationException;
import io.clm.api.spi.PluginRules;

/**
 * Refuses a complaint category that is not in its one form ({@link PluginRules#categoryProblem}).
 */
final class Categories {

  private Categories() {}

  /**
   * Checks a category.
   *
   * @param category the category
   * @throws NullPointerException if it is null
   * @throws ValidationException naming the category if it is blank, longer than {@link
   *     Intake#MAX_CATEGORY} characters, has a control character, is not lowercase or has space around it
   */
  static void require(String category) {
    PluginRules.categoryProblem(category).ifPresent(problem -> {
      throw new ValidationException(problem);
    });
  }
}
