package io.clm.complaints.profiles;

import com.google.auto.service.AutoService;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.plugin.support.BaseRegulatoryProfile;
import java.util.Map;

/**
 * UK, FCA Handbook DISP 1. Every complaint may be closed as a summary resolution if it is resolved
 * by close of business on the third business day after the day of receipt (DISP 1.5.1R; the
 * {@code SUMMARY_RESOLUTION} window); one still open then falls under DISP 1.6. General
 * complaints: final response by the end of eight weeks after receipt (DISP 1.6.2R).
 * Payment-services and e-money complaints (categories {@code payment-services}, {@code e-money}):
 * final response by the end of the 15th business day after receipt, or of the 35th after a holding
 * response in exceptional circumstances (DISP 1.6.2AR, PSRs 2017 reg. 101). DISP has no
 * stop-the-clock: pausing is refused.
 */
@AutoService(ComplaintWorkflow.class)
public final class FcaDispWorkflow extends BaseRegulatoryProfile {

  /** The workflow id. */
  public static final String ID = "uk-fca-disp";

  /** Creates the profile. */
  public FcaDispWorkflow() {
    super(ID, general(), Map.of("payment-services", payments(), "e-money", payments()));
  }

  private static SlaPolicy general() {
    return SlaPolicy.builder(ID + ".general", SlaLimit.weeks(8))
        .summaryResolution(SlaLimit.businessDaysCloseOfBusiness(3))
        .warnBefore(SlaLimit.calendarDays(7))
        .escalation(null)
        .source("FCA Handbook DISP 1.5.1R (close of business on the third business day), DISP 1.6.2R (eight weeks)")
        .build();
  }

  private static SlaPolicy payments() {
    return SlaPolicy.builder(ID + ".payment-services", SlaLimit.businessDays(15))
        .summaryResolution(SlaLimit.businessDaysCloseOfBusiness(3))
        .extension(SlaLimit.businessDays(35))
        .warnBefore(SlaLimit.businessDays(3))
        .escalation(null)
        .source("FCA Handbook DISP 1.5.1R, DISP 1.6.2AR; Payment Services Regulations 2017 reg. 101")
        .build();
  }
}
