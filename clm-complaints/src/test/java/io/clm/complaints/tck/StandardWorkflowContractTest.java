package io.clm.complaints.tck;

import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.complaints.profiles.StandardWorkflow;
import io.clm.tck.ComplaintWorkflowContract;

/** The plugin test kit, run against a built-in plugin. */
class StandardWorkflowContractTest extends ComplaintWorkflowContract {
  @Override
  protected ComplaintWorkflow createPlugin() {
    return new StandardWorkflow();
  }
}
