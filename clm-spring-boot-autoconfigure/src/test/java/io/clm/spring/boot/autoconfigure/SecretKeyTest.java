package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

/**
 * The id mask's key is a secret: Actuator's endpoints never show it, even set to show values, nor
 * does the report of a start that refuses it.
 */
class SecretKeyTest {
  private static final String KEY = Base64.getEncoder().encodeToString(
      "thirty-two bytes of a secret key".getBytes(StandardCharsets.US_ASCII));

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(ClmContexts.CLM)
      .withPropertyValues(ClmContexts.TWO_PROPERTIES)
      .withPropertyValues("clm.scheduling.enabled=false", "clm.id-mask-key=" + KEY);

  @Test
  void theConfigurationPropertiesEndpointMasksTheKey() {
    runner.run(context -> {
      assertThat(context).hasNotFailed();
      List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
      ConfigurationPropertiesReportEndpoint endpoint = new ConfigurationPropertiesReportEndpoint(sanitizers, Show.ALWAYS);
      endpoint.setApplicationContext(context);
      String report = new ObjectMapper().writeValueAsString(endpoint.configurationPropertiesWithPrefix("clm"));
      assertThat(report).contains("banking-six-stage", "\"idMaskKey\":\"******\"").doesNotContain(KEY);
    });
  }

  @Test
  void theReportOfAStartThatRefusesTheKeyDoesNotShowIt() {
    // A key of 16 bytes, too short, on the command line.
    String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(
        "--clm.model=banking-six-stage", "--clm.currency=EUR", "--clm.scheduling.enabled=false",
        "--clm.id-mask-key=" + shortKey));
    SpringApplication application = new SpringApplication(Clm.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    application.setEnvironment(environment);
    Throwable failure = catchThrowable(application::run);
    assertThat(failure).hasRootCauseInstanceOf(InvalidConfigurationPropertyValueException.class);

    // The report Spring Boot logs for a failed start: the first analysis of its failure analyzers.
    FailureAnalysis analysis = SpringFactoriesLoader.forDefaultResourceLocation(SecretKeyTest.class.getClassLoader())
        .load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, environment), FailureHandler.handleMessage((m, e) -> {}))
        .stream()
        .map(analyzer -> analyzer.analyze(failure))
        .filter(Objects::nonNull)
        .findFirst()
        .orElseThrow();
    assertThat(analysis.getDescription() + analysis.getAction())
        .contains("clm.id-mask-key", "16 bytes")
        .doesNotContain(shortKey);
  }

  @Test
  void theEnvironmentEndpointMasksTheKey() {
    runner.run(context -> {
      List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
      EnvironmentEndpoint endpoint = new EnvironmentEndpoint(context.getEnvironment(), sanitizers, Show.ALWAYS);
      String entry = new ObjectMapper().writeValueAsString(endpoint.environmentEntry("clm.id-mask-key"));
      assertThat(entry).contains("\"value\":\"******\"").doesNotContain(KEY);
    });
  }

  /**
   * The key can also reach the environment inside another property's value: in the JSON of {@code
   * spring.application.json} ({@code SPRING_APPLICATION_JSON}), or in the command line that the
   * JVM keeps as {@code sun.java.command}. The endpoint masks those values whole.
   */
  @Test
  void theEnvironmentEndpointMasksValuesThatCarryTheKey() {
    runner
        .withSystemProperties(
            "spring.application.json={\"clm\":{\"idMaskKey\":\"" + KEY + "\"}}",
            "sun.java.command=bank-app.jar --clm.id-mask-key=" + KEY,
            "clm.test.unrelated=" + "an-ordinary-value")
        .run(context -> {
          List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
          EnvironmentEndpoint endpoint = new EnvironmentEndpoint(context.getEnvironment(), sanitizers, Show.ALWAYS);
          String all = new ObjectMapper().writeValueAsString(endpoint.environment(null));
          assertThat(all).doesNotContain(KEY).contains("an-ordinary-value");
          assertThat(new ObjectMapper().writeValueAsString(endpoint.environmentEntry("spring.application.json")))
              .contains("\"value\":\"******\"");
          assertThat(new ObjectMapper().writeValueAsString(endpoint.environmentEntry("sun.java.command")))
              .contains("\"value\":\"******\"");
        });
  }

  /** An application of clm's engine only. */
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(ClmAutoConfiguration.class)
  static class Clm {}
}
