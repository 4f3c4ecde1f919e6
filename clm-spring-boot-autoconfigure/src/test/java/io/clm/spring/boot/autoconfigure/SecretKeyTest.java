package io.clm.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The id mask's key is a secret: Actuator's endpoints never show it, even set to show values. */
class SecretKeyTest {
  private static final String KEY = Base64.getEncoder().encodeToString(
      "thirty-two bytes of a secret key".getBytes(StandardCharsets.US_ASCII));

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(ClmAutoConfigurationTest.CLM)
      .withPropertyValues(ClmAutoConfigurationTest.TWO_PROPERTIES)
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
  void theEnvironmentEndpointMasksTheKey() {
    runner.run(context -> {
      List<SanitizingFunction> sanitizers = context.getBeanProvider(SanitizingFunction.class).orderedStream().toList();
      EnvironmentEndpoint endpoint = new EnvironmentEndpoint(context.getEnvironment(), sanitizers, Show.ALWAYS);
      String entry = new ObjectMapper().writeValueAsString(endpoint.environmentEntry("clm.id-mask-key"));
      assertThat(entry).contains("\"value\":\"******\"").doesNotContain(KEY);
    });
  }
}
