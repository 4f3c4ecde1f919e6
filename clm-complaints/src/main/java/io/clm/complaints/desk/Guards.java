package io.clm.complaints.desk;

import io.clm.api.CustomerId;
import io.clm.api.IllegalTransitionException;
import io.clm.api.PluginFailureException;
import io.clm.api.ValidationException;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.ComplaintRule;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.spi.PluginCalls;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** Checks and messages the desk's operations share: input, rules called like plugins, audit lines. */
final class Guards {
  private Guards() {}

  /** How messages name a ticket: its id, and the masked customer when known. */
  static String subject(Ticket t) {
    return subject(t.id, t.customer);
  }

  static String subject(String ticketId, CustomerId customer) {
    return "ticket " + ticketId + (customer == null ? "" : " of " + PluginCalls.subject(customer));
  }

  /**
   * Calls a classification or routing rule (not plugins themselves, but supplied by workflows and
   * integrators): a rule that throws or answers null is named with its id and class, like a plugin.
   */
  static <R> R guarded(Object rule, Supplier<String> id, String subject, String operation, Supplier<R> call) {
    R result;
    try {
      result = call.get();
    } catch (RuntimeException | LinkageError e) {
      throw new PluginFailureException(
          ruleName(rule, id) + " threw " + e.getClass().getName() + " in " + operation + " for " + subject, e);
    }
    if (result == null) {
      throw new PluginFailureException(ruleName(rule, id) + " returned null from " + operation + " for " + subject);
    }
    return result;
  }

  /**
   * The first of the rules that matches, each called through the guard, or null when none does
   * (the one loop classification and routing share).
   */
  static <S, R extends ComplaintRule<S>> R firstMatch(List<R> rules, S input, String subject) {
    for (R rule : rules) {
      if (guarded(rule, rule::id, subject, "matches", () -> rule.matches(input))) {
        return rule;
      }
    }
    return null;
  }

  static String ruleName(Object rule, Supplier<String> id) {
    String name;
    try {
      name = id.get();
    } catch (RuntimeException e) {
      name = "?";
    }
    return "rule '" + name + "' (" + rule.getClass().getName() + ")";
  }

  static void requireAnswerable(Ticket t) {
    if (t.state != ComplaintState.RESOLVED) {
      throw new IllegalTransitionException("ticket " + t.id + " is " + t.state + ", not RESOLVED");
    }
    if (t.accepted != null) {
      throw new IllegalTransitionException("customer already answered the resolution of ticket " + t.id);
    }
  }

  /**
   * Checks the actor an operation names: not blank, and not {@link Alarms#CLOCK}, the actor of the
   * desk's own SLA entries.
   */
  static void requireActor(String actor) {
    requireText(actor, "actor");
    if (actor.strip().equalsIgnoreCase(Alarms.CLOCK)) {
      throw new ValidationException("actor '" + actor + "' is reserved for the desk's SLA clock");
    }
  }

  static void requireText(String value, String field) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new ValidationException(field + " is blank");
    }
  }

  static void move(Ticket t, ComplaintState to, String actor, String action, String reason, Instant at) {
    t.audit.add(new AuditEntry(at, actor, action, t.state, to, reason));
    t.state = to;
  }

  static void audit(Ticket t, Instant at, String actor, String action, ComplaintState state, String reason) {
    t.audit.add(new AuditEntry(at, actor, action, state, state, reason));
  }
}
