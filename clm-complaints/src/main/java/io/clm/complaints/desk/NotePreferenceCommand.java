package io.clm.complaints.desk;

import io.clm.api.IllegalTransitionException;
import java.time.Instant;

/**
 * The {@code notePreference} operation. Notes a preference learned while handling a complaint (seed
 * 002: 期间发现的客户偏好也应记录下来).
 */
final class NotePreferenceCommand implements TicketCommand {
  private final String preference;
  private final String actor;
  private final Instant at;

  NotePreferenceCommand(String preference, String actor, Instant at) {
    Guards.requireText(preference, "preference");
    this.preference = preference;
    this.actor = actor;
    this.at = at;
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
