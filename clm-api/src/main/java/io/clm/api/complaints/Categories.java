package io.clm.api.complaints;

import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import java.util.Locale;
import java.util.Objects;

/**
 * The one form of a complaint category: not blank, lowercase, with no space around it. Rules
 * compare categories exactly, so a category written another way ({@code Fraud}, {@code "fees "})
 * is refused where it is given, instead of silently matching no rule.
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
    Objects.requireNonNull(category, "category");
    if (category.isBlank()) {
      throw new ValidationException("category is blank");
    }
    String problem = TextRules.problem(category, Intake.MAX_CATEGORY);
    if (problem != null) {
      throw new ValidationException("category " + TextRules.excerpt(category) + " " + problem);
    }
    if (!category.equals(category.strip())) {
      throw new ValidationException("category " + TextRules.excerpt(category) + " has space around it");
    }
    if (!category.equals(category.toLowerCase(Locale.ROOT))) {
      throw new ValidationException("category " + TextRules.excerpt(category) + " is not lowercase");
    }
  }
}
