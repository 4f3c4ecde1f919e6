package io.clm.complaints.desk;

import io.clm.api.CustomerId;
import io.clm.api.complaints.AuditEntry;
import io.clm.api.complaints.CalendarCoverageException;
import io.clm.api.complaints.Classification;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.SlaTarget;
import io.clm.api.event.Severity;
import java.util.Locale;
import java.util.Optional;

/**
 * Receives a complaint (seed 002, steps 1 to 3): finds its customer, classifies it with what is
 * known at intake, links its order, starts its clocks and writes the first audit entry. The
 * complaint is taken even when a lookup or a rule fails; the failure is noted in the audit.
 */
final class Reception {
  private Reception() {}

  /**
   * The new ticket, not yet in the desk's working set. Only the workflow's choice of policy can
   * refuse the complaint, and it is asked before anything else.
   */
  static Ticket receive(Desk desk, Intake intake, String actor, DeskProfile profile, String id, long sequence) {
    Optional<CustomerId> customer = intake.customer();
    String lookupFailure = null;
    if (customer.isEmpty() && intake.callerPhone().isPresent()) {
      try {
        customer = desk.directory.findByPhone(intake.callerPhone().get());
      } catch (RuntimeException e) {
        // the complaint is taken even when the directory is down
        lookupFailure = "; customer lookup failed (" + e.getClass().getSimpleName() + ")";
      }
    }
    Ticket t = new Ticket(profile, id, sequence, intake.channel(), intake.receivedAt(), intake.content(),
        intake.amountAtStake().orElse(null), intake.category());
    t.customer = customer.orElse(null);
    // the workflow and the rules are asked before anything changes: a failing one leaves no trace
    String subject = Guards.subject(t);
    t.policy = profile.slaPolicy(subject, Severity.NORMAL, intake.category());
    StringBuilder reason = new StringBuilder("received by " + intake.channel());
    if (desk.hasProfiles()) {
      reason.append(" under profile ").append(profile.name);
    }
    // the clocks start under the policy of the severity the rules give with what is known at intake
    // (a vulnerable customer, a regulator referral, a repeat complainant); classify confirms it
    // later. A lookup or rule that fails here does not refuse the complaint: it starts as NORMAL.
    Classification atIntake;
    try {
      boolean vulnerable = t.customer != null && desk.directory.isVulnerable(t.customer);
      atIntake = ClassifyCommand.classification(t, vulnerable, desk.files.earlier(t));
    } catch (RuntimeException e) {
      atIntake = new Classification(Severity.NORMAL, Classification.DEFAULT_RULE);
      reason.append("; classification at intake failed (").append(e.getClass().getSimpleName()).append(")");
    }
    if (atIntake.severity() != Severity.NORMAL) {
      t.policy = profile.slaPolicy(subject, atIntake.severity(), intake.category());
      reason.append("; ").append(atIntake.severity()).append(" at intake by rule ").append(atIntake.ruleId())
          .append("; sla policy ").append(t.policy.id());
    }
    if (t.customer == null) {
      t.flags.add(ComplaintFlag.UNIDENTIFIED_CUSTOMER);
      reason.append("; customer not identified");
      if (lookupFailure != null) {
        reason.append(lookupFailure);
      }
    }
    if (intake.orderNumber().isPresent()) {
      try {
        String linked = LinkOrderCommand.link(desk.orders, t, intake.orderNumber().get());
        reason.append("; ").append(linked);
      } catch (RuntimeException e) {
        t.orderNumber = intake.orderNumber().get();
        t.flags.add(ComplaintFlag.UNKNOWN_ORDER);
        reason.append("; order lookup failed (").append(e.getClass().getSimpleName()).append(")");
      }
    }
    for (SlaTarget target : Desk.INTAKE_TARGETS) {
      if (!Ticket.TargetClock.applies(target, t.policy)) {
        continue;
      }
      Ticket.TargetClock c = new Ticket.TargetClock(t.receivedAt);
      try {
        profile.compute(t, c, target, t.policy);
        t.clocks.put(target, c);
      } catch (CalendarCoverageException e) {
        t.flags.add(ComplaintFlag.CALENDAR_INCOMPLETE);
        reason.append("; no ").append(target.name().toLowerCase(Locale.ROOT)).append(" deadline: ").append(e.getMessage());
      }
    }
    t.audit.add(new AuditEntry(intake.receivedAt(), actor, "receive", ComplaintState.RECEIVED, ComplaintState.RECEIVED, reason.toString()));
    return t;
  }
}
