package com.example.clm.ireland;

import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.tck.ComplaintWorkflowContract;

/** The test kit's contract, run against the example profile. */
class IrelandConsumerProtectionCodeTest extends ComplaintWorkflowContract {
  @Override
  protected ComplaintWorkflow createPlugin() {
    return new IrelandConsumerProtectionCode();
  }
}
