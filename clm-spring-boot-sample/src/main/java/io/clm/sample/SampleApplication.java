package io.clm.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bank's integration service on clm: the starter and two properties (application.properties). */
@SpringBootApplication
public class SampleApplication {

  /** Created by Spring. */
  public SampleApplication() {}

  /**
   * Starts the service.
   *
   * @param args Spring Boot's command line arguments, such as {@code --spring.profiles.active=postgres}
   */
  public static void main(String[] args) {
    SpringApplication.run(SampleApplication.class, args);
  }
}
