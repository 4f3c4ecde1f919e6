package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.CustomerId;
import io.clm.api.complaints.Complaint;
import io.clm.api.complaints.ComplaintChannel;
import io.clm.api.complaints.ComplaintDesk;
import io.clm.api.complaints.ComplaintFlag;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.SlaTarget;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Concrete deadlines for each regulatory profile, across weekends and public holidays. */
class RegulatoryProfilesTest {

  private static final CustomerId ALICE = CustomerId.of("alice");

  private static ComplaintDesk desk(String workflow, BusinessCalendar calendar) {
    return ComplaintDesk.builder().workflow(ComplaintDesk.findWorkflow(workflow)).calendar(calendar).build();
  }

  private static Instant local(String dateTime, String zone) {
    return LocalDateTime.parse(dateTime).atZone(ZoneId.of(zone)).toInstant();
  }

  private static Complaint letter(ComplaintDesk desk, Instant at, String category) {
    return desk.open(Intake.of(ComplaintChannel.LETTER, ALICE, at, "fee charged twice").withCategory(category), "agent");
  }

  @Test
  void fcaSummaryWindowSkipsEasterAndFinalResponseIsEightCalendarWeeks() {
    ComplaintDesk desk = desk("uk-fca-disp", TestCalendars.england());
    // Thursday 17 April 2025; Good Friday 18 and Easter Monday 21 April are bank holidays.
    Complaint c = letter(desk, local("2025-04-17T10:00", "Europe/London"), "general");
    assertThat(c.policyId()).isEqualTo("uk-fca-disp.general");
    // DISP 1.5.1R: close of business on the third business day after the day of receipt:
    // Tue 22 (1), Wed 23 (2), Thu 24 (3), close 17:00 BST
    assertThat(c.deadlines()).doesNotContainKey(SlaTarget.FIRST_RESPONSE);
    assertThat(c.deadlines().get(SlaTarget.SUMMARY_RESOLUTION)).isEqualTo(Instant.parse("2025-04-24T16:00:00Z"));
    // end of eight weeks after receipt: end of Thursday 12 June 2025 (BST)
    assertThat(c.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2025-06-12T23:00:00Z"));
  }

  @Test
  void fcaComplaintReceivedOnSaturdayCountsTheBusinessDaysFollowingIt() {
    ComplaintDesk desk = desk("uk-fca-disp", TestCalendars.england());
    // Saturday 19 April 2025: the business days following it are Tue 22, Wed 23, Thu 24 April
    Complaint c = letter(desk, local("2025-04-19T11:00", "Europe/London"), "general");
    assertThat(c.deadlines().get(SlaTarget.SUMMARY_RESOLUTION)).isEqualTo(Instant.parse("2025-04-24T16:00:00Z"));
    // received after close of business on Thursday 24 April: Fri 25 (1), Mon 28 (2), Tue 29 (3)
    Complaint late = letter(desk, local("2025-04-24T18:30", "Europe/London"), "general");
    assertThat(late.deadlines().get(SlaTarget.SUMMARY_RESOLUTION)).isEqualTo(Instant.parse("2025-04-29T16:00:00Z"));
  }

  @Test
  void fcaPaymentServicesFifteenBusinessDaysAcrossChristmasAndThirtyFiveWithHoldingReply() {
    ComplaintDesk desk = desk("uk-fca-disp", TestCalendars.england());
    // Monday 15 December 2025; 25, 26 December 2025 and 1 January 2026 are bank holidays
    Complaint c = letter(desk, local("2025-12-15T10:00", "Europe/London"), "payment-services");
    assertThat(c.policyId()).isEqualTo("uk-fca-disp.payment-services");
    // DISP 1.6.2AR "by the end of the fifteenth business day": Tue 16 .. Wed 24 Dec (7), Mon 29 -
    // Wed 31 Dec (10), Fri 2 Jan (11), Mon 5 - Thu 8 Jan (15): end of Thursday 8 January (GMT)
    assertThat(c.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2026-01-09T00:00:00Z"));
    Complaint extended = desk.extend(c.id(), "supervisor", "holding reply sent", local("2026-01-05T09:00", "Europe/London"));
    // 35th business day: Fri 9 Jan (16) .. Thu 5 Feb (35): end of Thursday 5 February
    assertThat(extended.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2026-02-06T00:00:00Z"));
  }

  @Test
  void fcaDeadlineInAMissingYearIsFlaggedNotGuessed() {
    ComplaintDesk desk = desk("uk-fca-disp", TestCalendars.england2025Only());
    Complaint c = letter(desk, local("2025-12-15T10:00", "Europe/London"), "payment-services");
    assertThat(c.flags()).containsExactly(ComplaintFlag.CALENDAR_INCOMPLETE);
    assertThat(c.deadlines()).containsOnlyKeys(SlaTarget.SUMMARY_RESOLUTION);
    assertThat(c.audit().get(0).reason())
        .isEqualTo("received by LETTER; no resolution deadline: calendar 'england' has no holidays for 2026");
  }

  @Test
  void cfpbCountsCalendarDaysFromASaturday() {
    ComplaintDesk desk = desk("us-cfpb", TestCalendars.newYork());
    // Saturday 20 December 2025, noon in New York
    Complaint c = letter(desk, local("2025-12-20T12:00", "America/New_York"), "general");
    // 15 days: end of Sunday 4 January 2026 (EST); 60 days: end of Wednesday 18 February 2026
    assertThat(c.deadlines().get(SlaTarget.FIRST_RESPONSE)).isEqualTo(Instant.parse("2026-01-05T05:00:00Z"));
    assertThat(c.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2026-02-19T05:00:00Z"));
  }

  @Test
  void chinaLastDayOnAMakeUpSaturdayStands() {
    ComplaintDesk desk = desk("cn-banking-insurance-2020", TestCalendars.china());
    // Friday 26 September 2025 + 15 days = Saturday 11 October 2025, a make-up working day
    Complaint c = letter(desk, local("2025-09-26T10:00", "Asia/Shanghai"), "general");
    assertThat(c.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2025-10-11T16:00:00Z"));
  }

  @Test
  void chinaLastDayInTheNationalDayHolidayMovesToTheNextWorkingDayAndExtendsTo30Then60() {
    ComplaintDesk desk = desk("cn-banking-insurance-2020", TestCalendars.china());
    // Saturday 20 September 2025 + 15 days = Sunday 5 October, inside the 1-8 October holiday:
    // the period ends on Thursday 9 October
    Complaint c = letter(desk, local("2025-09-20T10:00", "Asia/Shanghai"), "general");
    assertThat(c.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2025-10-09T16:00:00Z"));
    Instant at = local("2025-09-30T10:00", "Asia/Shanghai");
    Complaint to30 = desk.extend(c.id(), "branch-head", "complex case", at);
    assertThat(to30.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2025-10-20T16:00:00Z"));
    Complaint to60 = desk.extend(c.id(), "head-office", "approved: especially complex", at);
    assertThat(to60.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2025-11-19T16:00:00Z"));
  }

  @Test
  void chinaSpringFestival() {
    ComplaintDesk desk = desk("cn-banking-insurance-2020", TestCalendars.china());
    // Tuesday 14 January 2025 + 15 days = 29 January, inside the 28 January - 4 February holiday
    Complaint c = letter(desk, local("2025-01-14T10:00", "Asia/Shanghai"), "general");
    assertThat(c.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2025-02-05T16:00:00Z"));
  }

  @Test
  void chinaExternalAppraisalTimeIsNotCounted() {
    ComplaintDesk desk = desk("cn-banking-insurance-2020", TestCalendars.china());
    Complaint c = letter(desk, local("2025-03-03T09:00", "Asia/Shanghai"), "general");
    assertThat(c.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2025-03-18T16:00:00Z"));
    desk.pause(c.id(), "agent", "external appraisal of the damaged card", local("2025-03-05T09:00", "Asia/Shanghai"));
    Complaint resumed = desk.resume(c.id(), "agent", local("2025-03-12T09:00", "Asia/Shanghai"));
    // seven days paused: the period restarts from 10 March, 15 days later is 25 March
    assertThat(resumed.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2025-03-25T16:00:00Z"));
  }

  @Test
  void psd2FifteenBusinessDaysAcrossAscensionWhitMondayAndCorpusChristi() {
    ComplaintDesk desk = desk("eu-psd2", TestCalendars.frankfurt());
    // Wednesday 28 May 2025, Frankfurt; 29 May, 9 June and 19 June are holidays in Hesse
    Complaint c = letter(desk, local("2025-05-28T14:00", "Europe/Berlin"), "general");
    // Art. 101(2) "within 15 business days": end of Monday 23 June (CEST)
    assertThat(c.deadlines().get(SlaTarget.RESOLUTION)).isEqualTo(Instant.parse("2025-06-23T22:00:00Z"));
    assertThat(c.deadlines()).doesNotContainKey(SlaTarget.FIRST_RESPONSE);
  }
}
