package com.example.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.event.Severity;
import org.junit.jupiter.api.Test;

class StrictComplaintWorkflowRulesTest {
  private final StrictComplaintWorkflow workflow = new StrictComplaintWorkflow();

  @Test
  void withdrawalOnlyBeforeClassification() {
    assertThat(workflow.next(ComplaintState.RECEIVED)).contains(ComplaintState.WITHDRAWN);
    assertThat(workflow.next(ComplaintState.ACKNOWLEDGED)).contains(ComplaintState.WITHDRAWN);
    assertThat(workflow.next(ComplaintState.CLASSIFIED)).doesNotContain(ComplaintState.WITHDRAWN).contains(ComplaintState.ASSIGNED);
    assertThat(workflow.next(ComplaintState.IN_PROGRESS)).containsExactlyInAnyOrder(ComplaintState.RESOLVED, ComplaintState.ESCALATED);
  }

  @Test
  void urgentAndFraudComplaintsRunOnTheShortClock() {
    assertThat(workflow.slaPolicy(Severity.URGENT, "general").resolution()).isEqualTo(SlaLimit.businessDays(5));
    assertThat(workflow.slaPolicy(Severity.URGENT, "general").firstResponse()).contains(SlaLimit.businessHours(4));
    assertThat(workflow.slaPolicy(Severity.NORMAL, "fraud").resolution()).isEqualTo(SlaLimit.businessDays(5));
    assertThat(workflow.slaPolicy(Severity.NORMAL, "general").resolution()).isEqualTo(SlaLimit.businessDays(10));
    assertThat(workflow.slaPolicy(Severity.URGENT, "general").escalations()).hasSize(2);
  }

  @Test
  void rulesAreNamed() {
    assertThat(workflow.classificationRules()).extracting(r -> r.id())
        .containsExactly("amount-at-least-500", "fraud-words", "vulnerable-customer", "third-in-90-days");
    assertThat(workflow.routingRules()).extracting(r -> r.assignee()).containsExactly("complaints-senior", "card-services");
    assertThat(workflow.defaultAssignee()).isEqualTo("complaints-desk");
  }
}
