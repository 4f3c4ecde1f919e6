package io.clm.spring.boot.autoconfigure;

import io.clm.api.annotation.Experimental;

/** The {@code clm.store.*} properties. */
@Experimental
public class ClmStoreProperties {
  /** Whether the engine keeps its state in the application's DataSource when it has one (else in memory). */
  private boolean useDataSource = true;

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
}
