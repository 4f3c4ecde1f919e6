package io.clm.spring.boot.autoconfigure;

import io.clm.api.Clm;
import java.time.Duration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/** The bound every duration property of the starter keeps, as the engine's builder does. */
final class DurationProperties {
  private DurationProperties() {}

  /**
   * Refuses a duration longer than {@link Clm.Builder#MAX_DURATION}, naming the property: longer
   * ones would overflow the milliseconds and nanoseconds the scheduler and the checks count in.
   *
   * @throws InvalidConfigurationPropertyValueException if {@code value} is longer
   */
  static void requireAtMostMax(String property, Duration value) {
    if (value != null && value.compareTo(Clm.Builder.MAX_DURATION) > 0) {
      throw new InvalidConfigurationPropertyValueException(property, value,
          "the duration must be at most " + Clm.Builder.MAX_DURATION.toDays() + " days");
    }
  }
}
