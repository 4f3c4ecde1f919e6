package io.clm.spring.boot.autoconfigure;

import io.clm.api.complaints.ComplaintDesk;
import org.springframework.boot.actuate.health.Health;

/**
 * The complaint desk's health: DOWN when the lifecycle events waiting in its outbox reach the
 * limit (the engine refuses them or is unreachable), or when the desk cannot be read (its ticket
 * store fails: {@link FailedHealth}), UP otherwise; with the ticket count and the desk clock.
 */
final class ComplaintDeskHealth {
  private ComplaintDeskHealth() {}

  static Health.Builder of(ComplaintDesk desk, int backlogLimit) {
    String workflow = desk.workflow().id();
    int backlog;
    int tickets;
    try {
      backlog = desk.pendingEvents();
      tickets = desk.size();
    } catch (RuntimeException e) {
      // Thrown on, it would fail the whole health endpoint instead of reporting this component.
      return FailedHealth.down(e).withDetail("workflow", workflow);
    }
    Health.Builder health = backlog >= backlogLimit ? Health.down() : Health.up();
    return health
        .withDetail("workflow", workflow)
        .withDetail("outboxBacklog", backlog)
        .withDetail("outboxBacklogLimit", backlogLimit)
        .withDetail("tickets", tickets)
        .withDetail("clock", desk.now().toString());
  }
}
