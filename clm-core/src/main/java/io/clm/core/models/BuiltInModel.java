package io.clm.core.models;

import io.clm.api.model.LifecycleModel;
import io.clm.api.model.LifecycleModelProvider;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every built-in model provider shares: its id, its documented default parameters, and
 * resolving the user's overrides into checked {@link Thresholds} before the model is built.
 */
abstract class BuiltInModel implements LifecycleModelProvider {
  private final String id;
  private final Map<String, Double> defaults;

  BuiltInModel(String id, Map<String, Double> defaults) {
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

  /** Builds the model from the resolved, checked parameters. */
  abstract LifecycleModel build(Thresholds t);
}
