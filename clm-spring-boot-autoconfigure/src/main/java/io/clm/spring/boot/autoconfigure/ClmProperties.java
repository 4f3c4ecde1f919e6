package io.clm.spring.boot.autoconfigure;

import io.clm.api.UnknownCustomers;
import io.clm.api.annotation.Experimental;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code clm.*} properties. Two are required: {@code clm.model} and {@code clm.currency}; every
 * other one has the default of the matching builder method ({@link io.clm.api.Clm.Builder}).
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

  private final Store store = new Store();

  private final Complaints complaints = new Complaints();

  private final Scheduling scheduling = new Scheduling();

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
  public Store getStore() {
    return store;
  }

  /**
   * The complaint desk's properties.
   *
   * @return the {@code clm.complaints.*} properties
   */
  public Complaints getComplaints() {
    return complaints;
  }

  /**
   * The scheduled advancing's properties.
   *
   * @return the {@code clm.scheduling.*} properties
   */
  public Scheduling getScheduling() {
    return scheduling;
  }

  /** The {@code clm.store.*} properties. */
  @Experimental
  public static class Store {
    /** Whether the engine keeps its state in the application's DataSource when it has one (else in memory). */
    private boolean useDataSource = true;

    /** Creates the properties with their defaults. */
    public Store() {}

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

  /** The {@code clm.complaints.*} properties. */
  @Experimental
  public static class Complaints {
    /** Whether a complaint desk is configured when clm-complaints is on the class path. */
    private boolean enabled = true;

    /** Id of the complaint workflow, such as standard or uk-fca-disp. */
    private String workflow = "standard";

    /** Jurisdiction of the business calendar, such as GB-ENG or US-NY; none counts every day in UTC. */
    private String calendar;

    /** Prefix of ticket ids. */
    private String ticketPrefix = "C-";

    /**
     * How far after the wall clock an intake or operation may be dated: at most clm.future-tolerance,
     * which it is by default.
     */
    private Duration futureTolerance;

    /** Lifecycle events waiting in the desk's outbox from which its health is DOWN (1 to 10000). */
    private int outboxBacklogLimit = 100;

    /** Creates the properties with their defaults. */
    public Complaints() {}

    /**
     * Whether a complaint desk is configured.
     *
     * @return true by default
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets whether a complaint desk is configured.
     *
     * @param enabled false for no desk
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The workflow's id.
     *
     * @return the id, {@code standard} by default
     */
    public String getWorkflow() {
      return workflow;
    }

    /**
     * Sets the workflow's id.
     *
     * @param workflow the id
     */
    public void setWorkflow(String workflow) {
      this.workflow = workflow;
    }

    /**
     * The business calendar's jurisdiction.
     *
     * @return the jurisdiction, or null for every day in UTC
     */
    public String getCalendar() {
      return calendar;
    }

    /**
     * Sets the business calendar's jurisdiction.
     *
     * @param calendar the jurisdiction, as {@code HolidayCalendars.of} takes it
     */
    public void setCalendar(String calendar) {
      this.calendar = calendar;
    }

    /**
     * The prefix of ticket ids.
     *
     * @return the prefix, {@code C-} by default
     */
    public String getTicketPrefix() {
      return ticketPrefix;
    }

    /**
     * Sets the prefix of ticket ids.
     *
     * @param ticketPrefix the prefix
     */
    public void setTicketPrefix(String ticketPrefix) {
      this.ticketPrefix = ticketPrefix;
    }

    /**
     * How far after the wall clock an intake or operation may be dated.
     *
     * @return the tolerance, or null for the engine's ({@code clm.future-tolerance}, else the
     *     engine's default)
     */
    public Duration getFutureTolerance() {
      return futureTolerance;
    }

    /**
     * Sets how far after the wall clock an intake or operation may be dated.
     *
     * @param futureTolerance the tolerance; at most the engine's, or the start is refused
     */
    public void setFutureTolerance(Duration futureTolerance) {
      this.futureTolerance = futureTolerance;
    }

    /**
     * The outbox backlog from which the desk's health is DOWN.
     *
     * @return the limit, 100 by default
     */
    public int getOutboxBacklogLimit() {
      return outboxBacklogLimit;
    }

    /**
     * Sets the outbox backlog from which the desk's health is DOWN. A limit below 1, or above the
     * 10,000 events the desk counts at most, is refused at start.
     *
     * @param outboxBacklogLimit the limit, 1 to 10,000
     */
    public void setOutboxBacklogLimit(int outboxBacklogLimit) {
      this.outboxBacklogLimit = outboxBacklogLimit;
    }
  }

  /** The {@code clm.scheduling.*} properties. */
  @Experimental
  public static class Scheduling {
    /** Whether the engine's and the desk's clocks are advanced to the wall clock at a fixed interval. */
    private boolean enabled = true;

    /** The interval between two advances. */
    private Duration interval = Duration.ofMinutes(1);

    /** How long an engine or a desk may go without a successful advance before its health is DOWN (default: three intervals). */
    private Duration staleAfter;

    /** Creates the properties with their defaults. */
    public Scheduling() {}

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
}
