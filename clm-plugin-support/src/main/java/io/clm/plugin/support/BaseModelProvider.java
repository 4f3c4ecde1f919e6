package io.clm.plugin.support;

import io.clm.api.annotation.Experimental;
import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The base of a lifecycle model provider, the one clm's built-in models extend: its id, its
 * documented default parameters, and resolving the user's overrides into checked {@link
 * Thresholds} (unknown names, non-finite values and out-of-range values are refused with an
 * {@link io.clm.api.InvalidModelException} naming the model, the parameter and the value, and so
 * is a default that breaks the parameter rule) before the model is built.
 *
 * <pre>{@code
 * public final class PrepaidCard extends BaseModelProvider { // with @AutoService(LifecycleModelProvider.class)
 *   public PrepaidCard() { super("acme.prepaid-card", Map.of("dormant.days-inactive", 60.0)); }
 *
 *   protected LifecycleModel build(Thresholds t) {
 *     double days = t.count("dormant.days-inactive", 1);
 *     return LifecycleModel.builder(id()) ... .build();
 *   }
 * }
 * }</pre>
 */
@Experimental
public abstract class BaseModelProvider implements LifecycleModelProvider {
  private final String id;
  private final Map<String, Double> defaults;

  /**
   * Creates the provider.
   *
   * @param id the model's id (see {@link io.clm.api.spi.PluginRules})
   * @param defaults every parameter with its default, in the order to document them
   */
  protected BaseModelProvider(String id, Map<String, Double> defaults) {
    this.id = id;
    this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Map<String, Double> defaultParameters() {
    return defaults;
  }

  @Override
  public final LifecycleModel create(Map<String, Double> overrides) {
    return build(Thresholds.resolve(id, defaults, overrides));
  }

  /**
   * Builds the model from the resolved parameters, reading each through the range check it needs.
   *
   * @param t the parameters
   * @return the model, whose id is this provider's id
   */
  protected abstract LifecycleModel build(Thresholds t);
}
