package io.clm.complaints.desk;

import io.clm.api.IllegalTransitionException;
import io.clm.api.complaints.CalendarCoverageException;
import io.clm.api.complaints.ClassificationRule;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.RoutingRule;
import io.clm.api.complaints.SlaCalendar;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.event.Severity;
import io.clm.api.spi.ComplaintDeskConfig;
import io.clm.api.spi.PluginCalls;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One profile of a desk: a workflow with its calendar and the rules tried for its tickets (the
 * desk's, then the workflow's). Asks the workflow through the plugin guard and counts deadlines
 * on the calendar.
 */
final class DeskProfile {
  final String name;
  /** The part of a ticket id between the desk's prefix and the number ({@code ie-}); empty for the main profile. */
  final String idPart;
  final ComplaintWorkflow workflow;
  final SlaCalendar calendar;
  final List<ClassificationRule> classificationRules;
  final List<RoutingRule> routingRules;

  DeskProfile(ComplaintDeskConfig.Profile p, boolean main, ComplaintDeskConfig config) {
    this.name = p.name();
    this.idPart = main ? "" : p.name() + "-";
    this.workflow = p.workflow();
    this.calendar = p.calendar();
    List<ClassificationRule> cr = new ArrayList<>(config.classificationRules());
    cr.addAll(rules(workflow, "classificationRules", ComplaintWorkflow::classificationRules));
    this.classificationRules = List.copyOf(cr);
    List<RoutingRule> rr = new ArrayList<>(config.routingRules());
    rr.addAll(rules(workflow, "routingRules", ComplaintWorkflow::routingRules));
    this.routingRules = List.copyOf(rr);
  }

  // ---------------------------------------------------------------- the workflow, guarded

  SlaPolicy slaPolicy(String subject, Severity severity, String category) {
    return PluginCalls.call(workflow, subject, "slaPolicy(" + severity + ", " + category + ")", w -> w.slaPolicy(severity, category));
  }

  void requireMove(Ticket t, ComplaintState to) {
    String subject = Guards.subject(t);
    Set<ComplaintState> next = PluginCalls.call(workflow, subject, "next(" + t.state + ")", w -> copy(w.next(t.state)));
    if (next.contains(null)) {
      throw PluginCalls.failure(workflow, subject, "returned a null state from next(" + t.state + ")");
    }
    if (!next.contains(to)) {
      throw new IllegalTransitionException(
          "ticket " + t.id + " cannot move from " + t.state + " to " + to + " under workflow '"
              + PluginCalls.call(workflow, subject, "id", ComplaintWorkflow::id) + "'");
    }
  }

  /** Copies a set inside the guard (a null set stays null, a null element is kept to be reported). */
  private static Set<ComplaintState> copy(Set<ComplaintState> states) {
    return states == null ? null : new HashSet<>(states);
  }

  private static <R> List<R> rules(ComplaintWorkflow workflow, String operation, Function<ComplaintWorkflow, List<R>> call) {
    String subject = "complaint desk";
    List<R> rules = PluginCalls.call(workflow, subject, operation, w -> {
      List<R> answer = call.apply(w);
      return answer == null ? null : new ArrayList<>(answer);
    });
    if (rules.contains(null)) {
      throw PluginCalls.failure(workflow, subject, "returned a null rule from " + operation);
    }
    return rules;
  }

  // ---------------------------------------------------------------- deadlines on the calendar

  void compute(Ticket t, Ticket.TargetClock c, SlaTarget target, SlaPolicy policy) {
    SlaLimit limit = Ticket.TargetClock.limit(target, policy, c.extension);
    Instant start = c.start;
    Instant deadline = calendar.deadline(start, limit, t.pauses);
    Instant warnAt = null;
    if (policy.warnBefore().isPresent() && target != SlaTarget.SUMMARY_RESOLUTION) {
      Instant w = calendar.before(deadline, policy.warnBefore().get());
      if (w.isAfter(start) && w.isBefore(deadline)) {
        warnAt = w;
      }
    }
    Instant[] escalations = null;
    if (target == SlaTarget.RESOLUTION && !policy.escalations().isEmpty()) {
      escalations = new Instant[policy.escalations().size()];
      Instant previous = deadline;
      for (int i = 0; i < escalations.length; i++) {
        Optional<SlaLimit> after = policy.escalations().get(i).afterBreach();
        Instant at = after.isEmpty() ? deadline : calendar.deadline(deadline.minusNanos(1), after.get());
        if (at.isBefore(previous)) {
          at = previous;
        }
        escalations[i] = at;
        previous = at;
      }
    }
    c.deadline = deadline;
    c.warnAt = warnAt;
    c.escalationAt = escalations;
  }

  Map<SlaTarget, Ticket.TargetClock> recompute(Ticket t, SlaPolicy policy) {
    Map<SlaTarget, Ticket.TargetClock> out = new EnumMap<>(SlaTarget.class);
    for (Map.Entry<SlaTarget, Ticket.TargetClock> e : t.clocks.entrySet()) {
      SlaTarget target = e.getKey();
      if (!Ticket.TargetClock.applies(target, policy)) {
        continue;
      }
      Ticket.TargetClock copy = Ticket.TargetClock.copy(e.getValue());
      copy.extension = Math.min(copy.extension, policy.extensions().size());
      compute(t, copy, target, policy);
      out.put(target, copy);
    }
    return out;
  }

  Ticket.TargetClock plannedNextResponse(Ticket t, Instant at) {
    if (t.policy.nextResponse().isEmpty()) {
      return null;
    }
    Ticket.TargetClock c = new Ticket.TargetClock(at);
    compute(t, c, SlaTarget.NEXT_RESPONSE, t.policy);
    return c;
  }

  /**
   * Gives a ticket opened without some deadline (its calendar lacked a year) the deadlines it
   * should have, counted from receipt, once the calendar has the year; clears {@link
   * ComplaintFlag#CALENDAR_INCOMPLETE} when none is missing any more.
   *
   * @return whether the ticket changed
   */
  boolean completeDeadlines(Ticket t, Instant at) {
    if (!t.state.isOpen() || t.cycle != 1) {
      return false;
    }
    List<SlaTarget> added = new ArrayList<>();
    boolean missing = false;
    for (SlaTarget target : Desk.INTAKE_TARGETS) {
      boolean answered = target == SlaTarget.FIRST_RESPONSE && t.state != ComplaintState.RECEIVED
          || target == SlaTarget.SUMMARY_RESOLUTION && t.audit.stream().anyMatch(a -> a.action().equals("sla-lapse"));
      if (t.clocks.containsKey(target) || answered || !Ticket.TargetClock.applies(target, t.policy)
          || t.outcomes.stream().anyMatch(o -> o.target() == target)) {
        continue;
      }
      Ticket.TargetClock c = new Ticket.TargetClock(t.receivedAt);
      try {
        compute(t, c, target, t.policy);
        t.clocks.put(target, c);
        added.add(target);
      } catch (CalendarCoverageException e) {
        missing = true;
      }
    }
    if (added.isEmpty()) {
      return false;
    }
    if (!missing) {
      t.flags.remove(ComplaintFlag.CALENDAR_INCOMPLETE);
    }
    Guards.audit(t, at, Alarms.CLOCK, "sla-complete", t.state,
        "calendar '" + calendar.id() + "' now covers " + added.toString().toLowerCase(Locale.ROOT));
    return true;
  }
}
