package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaUnit;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Deadlines computed by hand from the rule texts, on the shipped calendars. Each row: the
 * jurisdiction's calendar, the unit and amount the rule states, the local time of receipt, the
 * local time the deadline falls (an end of day is written as 00:00 of the next day), and why.
 *
 * <p>Rules: FCA DISP 1.5.1R "by close of business on the third business day following the day on
 * which it is received"; DISP 1.6.2R "by the end of eight weeks after its receipt"; DISP 1.6.2AR,
 * PSRs 2017 reg. 101 and PSD2 Art. 101(2) "no later than 15 business days after receipt" (35 with a
 * holding reply); CFPB "within 15 days" and "60 days" (calendar days); 银行业保险业消费投诉处理管理办法
 * (CBIRC Order 2020 No. 3) 15 / 30 / 60 days with the PRC Civil Code arts. 201 and 203 (the day of
 * receipt not counted; a last day that is a holiday moves to the next working day).
 *
 * <p>Holidays: gov.uk/bank-holidays (England and Wales, Scotland, Northern Ireland; including the
 * substitute days 28 December 2026, 13 July 2026 in Northern Ireland, 2 January in Scotland); OPM
 * federal holidays with their observed dates (3 July 2026, 18 June 2027, 24 and 31 December 2027);
 * German federal and Hessian public holidays; the State Council notices for 2024, 2025 and 2026
 * (with the make-up working days 12 October 2024, 26 January, 11 October 2025, 14 February, 20
 * September 2026). Clock changes: London 30 March and 26 October 2025, 29 March 2026; New York
 * 9 March and 2 November 2025, 8 March 2026; Dublin 29 March 2026.
 */
class DatedScenariosTest {

  private static final Map<String, BusinessCalendar> CALENDARS = new HashMap<>();

  private static BusinessCalendar calendar(String jurisdiction) {
    synchronized (CALENDARS) {
      return CALENDARS.computeIfAbsent(jurisdiction, HolidayCalendars::of);
    }
  }

  @ParameterizedTest(name = "{0} {2} {1} from {3}: {5}")
  @CsvSource(delimiter = '|', textBlock = """
      GB-ENG | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2025-04-17T10:00 | 2025-04-24T17:00 | DISP 1.5: Good Friday 18 and Easter Monday 21 April skipped: 22, 23, 24
      GB-ENG | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2025-04-19T11:00 | 2025-04-24T17:00 | received on a Saturday: the business days following it are 22, 23, 24
      GB-ENG | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2025-04-24T18:30 | 2025-04-29T17:00 | received after close of business: the day of receipt is still Thursday: 25, 28, 29
      GB-ENG | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2025-03-28T23:59 | 2025-04-02T17:00 | 23:59 on a Friday, clocks go forward on 30 March: 31, 1, 2 at 17:00 BST
      GB-ENG | BUSINESS_DAYS                   | 15 | 2025-12-15T10:00 | 2026-01-09T00:00 | DISP 1.6.2AR: 25, 26 December and 1 January skipped; 15th business day is Thursday 8 January
      GB-ENG | BUSINESS_DAYS                   | 35 | 2025-12-15T10:00 | 2026-02-06T00:00 | with a holding reply: the 35th business day is Thursday 5 February
      GB-ENG | WEEKS                           | 8  | 2025-04-17T10:00 | 2025-06-13T00:00 | DISP 1.6.2R: eight weeks after Thursday 17 April is Thursday 12 June, to its end
      GB-ENG | BUSINESS_DAYS                   | 15 | 2026-12-18T10:00 | 2027-01-14T00:00 | Boxing Day 2026 on a Saturday: substitute Monday 28 December; 1 January 2027 a Friday
      GB-ENG | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2026-12-24T10:00 | 2026-12-31T17:00 | 25 and substitute 28 December skipped: 29, 30, 31
      GB-SCT | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2025-12-31T10:00 | 2026-01-07T17:00 | Scotland: 1 and 2 January are bank holidays: 5, 6, 7
      GB-ENG | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2025-12-31T10:00 | 2026-01-06T17:00 | England: only 1 January: 2, 5, 6
      GB-NIR | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2026-07-10T12:00 | 2026-07-16T17:00 | Northern Ireland: Battle of the Boyne on Sunday 12 July, substitute Monday 13: 14, 15, 16
      GB-ENG | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2026-07-10T12:00 | 2026-07-15T17:00 | England has no July holiday: 13, 14, 15
      GB-ENG | BUSINESS_DAYS                   | 15 | 2026-03-23T09:00 | 2026-04-16T00:00 | across the spring clock change (29 March) and Easter (3 and 6 April): 15th is 15 April
      GB-ENG | WEEKS                           | 8  | 2025-09-01T10:00 | 2025-10-28T00:00 | across the autumn clock change: eight weeks after 1 September is 27 October (GMT)
      GB-ENG | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2025-05-26T10:00 | 2025-05-29T17:00 | received on the spring bank holiday: 27, 28, 29
      GB-ENG | BUSINESS_DAYS                   | 15 | 2024-02-29T10:00 | 2024-03-22T00:00 | received on 29 February 2024: 1 March is day 1, 21 March day 15
      GB-ENG | WEEKS                           | 8  | 2024-02-29T10:00 | 2024-04-26T00:00 | eight weeks after 29 February 2024 is 25 April (BST)
      GB-ENG | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2025-10-24T23:59 | 2025-10-29T17:00 | 23:59 on a Friday, clocks go back on 26 October: 27, 28, 29 at 17:00 GMT
      GB-ENG | BUSINESS_DAYS                   | 15 | 2025-01-31T16:00 | 2025-02-22T00:00 | received at a month end: 3 February is day 1, 21 February day 15
      GB-ENG | BUSINESS_HOURS                  | 8  | 2025-03-28T15:00 | 2025-03-31T15:00 | two hours on Friday, six on Monday after the clocks went forward
      GB-ENG | BUSINESS_HOURS                  | 4  | 2025-04-19T10:00 | 2025-04-22T13:00 | Saturday of the Easter weekend: the next opening is Tuesday 09:00
      GB-ENG | BUSINESS_HOURS                  | 4  | 2025-04-17T23:59 | 2025-04-22T13:00 | 23:59 before Good Friday: Friday and Monday are bank holidays
      GB-ENG | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2026-08-28T17:30 | 2026-09-03T17:00 | after hours before the summer bank holiday (31 August): 1, 2, 3 September
      GB-WLS | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2026-04-02T12:00 | 2026-04-09T17:00 | Wales keeps Good Friday and Easter Monday: 7, 8, 9 April
      GB-SCT | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2026-04-02T12:00 | 2026-04-08T17:00 | Scotland has no Easter Monday holiday: 6, 7, 8 April
      US     | CALENDAR_DAYS                   | 15 | 2025-12-20T12:00 | 2026-01-05T00:00 | CFPB 15 days from a Saturday: end of Sunday 4 January
      US     | CALENDAR_DAYS                   | 60 | 2025-12-20T12:00 | 2026-02-19T00:00 | CFPB 60 days: end of Wednesday 18 February
      US     | CALENDAR_DAYS                   | 15 | 2026-03-01T10:00 | 2026-03-17T00:00 | across the spring clock change (8 March): end of 16 March, EDT
      US     | CALENDAR_DAYS                   | 15 | 2025-10-20T23:59 | 2025-11-05T00:00 | 23:59, across the autumn clock change (2 November): end of 4 November, EST
      US     | CALENDAR_DAYS                   | 15 | 2024-02-29T10:00 | 2024-03-16T00:00 | from 29 February 2024: end of 15 March
      US     | BUSINESS_DAYS                   | 15 | 2026-07-01T10:00 | 2026-07-24T00:00 | Independence Day on a Saturday is observed Friday 3 July: 15th business day 23 July
      US     | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2026-11-25T10:00 | 2026-12-01T17:00 | Thanksgiving 26 November: 27, 30 November, 1 December
      US     | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2027-06-16T10:00 | 2027-06-22T17:00 | Juneteenth 2027 on a Saturday is observed Friday 18 June: 17, 21, 22
      US     | BUSINESS_HOURS                  | 8  | 2026-03-06T13:00 | 2026-03-09T13:00 | four hours on Friday (EST), four on Monday (EDT)
      US     | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 3  | 2026-12-31T10:00 | 2027-01-06T17:00 | New Year 2027 on a Friday: 4, 5, 6 January
      US     | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 1  | 2027-12-23T10:00 | 2027-12-27T17:00 | Christmas 2027 on a Saturday is observed Friday 24 December
      US     | BUSINESS_DAYS_CLOSE_OF_BUSINESS | 1  | 2027-12-30T10:00 | 2028-01-03T17:00 | New Year 2028 on a Saturday is observed Friday 31 December 2027
      DE-HE  | BUSINESS_DAYS                   | 15 | 2025-05-28T14:00 | 2025-06-24T00:00 | PSD2 Art. 101: Ascension, Whit Monday and Corpus Christi (Hesse) skipped: 23 June
      DE-HE  | BUSINESS_DAYS                   | 35 | 2025-05-28T14:00 | 2025-07-22T00:00 | with a holding reply: the 35th business day is 21 July
      DE     | BUSINESS_DAYS                   | 15 | 2026-05-11T10:00 | 2026-06-04T00:00 | federal holidays Ascension 14 May and Whit Monday 25 May: 15th business day 3 June
      DE     | BUSINESS_DAYS                   | 15 | 2026-05-18T10:00 | 2026-06-10T00:00 | Corpus Christi is not a federal holiday: 4 June counts, 15th is 9 June
      DE-HE  | BUSINESS_DAYS                   | 15 | 2026-05-18T10:00 | 2026-06-11T00:00 | Hesse keeps Corpus Christi (4 June): 15th is 10 June
      FR     | BUSINESS_DAYS                   | 15 | 2026-07-06T10:00 | 2026-07-29T00:00 | France: 14 July skipped, 15th business day 28 July
      DE-HE  | BUSINESS_DAYS                   | 15 | 2025-12-15T10:00 | 2026-01-09T00:00 | Hesse: 25, 26 December and 1 January; 24 and 31 December are working days
      DE-HE  | BUSINESS_DAYS                   | 15 | 2025-10-13T10:00 | 2025-11-04T00:00 | across the autumn clock change (26 October): 15th business day 3 November, CET
      IE     | BUSINESS_DAYS                   | 15 | 2026-03-09T10:00 | 2026-04-01T00:00 | Ireland: St Patrick's Day 17 March; across the clock change of 29 March: 15th is 31 March
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2025-09-26T10:00 | 2025-10-12T00:00 | last day Saturday 11 October 2025 is a make-up working day: it stands
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2025-09-20T10:00 | 2025-10-10T00:00 | last day 5 October inside Golden Week (1-8 October): moves to Thursday 9 October
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 30 | 2025-09-20T10:00 | 2025-10-21T00:00 | extended to 30 days: Monday 20 October
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 60 | 2025-09-20T10:00 | 2025-11-20T00:00 | extended again to 60 days: Wednesday 19 November
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2025-01-14T10:00 | 2025-02-06T00:00 | last day 29 January inside Spring Festival (28 January - 4 February): Wednesday 5 February
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2025-01-11T10:00 | 2025-01-27T00:00 | last day Sunday 26 January 2025 is a make-up working day: it stands
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2026-02-06T10:00 | 2026-02-25T00:00 | last day 21 February inside Spring Festival 2026 (15-23 February): Tuesday 24 February
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2026-01-30T10:00 | 2026-02-15T00:00 | last day Saturday 14 February 2026 is a make-up working day: it stands
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2024-09-22T10:00 | 2024-10-09T00:00 | last day 7 October 2024, the last day of Golden Week: Tuesday 8 October
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2024-09-27T10:00 | 2024-10-13T00:00 | last day Saturday 12 October 2024 is a make-up working day: it stands
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2025-04-20T23:59 | 2025-05-07T00:00 | 23:59: last day 5 May inside the Labour Day holiday (1-5 May): Tuesday 6 May
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2024-02-29T10:00 | 2024-03-16T00:00 | from 29 February 2024: Friday 15 March
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2026-03-13T10:00 | 2026-03-31T00:00 | last day an ordinary Saturday (28 March): Monday 30 March
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2026-04-30T10:00 | 2026-05-16T00:00 | from a month end: Friday 15 May
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2026-09-12T10:00 | 2026-09-29T00:00 | last day 27 September inside the Mid-Autumn holiday (25-27): Monday 28 September
      CN     | CALENDAR_DAYS_TO_BUSINESS_DAY   | 15 | 2026-09-05T10:00 | 2026-09-21T00:00 | last day Sunday 20 September 2026 is a make-up working day: it stands
      """)
  void deadlineFallsWhereTheRuleSays(
      String jurisdiction, SlaUnit unit, int amount, LocalDateTime received, LocalDateTime expected, String why) {
    BusinessCalendar calendar = calendar(jurisdiction);
    Instant start = received.atZone(calendar.zone()).toInstant();
    Instant deadline = calendar.deadline(start, new SlaLimit(amount, unit));
    assertThat(deadline).as(why).isEqualTo(expected.atZone(calendar.zone()).toInstant());
  }
}
