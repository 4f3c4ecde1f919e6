package io.clm.spring.boot.autoconfigure;

import io.clm.api.UnknownCustomers;
import io.clm.api.annotation.Experimental;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code clm.*} properties. Two are required: {@code clm.model} and {@code clm.currency}; every
 * other one has the default of the matching builder method ({@link io.clm.api.Clm.Builder}). The
 * groups of the store, the complaint desk and the scheduled advance are {@link ClmStoreProperties},
 * {@link ClmComplaintsProperties} and {@link ClmSchedulingProperties}.
 */
@Experimental
@ConfigurationProperties(prefix = "clm")
public class ClmProperties {

  /** Id of the lifecycle model, such as banking-six-stage (required). */
  private String model;

  /** Parameters of the lifecycle model, by name. */
  private Map<String, Double> modelParameters = new LinkedHashMap<>();

  /** ISO 4217 code of the engine's one currency, such as EUR (required). */
  private String currency;

  /** What an event of a customer the engine does not know does: CREATE the customer or REJECT the event. */
  private UnknownCustomers unknownCustomers;

  /** How far after the wall clock an event may be dated (the engine's default: 5 minutes). */
  private Duration futureTolerance;

  /** The window of the engine's trend metrics (the engine's default: 90 days). */
  private Duration trendWindow;

  /** How long event ids are remembered for idempotency (the engine's default: forever). */
  private Duration deduplicationWindow;

  /**
   * How many customers the engine keeps in memory at most, the others staying in the store until
   * needed (the engine's default: every customer in memory); needs the store.
   */
  private Integer customersInMemory;

  /**
   * Secret key of the customer-id mask, Base64 of at least 32 random bytes, from the secret store
   * (such as CLM_ID_MASK_KEY); the same on every start once the engine has erased anyone (default: a
   * random key per start).
   */
  private String idMaskKey;

  @NestedConfigurationProperty
  private final ClmStoreProperties store = new ClmStoreProperties();

  @NestedConfigurationProperty
  private final ClmComplaintsProperties complaints = new ClmComplaintsProperties();

  @NestedConfigurationProperty
  private final ClmSchedulingProperties scheduling = new ClmSchedulingProperties();

  /** Creates the properties with their defaults. */
  public ClmProperties() {}

  /**
   * The lifecycle model's id.
   *
   * @return the id, or null when not set
   */
  public String getModel() {
    return model;
  }

  /**
   * Sets the lifecycle model's id.
   *
   * @param model the id
   */
  public void setModel(String model) {
    this.model = model;
  }

  /**
   * The lifecycle model's parameters.
   *
   * @return the parameters by name
   */
  public Map<String, Double> getModelParameters() {
    return modelParameters;
  }

  /**
   * Sets the lifecycle model's parameters.
   *
   * @param modelParameters the parameters by name
   */
  public void setModelParameters(Map<String, Double> modelParameters) {
    this.modelParameters = modelParameters;
  }

  /**
   * The engine's currency.
   *
   * @return the ISO 4217 code, or null when not set
   */
  public String getCurrency() {
    return currency;
  }

  /**
   * Sets the engine's currency.
   *
   * @param currency the ISO 4217 code
   */
  public void setCurrency(String currency) {
    this.currency = currency;
  }

  /**
   * The policy for events of unknown customers.
   *
   * @return the policy, or null for the engine's default
   */
  public UnknownCustomers getUnknownCustomers() {
    return unknownCustomers;
  }

  /**
   * Sets the policy for events of unknown customers.
   *
   * @param unknownCustomers the policy
   */
  public void setUnknownCustomers(UnknownCustomers unknownCustomers) {
    this.unknownCustomers = unknownCustomers;
  }

  /**
   * How far after the wall clock an event may be dated.
   *
   * @return the tolerance, or null for the engine's default
   */
  public Duration getFutureTolerance() {
    return futureTolerance;
  }

  /**
   * Sets how far after the wall clock an event may be dated.
   *
   * @param futureTolerance the tolerance
   */
  public void setFutureTolerance(Duration futureTolerance) {
    this.futureTolerance = futureTolerance;
  }

  /**
   * The window of the trend metrics.
   *
   * @return the window, or null for the engine's default
   */
  public Duration getTrendWindow() {
    return trendWindow;
  }

  /**
   * Sets the window of the trend metrics.
   *
   * @param trendWindow the window
   */
  public void setTrendWindow(Duration trendWindow) {
    this.trendWindow = trendWindow;
  }

  /**
   * How long event ids are remembered.
   *
   * @return the window, or null to remember them for ever
   */
  public Duration getDeduplicationWindow() {
    return deduplicationWindow;
  }

  /**
   * Sets how long event ids are remembered.
   *
   * @param deduplicationWindow the window
   */
  public void setDeduplicationWindow(Duration deduplicationWindow) {
    this.deduplicationWindow = deduplicationWindow;
  }

  /**
   * How many customers the engine keeps in memory at most, the others staying in the store until
   * an event, a query or a time tick needs them. Needs a CustomerStore bean.
   *
   * @return the bound, or null to keep every customer in memory
   */
  public Integer getCustomersInMemory() {
    return customersInMemory;
  }

  /**
   * Sets how many customers the engine keeps in memory at most.
   *
   * @param customersInMemory the bound
   */
  public void setCustomersInMemory(Integer customersInMemory) {
    this.customersInMemory = customersInMemory;
  }

  /**
   * The secret key of the engine's customer-id mask, Base64-encoded.
   *
   * @return the key, or null for a random key per start
   */
  public String getIdMaskKey() {
    return idMaskKey;
  }

  /**
   * Sets the secret key of the engine's customer-id mask: Base64 of at least 32 random bytes, from
   * the application's secret store (for example the environment variable {@code CLM_ID_MASK_KEY}).
   * It keys the masked ids in messages and the fingerprints of erased customers; an engine whose
   * state is in a database needs the same key on every start once it has erased anyone. An {@code
   * CustomerIdMask} bean of the application's takes precedence.
   *
   * @param idMaskKey the key
   */
  public void setIdMaskKey(String idMaskKey) {
    this.idMaskKey = idMaskKey;
  }

  /**
   * The store's properties.
   *
   * @return the {@code clm.store.*} properties
   */
  public ClmStoreProperties getStore() {
    return store;
  }

  /**
   * The complaint desk's properties.
   *
   * @return the {@code clm.complaints.*} properties
   */
  public ClmComplaintsProperties getComplaints() {
    return complaints;
  }

  /**
   * The scheduled advancing's properties.
   *
   * @return the {@code clm.scheduling.*} properties
   */
  public ClmSchedulingProperties getScheduling() {
    return scheduling;
  }
}
