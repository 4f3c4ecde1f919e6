package io.clm.complaints.profiles;

import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Severity;
import java.util.Map;
import java.util.Objects;

/**
 * A workflow whose SLA policies come from a regulator: the same deadlines for urgent and normal
 * complaints (urgency changes the order of work, not the legal limit), one policy per category,
 * the general policy for every other category. The standard state machine.
 */
abstract class RegulatoryProfile implements ComplaintWorkflow {
  private final String id;
  private final SlaPolicy general;
  private final Map<String, SlaPolicy> byCategory;

  RegulatoryProfile(String id, SlaPolicy general, Map<String, SlaPolicy> byCategory) {
    this.id = id;
    this.general = general;
    this.byCategory = Map.copyOf(byCategory);
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final SlaPolicy slaPolicy(Severity severity, String category) {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(category, "category");
    return byCategory.getOrDefault(category, general);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + id + "]";
  }
}
