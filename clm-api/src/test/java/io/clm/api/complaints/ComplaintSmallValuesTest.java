package io.clm.api.complaints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.CustomerId;
import io.clm.api.Money;
import io.clm.api.ValidationException;
import io.clm.api.event.Channel;
import io.clm.api.event.Interaction;
import io.clm.api.event.InteractionKind;
import io.clm.api.event.Severity;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The small records and defaults of the complaint desk's API: outbox entries, orders, audit
 * entries, reviews, the compliance rates of a report and what a workflow or a directory does
 * unless it says otherwise.
 */
class ComplaintSmallValuesTest {
  private static final Instant AT = Instant.parse("2026-04-10T09:00:00Z");
  private static final CustomerId C = CustomerId.of("c-1");

  @Test
  void outboxIdsStartAtOne() {
    Interaction event = Interaction.of("e-1", C, AT, InteractionKind.CONTACT, Channel.BRANCH);
    assertThat(new OutboxEvent(1, event).id()).isEqualTo(1);
    assertThatThrownBy(() -> new OutboxEvent(0, event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outbox id 0 is below 1");
  }

  @Test
  void ordersHaveANumberAndShowNoDescription() {
    Order order = new Order("O-17", C, AT, "sofa for Erika Mustermann", Optional.of(Money.of("499", "EUR")), "shipped");
    assertThat(order.toString()).isEqualTo("Order[O-17, shipped]");
    assertThatThrownBy(() -> new Order(" ", C, AT, "sofa", Optional.empty(), "shipped"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("order number is blank");
  }

  @Test
  void auditEntriesShowNoReason() {
    AuditEntry entry = new AuditEntry(AT, "agent-7", "classify", ComplaintState.RECEIVED, ComplaintState.CLASSIFIED,
        "Erika Mustermann called about her overdraft");
    assertThat(entry.toString())
        .isEqualTo("AuditEntry[2026-04-10T09:00:00Z, agent-7, classify, RECEIVED -> CLASSIFIED]");
  }

  @Test
  void aReviewNamesItsRuleAndIsGivenOnce() {
    SlaLimit apply = SlaLimit.calendarDays(30);
    SlaLimit decide = SlaLimit.businessDays(15);
    assertThatThrownBy(() -> new SlaPolicy.Review(apply, decide, " "))
        .isInstanceOf(ValidationException.class)
        .hasMessage("review rule is blank");
    SlaPolicy.Builder b = SlaPolicy.builder("psd2", SlaLimit.businessDays(15));
    assertThat(b.review(apply, decide, "PSD2 art. 101")).isSameAs(b);
    assertThatThrownBy(() -> b.review(apply, decide, "again"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("review was already set");
    assertThat(b.build().review()).contains(new SlaPolicy.Review(apply, decide, "PSD2 art. 101"));
  }

  @Test
  void complianceRatesAreTheShareOfDeadlinesMet() {
    ComplaintReport.PolicyCompliance c = new ComplaintReport.PolicyCompliance(3, 1, 1, 4);
    assertThat(c.firstResponseRate()).isEqualTo(0.75);
    assertThat(c.resolutionRate()).isEqualTo(0.2);
    ComplaintReport.PolicyCompliance none = new ComplaintReport.PolicyCompliance(0, 0, 0, 0);
    assertThat(none.firstResponseRate()).isNaN();
    assertThat(none.resolutionRate()).isNaN();
    assertThat(new ComplaintReport.PolicyCompliance(0, 2, 0, 5).resolutionRate()).isZero();
  }

  @Test
  void aWorkflowFollowsTheStandardStatesAndAssignsToComplaintsUnlessItSaysOtherwise() {
    ComplaintWorkflow flow = new ComplaintWorkflow() {
      @Override
      public String id() {
        return "plain";
      }

      @Override
      public SlaPolicy slaPolicy(Severity severity, String category) {
        return SlaPolicy.builder("plain", SlaLimit.businessDays(15)).build();
      }
    };
    for (ComplaintState state : EnumSet.allOf(ComplaintState.class)) {
      assertThat(flow.next(state)).as(state.name()).isEqualTo(ComplaintState.standardNext(state));
    }
    assertThat(flow.next(ComplaintState.RECEIVED)).isNotEmpty();
    assertThat(flow.defaultAssignee()).isEqualTo("complaints");
    assertThat(flow.classificationRules()).isEmpty();
    assertThat(flow.routingRules()).isEmpty();
  }

  @Test
  void aDirectoryKnowsNoVulnerableCustomerUnlessItSaysSo() {
    CustomerDirectory directory = phone -> Optional.of(C);
    assertThat(directory.isVulnerable(C)).isFalse();
    assertThat(directory.findByPhone("+353 1 555 0100")).contains(C);
  }
}
