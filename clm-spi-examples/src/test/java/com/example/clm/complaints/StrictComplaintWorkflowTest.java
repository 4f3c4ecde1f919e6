package com.example.clm.complaints;

import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.tck.ComplaintWorkflowContract;

/** The test kit's contract, run against the example. */
class StrictComplaintWorkflowTest extends ComplaintWorkflowContract {
  @Override
  protected ComplaintWorkflow createPlugin() {
    return new StrictComplaintWorkflow();
  }
}
