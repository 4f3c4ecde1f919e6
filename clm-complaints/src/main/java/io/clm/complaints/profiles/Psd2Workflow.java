package io.clm.complaints.profiles;

import com.google.auto.service.AutoService;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.SlaLimit;
import io.clm.api.complaints.SlaPolicy;
import io.clm.plugin.support.BaseRegulatoryProfile;
import java.util.Map;

/**
 * EU, Directive (EU) 2015/2366 (PSD2) Art. 101(2): a reply within 15 business days of receipt of
 * the complaint; in exceptional situations a holding reply, and the final reply within 35 business
 * days. Business days are those of the member state's calendar the desk is given.
 */
@AutoService(ComplaintWorkflow.class)
public final class Psd2Workflow extends BaseRegulatoryProfile {

  /** The workflow id. */
  public static final String ID = "eu-psd2";

  /** Creates the profile. */
  public Psd2Workflow() {
    super(
        ID,
        SlaPolicy.builder(ID + ".general", SlaLimit.businessDays(15))
            .extension(SlaLimit.businessDays(35))
            .warnBefore(SlaLimit.businessDays(3))
            .escalation(null)
            .source("Directive (EU) 2015/2366, Art. 101(2)")
            .build(),
        Map.of());
  }
}
