package io.clm.plugin.support;

import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.complaints.ComplaintWorkflow;
import io.clm.api.complaints.Intake;
import io.clm.api.complaints.SlaPolicy;
import io.clm.api.event.Severity;
import io.clm.api.spi.PluginRules;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The base of a regulatory profile, the one clm's built-in profiles (FCA DISP, PSD2, CFPB, the
 * Chinese 2020 rules) extend: a complaint workflow whose SLA policies come from a regulator's rule
 * text. The same deadlines apply to urgent and normal complaints (urgency orders the work, it does
 * not change the legal limit); one policy per category that has its own limits, the general policy
 * for every other category; the standard state machine.
 *
 * <pre>{@code
 * @AutoService(ComplaintWorkflow.class)
 * public final class IrelandCpc extends BaseRegulatoryProfile {
 *   public IrelandCpc() {
 *     super("example.ie-cpc",
 *         SlaPolicy.builder("example.ie-cpc.general", SlaLimit.businessDays(40))
 *             .firstResponse(SlaLimit.businessDays(5))
 *             .source("Central Bank of Ireland, Consumer Protection Code 2012, provision 10.9")
 *             .build(),
 *         Map.of());
 *   }
 * }
 * }</pre>
 *
 * <p>Override {@link #next}, {@link #classificationRules}, {@link #routingRules} or {@link
 * #defaultAssignee} where the profile needs more than the defaults of {@link ComplaintWorkflow}.
 */
@Experimental
public abstract class BaseRegulatoryProfile implements ComplaintWorkflow {
  private final String id;
  private final SlaPolicy general;
  private final Map<String, SlaPolicy> byCategory;

  /**
   * Creates the profile.
   *
   * @param id the workflow's id (see {@link PluginRules})
   * @param general the policy for every category without its own
   * @param byCategory the policies of categories with their own limits, each category in the form
   *     a complaint's category has (not blank, lowercase, no space around it); may be empty
   * @throws NullPointerException if an argument, a category or a policy is null
   * @throws ValidationException if the id breaks the plugin-id rule, a category is blank, not
   *     lowercase or has space around it (no complaint could ever have it), or a policy has no
   *     {@code source} (a regulatory profile cites its rule)
   */
  protected BaseRegulatoryProfile(String id, SlaPolicy general, Map<String, SlaPolicy> byCategory) {
    Objects.requireNonNull(id, "id");
    PluginRules.idProblem(id).ifPresent(problem -> {
      throw new ValidationException("regulatory profile " + problem);
    });
    this.id = id;
    this.general = cited(id, Objects.requireNonNull(general, "general"));
    Map<String, SlaPolicy> copy = new TreeMap<>();
    Objects.requireNonNull(byCategory, "byCategory").forEach((category, policy) ->
        copy.put(category(id, category), cited(id, Objects.requireNonNull(policy, "policy"))));
    this.byCategory = Map.copyOf(copy);
  }

  /**
   * A category in the one form a complaint's category has ({@link PluginRules#categoryProblem}, as
   * {@link Intake} requires): a policy under any other spelling would
   * never apply, and its complaints would silently get the general policy's deadlines.
   */
  private static String category(String id, String category) {
    PluginRules.categoryProblem(category).ifPresent(problem -> {
      throw new ValidationException("regulatory profile '" + id + "': " + problem);
    });
    return category;
  }

  private static SlaPolicy cited(String id, SlaPolicy policy) {
    if (policy.source().isBlank() || policy.source().equals("internal")) {
      throw new ValidationException(
          "regulatory profile '" + id + "' policy '" + policy.id() + "' has no source: cite the rule it implements");
    }
    return policy;
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

  /**
   * The categories with their own policies.
   *
   * @return the categories and their policies, sorted by category
   */
  public final Map<String, SlaPolicy> categoryPolicies() {
    return new TreeMap<>(byCategory);
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + id + "]";
  }
}
