package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.clm.api.ClmException;
import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.Resolution;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Model-based test of the workflow state machine: random sequences of operations on a desk are
 * checked against a small model of the standard workflow. A refused operation must be one the
 * model refuses and must leave the ticket exactly as it was; an accepted one must be one the model
 * accepts and end in the model's state. No ticket is ever lost.
 */
class WorkflowModelTest {

  private static final int OPS = 16;

  @Test
  void theDeskFollowsTheModelAndNeverLosesATicket() {
    qt().withExamples(150)
        .forAll(lists().of(integers().between(0, 2_000_000)).ofSizeBetween(1, 80))
        .checkAssert(WorkflowModelTest::run);
  }

  private static final class Model {
    ComplaintState state = ComplaintState.RECEIVED;
    boolean paused;
    boolean answered;
  }

  private static void run(List<Integer> script) {
    ComplaintDesk desk = ComplaintDesk.builder()
        .workflow(ComplaintDesk.findWorkflow("cn-banking-insurance-2020"))
        .calendar(TestCalendars.china())
        .startAt(Instant.parse("2025-01-01T00:00:00Z"))
        .build();
    List<Model> model = new ArrayList<>();
    Instant at = Instant.parse("2025-01-02T01:00:00Z");
    for (int v : script) {
      int op = v % OPS;
      int which = (v / OPS) % 6;
      at = at.plus(Duration.ofMinutes((v / (OPS * 6)) % 3000));
      desk.advanceTo(at);
      if (op == 0 || model.isEmpty()) {
        desk.open(Intake.of(ComplaintChannel.BRANCH, CustomerId.of("c" + which), at, "complaint " + v), "agent");
        model.add(new Model());
      } else {
        int index = which % model.size();
        String id = "C-" + (index + 1);
        Model m = model.get(index);
        Complaint before = desk.get(id);
        Boolean legal = legal(op, m);
        boolean succeeded;
        try {
          apply(desk, op, id, at);
          succeeded = true;
        } catch (ClmException e) {
          succeeded = false;
        }
        if (legal != null) {
          assertThat(succeeded).as("op %s on %s in %s", op, id, m.state).isEqualTo(legal);
        }
        Complaint after = desk.get(id);
        if (succeeded) {
          update(op, m);
          assertThat(after.audit()).startsWith(before.audit().toArray(new io.clm.api.complaints.AuditEntry[0]));
          assertThat(after.audit().size()).isGreaterThan(before.audit().size());
        } else {
          assertThat(after).isEqualTo(before);
        }
        assertThat(after.state()).isEqualTo(m.state);
        assertThat(after.paused()).isEqualTo(m.paused);
      }
      assertThat(desk.size()).isEqualTo(model.size());
      List<Complaint> all = desk.all();
      for (int i = 0; i < model.size(); i++) {
        assertThat(all.get(i).id()).isEqualTo("C-" + (i + 1));
        assertThat(all.get(i).state()).isEqualTo(model.get(i).state);
      }
    }
  }

  /** Whether the model allows the operation; null when it depends on the clock (extend). */
  private static Boolean legal(int op, Model m) {
    switch (op) {
      case 1:
        return ComplaintState.standardNext(m.state).contains(ComplaintState.ACKNOWLEDGED);
      case 2:
        return ComplaintState.standardNext(m.state).contains(ComplaintState.CLASSIFIED);
      case 3:
        return ComplaintState.standardNext(m.state).contains(ComplaintState.ASSIGNED);
      case 4:
        return ComplaintState.standardNext(m.state).contains(ComplaintState.IN_PROGRESS);
      case 5:
        return ComplaintState.standardNext(m.state).contains(ComplaintState.ESCALATED);
      case 6:
        return ComplaintState.standardNext(m.state).contains(ComplaintState.RESOLVED);
      case 7:
      case 8:
        return m.state == ComplaintState.RESOLVED && !m.answered;
      case 9:
        return ComplaintState.standardNext(m.state).contains(ComplaintState.CLOSED);
      case 10:
        return ComplaintState.standardNext(m.state).contains(ComplaintState.REOPENED);
      case 11:
        return ComplaintState.standardNext(m.state).contains(ComplaintState.WITHDRAWN);
      case 12:
        return m.state.isOpen() && !m.paused;
      case 13:
        return m.paused;
      case 14:
        return m.state.isOpen() && m.state != ComplaintState.RECEIVED;
      default:
        return null;
    }
  }

  private static void update(int op, Model m) {
    switch (op) {
      case 1:
        m.state = ComplaintState.ACKNOWLEDGED;
        break;
      case 2:
        m.state = ComplaintState.CLASSIFIED;
        break;
      case 3:
        m.state = ComplaintState.ASSIGNED;
        break;
      case 4:
        m.state = ComplaintState.IN_PROGRESS;
        break;
      case 5:
        m.state = ComplaintState.ESCALATED;
        break;
      case 6:
        m.state = ComplaintState.RESOLVED;
        m.paused = false;
        m.answered = false;
        break;
      case 7:
        m.state = ComplaintState.CLOSED;
        m.answered = true;
        break;
      case 8:
        m.answered = true;
        break;
      case 9:
        m.state = ComplaintState.CLOSED;
        break;
      case 10:
        m.state = ComplaintState.REOPENED;
        m.answered = false;
        break;
      case 11:
        m.state = ComplaintState.WITHDRAWN;
        m.paused = false;
        break;
      case 12:
        m.paused = true;
        break;
      case 13:
        m.paused = false;
        break;
      default:
        break;
    }
  }

  static void apply(ComplaintDesk desk, int op, String id, Instant at) {
    switch (op) {
      case 1:
        desk.acknowledge(id, "a", at);
        break;
      case 2:
        desk.classify(id, "a", at);
        break;
      case 3:
        desk.assign(id, "a", at);
        break;
      case 4:
        desk.start(id, "a", at);
        break;
      case 5:
        desk.escalate(id, "a", "slow", at);
        break;
      case 6:
        desk.resolve(id, new Resolution("fixed", Optional.of(Money.of("1.00", "CNY")), "fees"), "a", at);
        break;
      case 7:
        desk.accept(id, "a", at);
        break;
      case 8:
        desk.reject(id, "a", "no", at);
        break;
      case 9:
        desk.close(id, "a", "done", at);
        break;
      case 10:
        desk.reopen(id, "a", "again", at);
        break;
      case 11:
        desk.withdraw(id, "a", "changed mind", at);
        break;
      case 12:
        desk.pause(id, "a", "waiting for documents", at);
        break;
      case 13:
        desk.resume(id, "a", at);
        break;
      case 14:
        desk.respond(id, "a", "update", at);
        break;
      default:
        desk.extend(id, "a", "complex", at);
        break;
    }
  }
}
