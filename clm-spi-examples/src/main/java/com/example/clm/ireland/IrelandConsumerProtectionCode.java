package com.example.clm.ireland;

import com.google.auto.service.AutoService;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.plugin.support.BaseRegulatoryProfile;
import java.util.Map;

/**
 * A regulatory profile written by a vendor: Ireland, Central Bank of Ireland Consumer Protection
 * Code 2012, provision 10.9. A regulated entity acknowledges each complaint within 5 business days
 * of receipt (10.9(b)), updates the consumer at intervals of not more than 20 business days
 * (10.9(d)) and attempts to investigate and resolve it within 40 business days of receipt
 * (10.9(e)). "Within n business days" is counted to the end of the n-th business day on the
 * Irish calendar ({@code HolidayCalendars.of("IE")}). The Code has no stop-the-clock.
 */
@AutoService(ComplaintWorkflow.class)
public final class IrelandConsumerProtectionCode extends BaseRegulatoryProfile {

  /** The profile's id. */
  public static final String ID = "example.ie-cpc";

  /** The profile; ServiceLoader calls this. */
  public IrelandConsumerProtectionCode() {
    super(
        ID,
        SlaPolicy.builder(ID + ".general", SlaLimit.businessDays(40))
            .firstResponse(SlaLimit.businessDays(5))
            .nextResponse(SlaLimit.businessDays(20))
            .warnBefore(SlaLimit.businessDays(5))
            .escalation(null)
            .source("Central Bank of Ireland, Consumer Protection Code 2012, provision 10.9(b), (d), (e)")
            .build(),
        Map.of());
  }
}
