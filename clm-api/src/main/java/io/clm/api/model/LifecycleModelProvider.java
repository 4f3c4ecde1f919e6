package io.clm.api.model;

import io.clm.api.annotation.Stable;
import io.clm.api.spi.Plugin;
import java.util.Map;

/**
 * A plugin that supplies a lifecycle model, with named, documented parameters (thresholds) that
 * users may override. The built-in models ({@code banking-six-stage}, {@code three-stage}, ...) are
 * providers like any other.
 *
 * <p>Register with {@code @AutoService(LifecycleModelProvider.class)} and, on the module path,
 * {@code provides io.clm.api.model.LifecycleModelProvider with YourProvider;}.
 */
@Stable
public interface LifecycleModelProvider extends Plugin {

  /**
   * The model's parameters and their default values, such as {@code growth.min-transactions = 6}.
   *
   * @return parameter names to defaults
   */
  Map<String, Double> defaultParameters();

  /**
   * Builds the model with some parameters overridden.
   *
   * @param overrides parameter names to values; every name must be one of {@link
   *     #defaultParameters()}
   * @return the model, whose id is {@link #id()}
   * @throws io.clm.api.InvalidModelException if a name is unknown or a value is out of range
   */
  LifecycleModel create(Map<String, Double> overrides);

  /**
   * Builds the model with its default parameters.
   *
   * @return the model
   */
  default LifecycleModel create() {
    return create(Map.of());
  }
}
