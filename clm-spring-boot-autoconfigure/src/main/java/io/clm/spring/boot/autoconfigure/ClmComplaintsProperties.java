package io.clm.spring.boot.autoconfigure;

import io.clm.api.annotation.Experimental;
import java.time.Duration;

/** The {@code clm.complaints.*} properties. */
@Experimental
public class ClmComplaintsProperties {
  /** Whether a complaint desk is configured when clm-complaints is on the class path. */
  private boolean enabled = true;

  /** Id of the complaint workflow, such as standard or uk-fca-disp. */
  private String workflow = "standard";

  /** Jurisdiction of the business calendar, such as GB-ENG or US-NY; none counts every day in UTC (one given without a value is refused). */
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
  public ClmComplaintsProperties() {}

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
   * @param calendar the jurisdiction, as {@code HolidayCalendars.of} takes it; a blank one is refused at start
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
