package com.example.clm.discovery;

import io.clm.api.PluginInfo;
import java.util.List;

/** What discovery must find in the examples jar, ordered as Plugins.list() orders: by kind, then id. */
final class ExpectedExamples {
  private ExpectedExamples() {}

  static List<PluginInfo> infos(String location, String version) {
    return List.of(
        new PluginInfo("example.credit-card", "LifecycleModelProvider", "com.example.clm.cards.CreditCardLifecycle", location, version));
  }
}
