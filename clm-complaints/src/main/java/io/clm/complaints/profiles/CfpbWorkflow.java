package io.clm.complaints.profiles;

import com.google.auto.service.AutoService;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.plugin.support.BaseRegulatoryProfile;
import java.util.Map;

/**
 * US, CFPB complaint process: the company responds within 15 calendar days of the complaint being
 * sent to it (reported as the first-response deadline) and closes all but the most complicated
 * complaints within 60 calendar days (the resolution deadline). Count from the time the complaint
 * reached the company portal.
 */
@AutoService(ComplaintWorkflow.class)
public final class CfpbWorkflow extends BaseRegulatoryProfile {

  /** The workflow id. */
  public static final String ID = "us-cfpb";

  /** Creates the profile. */
  public CfpbWorkflow() {
    super(
        ID,
        SlaPolicy.builder(ID + ".general", SlaLimit.calendarDays(60))
            .firstResponse(SlaLimit.calendarDays(15))
            .warnBefore(SlaLimit.calendarDays(3))
            .escalation(null)
            .source("CFPB Company Portal Manual, 8.1: response within 15 calendar days, final within 60")
            .build(),
        Map.of());
  }
}
