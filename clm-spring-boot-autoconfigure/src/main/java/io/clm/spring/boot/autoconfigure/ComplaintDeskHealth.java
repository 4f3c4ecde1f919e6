package io.clm.spring.boot.autoconfigure;

import io.clm.api.complaints.ComplaintDesk;
import org.springframework.boot.actuate.health.Health;

/**
 * The complaint desk's health: DOWN when the lifecycle events waiting in its outbox reach the
 * limit (the engine refuses them or is unreachable), UP otherwise; with the ticket count and the
 * desk clock.
 */
final class ComplaintDeskHealth {
  private ComplaintDeskHealth() {}

  static Health of(ComplaintDesk desk, int backlogLimit) {
    int backlog = desk.pendingEvents();
    Health.Builder health = backlog >= backlogLimit ? Health.down() : Health.up();
    return health
        .withDetail("workflow", desk.workflow().id())
        .withDetail("outboxBacklog", backlog)
        .withDetail("outboxBacklogLimit", backlogLimit)
        .withDetail("tickets", desk.size())
        .withDetail("clock", desk.now().toString())
        .build();
  }
}
