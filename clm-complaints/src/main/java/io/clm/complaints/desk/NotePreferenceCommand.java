package io.clm.complaints.desk;

import io.clm.api.IllegalTransitionException;
import java.time.Instant;

/**
 * The {@code notePreference} operation. Notes a preference learned while handling a complaint (seed
 * 002: 期间发现的客户偏好也应记录下来).
 */
record NotePreferenceCommand(String preference, String actor, Instant at) implements TicketCommand {
  NotePreferenceCommand {
    Guards.requireText(preference, "preference");
  }

  @Override
  public void apply(Desk d, Ticket t) {
    if (t.customer == null) {
      throw new IllegalTransitionException("ticket " + t.id + " has no identified customer to note a preference for");
    }
    d.files.addPreference(t.customer, preference);
    Guards.audit(t, at, actor, "note-preference", t.state, preference);
  }
}
