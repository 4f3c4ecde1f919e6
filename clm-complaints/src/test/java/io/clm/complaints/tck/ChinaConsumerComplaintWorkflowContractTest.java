package io.clm.complaints.tck;

import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.complaints.profiles.ChinaConsumerComplaintWorkflow;
import io.clm.tck.ComplaintWorkflowContract;

/** The plugin test kit, run against a built-in plugin. */
class ChinaConsumerComplaintWorkflowContractTest extends ComplaintWorkflowContract {
  @Override
  protected ComplaintWorkflow createPlugin() {
    return new ChinaConsumerComplaintWorkflow();
  }
}
