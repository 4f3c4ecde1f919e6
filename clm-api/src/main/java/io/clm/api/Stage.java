package io.clm.api;

import io.clm.api.annotation.Stable;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stage of a lifecycle model.
 *
 * @param id the stage's id within its model: lowercase letters, digits and hyphens, starting with a
 *     letter ({@code growth}, {@code first-purchase})
 * @param family what kind of stage it is, which also fixes its {@link #phase()}
 */
@Stable
public record Stage(String id, StageFamily family) {

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  /**
   * Validates the stage.
   *
   * @param id the stage's id within its model: lowercase letters, digits and hyphens, starting with a
   *     letter ({@code growth}, {@code first-purchase})
   * @param family what kind of stage it is, which also fixes its {@link #phase()}
   * @throws NullPointerException if an argument is null
   * @throws InvalidModelException if the id is not of the documented form
   */
  public Stage {
    Objects.requireNonNull(id, "stage id");
    Objects.requireNonNull(family, "stage family");
    if (!ID.matcher(id).matches()) {
      throw new InvalidModelException(
          "stage id " + TextRules.excerpt(id) + " must be lowercase letters, digits and hyphens, starting with a letter");
    }
  }

  /**
   * The phase of the relationship this stage belongs to.
   *
   * @return the family's phase
   */
  public Phase phase() {
    return family.phase();
  }
}
