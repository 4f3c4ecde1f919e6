package io.clm.spring.boot.autoconfigure;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a refused {@code clm.id-mask-key} without its value. Spring Boot's own report of a refused
 * property gives the value each property source holds for it, the secret key here; this one runs
 * first, for that property only.
 */
final class IdMaskKeyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException>
    implements Ordered {
  static final String PROPERTY = "clm.id-mask-key";

  IdMaskKeyFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationPropertyValueException cause) {
    if (!PROPERTY.equals(cause.getName())) {
      return null;
    }
    return new FailureAnalysis(
        "Invalid value for configuration property '" + PROPERTY + "' (a secret, not shown): " + cause.getReason(),
        "Give " + PROPERTY + " from your secret store: Base64 of at least 32 random bytes, the same on every start"
            + " once the engine has erased anyone.",
        cause);
  }

  @Override
  public int getOrder() {
    // Before Spring Boot's analyzer of the same exception, which shows the value.
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
