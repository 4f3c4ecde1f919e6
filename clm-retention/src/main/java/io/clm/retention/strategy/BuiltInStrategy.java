package io.clm.retention.strategy;

import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import java.util.Map;

/**
 * What every built-in strategy shares: its id and its {@link Settings}, read as {@link
 * #parameters()} and changed with {@link #configure(Map)}.
 */
abstract class BuiltInStrategy implements RetentionStrategy {
  private final String id;
  private final Settings settings;

  BuiltInStrategy(String id, Settings settings) {
    this.id = id;
    this.settings = settings;
  }

  @Override
  public final String id() {
    return id;
  }

  @Override
  public final Map<String, Double> parameters() {
    return settings.values();
  }

  @Override
  public final RetentionStrategy configure(Map<String, Double> overrides) {
    return with(settings.with(overrides));
  }

  /** The same strategy with these settings. */
  abstract RetentionStrategy with(Settings settings);

  /** The settings, for a strategy's own parameters. */
  final Settings settings() {
    return settings;
  }

  /** A list of actions for one customer, priced with this strategy's costs. */
  final Actions actions(RetentionContext context) {
    return new Actions(context, id, settings);
  }
}
