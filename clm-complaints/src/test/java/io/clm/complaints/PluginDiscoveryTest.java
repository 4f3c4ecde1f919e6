package io.clm.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.complaints.ComplaintState;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.event.Severity;
import io.clm.core.plugins.PluginRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in workflows are found by the engine's plugin registry and keep the SPI contract. */
class PluginDiscoveryTest {

  @Test
  void theRegistryFindsEveryBuiltInWorkflow() {
    List<ComplaintWorkflow> found =
        PluginRegistry.discover(getClass().getClassLoader()).all(ComplaintWorkflow.class);
    assertThat(found).extracting(ComplaintWorkflow::id)
        .contains("standard", "uk-fca-disp", "us-cfpb", "cn-banking-insurance-2020", "eu-psd2");
    for (ComplaintWorkflow w : found) {
      assertThat(w.next(ComplaintState.WITHDRAWN)).isEmpty();
      for (Severity s : Severity.values()) {
        for (String category : List.of(ComplaintWorkflow.GENERAL, "payment-services", "unknown-category")) {
          assertThat(w.slaPolicy(s, category)).isNotNull();
          assertThat(w.slaPolicy(s, category)).isEqualTo(w.slaPolicy(s, category));
        }
      }
    }
  }
}
