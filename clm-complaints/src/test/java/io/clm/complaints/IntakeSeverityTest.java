package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.CustomerDirectory;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.SlaTarget;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The SLA clocks start under the policy of the severity the classification rules give with what is
 * known at intake, so the standard profile's urgent first-response limit applies.
 */
class IntakeSeverityTest {

  private static final Instant MONDAY = Instant.parse("2025-06-02T09:00:00Z");
  private static final CustomerId VULNERABLE = CustomerId.of("vera");
  private static final CustomerId OTHER = CustomerId.of("otto");

  private static final CustomerDirectory DIRECTORY = new CustomerDirectory() {
    @Override
    public Optional<CustomerId> findByPhone(String phoneNumber) {
      return Optional.empty();
    }

    @Override
    public boolean isVulnerable(CustomerId customer) {
      return customer.equals(VULNERABLE);
    }
  };

  private static ComplaintDesk desk(InMemoryTicketStore store) {
    return ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow("standard")).calendar(TestCalendars.england())
        .customerDirectory(DIRECTORY).ticketStore(store).startAt(MONDAY).build();
  }

  @Test
  void aVulnerableCustomersComplaintIsAnsweredByCloseOfBusinessOnTheNextBusinessDay() {
    InMemoryTicketStore store = new InMemoryTicketStore();
    ComplaintDesk desk = desk(store);
    Complaint urgent = desk.open(Intake.of(ComplaintChannel.PHONE, VULNERABLE, MONDAY, "card blocked abroad"), "agent");
    Complaint normal = desk.open(Intake.of(ComplaintChannel.PHONE, OTHER, MONDAY, "card blocked abroad"), "agent");

    // close of business (17:00 BST) on Tuesday 3 June, against Wednesday 4 June for a normal one
    assertThat(urgent.policyId()).isEqualTo("standard.urgent");
    assertThat(urgent.deadlines()).containsEntry(SlaTarget.FIRST_RESPONSE, Instant.parse("2025-06-03T16:00:00Z"));
    assertThat(urgent.audit().get(0).reason())
        .isEqualTo("received by PHONE; URGENT at intake by rule vulnerable-customer; sla policy standard.urgent");
    assertThat(normal.policyId()).isEqualTo("standard.normal");
    assertThat(normal.deadlines()).containsEntry(SlaTarget.FIRST_RESPONSE, Instant.parse("2025-06-04T16:00:00Z"));

    // a desk started again over the store carries the unclassified ticket on under its policy
    ComplaintDesk restarted = desk(store);
    restarted.acknowledge(urgent.id(), "agent", Instant.parse("2025-06-03T10:00:00Z"));
    assertThat(restarted.report().compliance().get("standard.urgent").firstResponseMet()).isEqualTo(1);
    assertThat(restarted.classify(urgent.id(), "system", Instant.parse("2025-06-03T10:01:00Z")).policyId())
        .isEqualTo("standard.urgent");
  }

  @Test
  void aRegulatorReferralIsUrgentFromIntake() {
    ComplaintDesk desk = desk(new InMemoryTicketStore());
    Complaint c = desk.open(Intake.of(ComplaintChannel.LETTER, OTHER, MONDAY, "referred by the ombudsman")
        .withCategory("regulator-referral"), "agent");
    assertThat(c.policyId()).isEqualTo("standard.urgent");
    assertThat(c.deadlines()).containsEntry(SlaTarget.FIRST_RESPONSE, Instant.parse("2025-06-03T16:00:00Z"));
  }
}
