package io.clm.complaints.desk;

/**
 * One desk operation on one ticket. The desk runs every command through one template ({@link
 * Desk#execute}): load the ticket, check the time and move the clock, then {@link #apply} (check
 * the move, ask the workflow through the plugin guard, change the ticket, audit, reschedule its SLA
 * clock), then save ticket, files and lifecycle events in one change and deliver the outbox. A
 * command that throws leaves the ticket as it was, and the desk clock too unless SLA alarms fell
 * due on the way (they are saved before the command runs). Arguments are checked when the command
 * is built, before anything is read.
 */
interface TicketCommand {

  /**
   * Checks and applies the operation to the ticket.
   *
   * @param desk the desk's state and helpers
   * @param ticket the ticket, loaded and with the clock moved to the operation's time
   */
  void apply(Desk desk, Ticket ticket);
}
