package io.clm.complaints.desk;

import io.clm.api.ClmException;
import io.clm.api.complaints.OutboxEvent;
import io.clm.api.complaints.TicketStore;
import io.clm.api.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the lifecycle events a {@link TicketStore} holds in its outbox, oldest first, at least
 * once: an event is marked delivered only after the sink took it; the first refusal stops the run
 * (later events wait, so the order holds) and the next run starts with it.
 *
 * <p>A refusal is logged at WARN the first time an event is refused, at DEBUG when the same event
 * is refused again, so that an event that holds up the outbox is seen once, not at every operation.
 * The line names the outbox entry, the event's id and its masked customer, and the exception's
 * class; the message too when it is one of clm's exceptions, which mask customer ids. The message
 * of any other exception is left out, since the sink's own code may have put personal data in it.
 */
final class Outbox {
  private static final int BATCH = 256;
  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final TicketStore store;
  private final Consumer<Event> sink;
  /** The outbox entry last logged at WARN, so that its next refusals are logged at DEBUG. */
  private long lastWarned = -1;

  Outbox(TicketStore store, Consumer<Event> sink) {
    this.store = store;
    this.sink = sink;
  }

  /**
   * Delivers what is pending.
   *
   * @return how many events were delivered
   */
  int deliver() {
    int delivered = 0;
    while (true) {
      List<OutboxEvent> batch = store.pendingEvents(BATCH);
      List<Long> done = new ArrayList<>(batch.size());
      boolean refused = false;
      for (OutboxEvent e : batch) {
        try {
          sink.accept(e.event());
        } catch (RuntimeException failure) {
          // the event stays in the outbox; the next delivery starts with it
          logRefusal(e, failure);
          refused = true;
          break;
        }
        done.add(e.id());
      }
      if (!done.isEmpty()) {
        store.markDelivered(done);
        delivered += done.size();
      }
      if (refused || batch.size() < BATCH) {
        return delivered;
      }
    }
  }

  private void logRefusal(OutboxEvent e, RuntimeException failure) {
    String why = failure instanceof ClmException
        ? failure.getClass().getName() + ": " + failure.getMessage()
        : failure.getClass().getName();
    String line = "outbox entry {}, lifecycle event '{}' of customer {}, was refused by the sink and waits,"
        + " with the events after it: {}";
    if (e.id() != lastWarned) {
      lastWarned = e.id();
      LOG.warn(line, e.id(), e.event().id(), e.event().customer().masked(), why);
    } else {
      LOG.debug(line, e.id(), e.event().id(), e.event().customer().masked(), why);
    }
  }
}
