package io.clm.complaints.desk;

import io.clm.api.complaints.OutboxEvent;
import io.clm.api.complaints.TicketStore;
import io.clm.api.event.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Delivers the lifecycle events a {@link TicketStore} holds in its outbox, oldest first, at least
 * once: an event is marked delivered only after the sink took it; the first refusal stops the run
 * (later events wait, so the order holds) and the next run starts with it.
 */
final class Outbox {
  private static final int BATCH = 256;

  private final TicketStore store;
  private final Consumer<Event> sink;

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
}
