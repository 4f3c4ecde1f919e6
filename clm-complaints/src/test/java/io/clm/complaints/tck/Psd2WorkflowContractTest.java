package io.clm.complaints.tck;

import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.complaints.profiles.Psd2Workflow;
import io.clm.tck.ComplaintWorkflowContract;

/** The plugin test kit, run against a built-in plugin. */
class Psd2WorkflowContractTest extends ComplaintWorkflowContract {
  @Override
  protected ComplaintWorkflow createPlugin() {
    return new Psd2Workflow();
  }
}
