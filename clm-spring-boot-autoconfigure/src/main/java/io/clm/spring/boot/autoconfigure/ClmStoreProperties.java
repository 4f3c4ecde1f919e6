package io.clm.spring.boot.autoconfigure;

import io.clm.api.annotation.Experimental;
import java.time.Duration;

/** The {@code clm.store.*} properties. */
@Experimental
public class ClmStoreProperties {
  /** Whether the engine keeps its state in the application's DataSource when it has one (else in memory). */
  private boolean useDataSource = true;

  /** How long the store's health check may take before the store is reported DOWN as not answering; also the query timeout of its query, in whole seconds rounded up. */
  private Duration healthTimeout = Duration.ofSeconds(5);

  /** Creates the properties with their defaults. */
  public ClmStoreProperties() {}

  /**
   * Whether the engine keeps its state in the application's {@code DataSource}.
   *
   * @return true by default
   */
  public boolean isUseDataSource() {
    return useDataSource;
  }

  /**
   * Sets whether the engine keeps its state in the application's {@code DataSource}.
   *
   * @param useDataSource false to keep state in memory
   */
  public void setUseDataSource(boolean useDataSource) {
    this.useDataSource = useDataSource;
  }

  /**
   * How long the store's health check may take.
   *
   * @return the timeout, five seconds by default
   */
  public Duration getHealthTimeout() {
    return healthTimeout;
  }

  /**
   * Sets how long the store's health check may take before the store is reported DOWN.
   *
   * @param healthTimeout the timeout, more than zero and at most 36,500 days, or the start is refused
   */
  public void setHealthTimeout(Duration healthTimeout) {
    this.healthTimeout = healthTimeout;
  }
}
