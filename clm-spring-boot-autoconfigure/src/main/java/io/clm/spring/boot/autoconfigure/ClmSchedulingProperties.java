package io.clm.spring.boot.autoconfigure;

import io.clm.api.annotation.Experimental;
import java.time.Duration;

/** The {@code clm.scheduling.*} properties. */
@Experimental
public class ClmSchedulingProperties {
  /** Whether the engine's and the desk's clocks are advanced to the wall clock at a fixed interval. */
  private boolean enabled = true;

  /** The interval between two advances. */
  private Duration interval = Duration.ofMinutes(1);

  /** How long an engine or a desk may go without a successful advance before its health is DOWN (default: three intervals). */
  private Duration staleAfter;

  /** Creates the properties with their defaults. */
  public ClmSchedulingProperties() {}

  /**
   * Whether the clocks are advanced at a fixed interval.
   *
   * @return true by default
   */
  public boolean isEnabled() {
    return enabled;
  }

  /**
   * Sets whether the clocks are advanced at a fixed interval.
   *
   * @param enabled false for no scheduled advancing
   */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /**
   * The interval between two advances.
   *
   * @return the interval, one minute by default
   */
  public Duration getInterval() {
    return interval;
  }

  /**
   * Sets the interval between two advances.
   *
   * @param interval the interval, one second to 36,500 days, or the start is refused
   */
  public void setInterval(Duration interval) {
    this.interval = interval;
  }

  /**
   * How long an engine or a desk may go without a successful advance before its health is DOWN.
   *
   * @return the duration, or null for three intervals
   */
  public Duration getStaleAfter() {
    return staleAfter;
  }

  /**
   * Sets how long an engine or a desk may go without a successful advance before its health is DOWN.
   *
   * @param staleAfter the duration, the interval to 36,500 days, or the start is refused
   */
  public void setStaleAfter(Duration staleAfter) {
    this.staleAfter = staleAfter;
  }
}
