package com.example.clm.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.Clm;
import io.clm.api.CustomerId;
import io.clm.api.LifecycleEngine;
import io.clm.api.Money;
import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginInfo;
import io.clm.api.Plugins;
import io.clm.api.event.Channel;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import io.clm.api.event.Transaction;
import io.clm.api.model.LifecycleModelProvider;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The examples, packaged as a jar by the build, found on the class path through the public entry
 * point alone: {@code Clm.plugins(new URLClassLoader(jar))}. The examples' classes are not on this
 * test's class path (see the failsafe configuration in the pom), so everything here comes from the
 * jar. Broken vendor jars (a duplicate id, a provider that throws in its constructor) are compiled
 * at test time.
 */
class PluginDiscoveryIT {
  private static final String SPI = LifecycleModelProvider.class.getName();

  static Path examplesJar;
  static URL examplesUrl;

  @BeforeAll
  static void findTheJar() throws IOException {
    examplesJar = Path.of(System.getProperty("clm.examples.jar"));
    assertThat(examplesJar).as("the examples jar, built by `package`").isRegularFile();
    examplesUrl = examplesJar.toUri().toURL();
  }

  @Test
  void theExamplesAreNotVisibleWithoutTheJar() {
    assertThatThrownBy(() -> getClass().getClassLoader().loadClass("com.example.clm.cards.CreditCardLifecycle"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Clm.plugins(getClass().getClassLoader()).get(LifecycleModelProvider.class, "example.credit-card"))
        .isInstanceOf(PluginConfigurationException.class)
        .hasMessageStartingWith("no LifecycleModelProvider with id 'example.credit-card'; known ids are [");
  }

  @Test
  void theExamplesJarIsDiscoveredOnTheClassPathAndListedWithItsJarAndVersion() throws IOException {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {examplesUrl}, getClass().getClassLoader())) {
      Plugins plugins = Clm.plugins(loader);
      assertThat(plugins.get(LifecycleModelProvider.class, "example.credit-card").getClass().getName())
          .isEqualTo("com.example.clm.cards.CreditCardLifecycle");
      assertThat(plugins.list())
          .filteredOn(info -> info.className().startsWith("com.example."))
          .containsExactlyElementsOf(ExpectedExamples.infos(examplesUrl.toString(), System.getProperty("clm.examples.version")));
      assertThat(plugins.list())
          .as("the built-in models are listed too, from clm-core")
          .anyMatch(info -> info.id().equals("banking-six-stage") && info.className().startsWith("io.clm.core."));
    }
  }

  @Test
  void anEngineRunsTheExampleModelChosenById() throws IOException {
    Instant now = Instant.parse("2025-03-01T10:00:00Z");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {examplesUrl}, getClass().getClassLoader())) {
      LifecycleEngine engine =
          Clm.builder()
              .model("example.credit-card")
              .currency("EUR")
              .classLoader(loader)
              .clock(Clock.fixed(now, ZoneOffset.UTC))
              .build();
      CustomerId card = CustomerId.of("CARD-001");
      engine.ingest(new Transaction("t1", card, now.minusSeconds(60), Direction.DEBIT, Money.of("42.00", "EUR"), ProductType.CARD, Channel.POS));
      assertThat(engine.customer(card)).get().extracting(c -> c.stage()).isEqualTo("activated");
    }
  }

  @Test
  void aDuplicateIdNamesBothClassesAndTheirJarsAndStopsOnlyWhatUsesIt(@TempDir Path dir) throws IOException {
    Path copy =
        VendorJar.build(
            dir,
            "card-copy.jar",
            Map.of("com.acme.cards.CardCopy", provider("CardCopy", "\"example.credit-card\"", "")),
            Map.of(SPI, List.of("com.acme.cards.CardCopy")));
    String clash =
        "two LifecycleModelProvider plugins have the id 'example.credit-card': "
            + "com.example.clm.cards.CreditCardLifecycle ("
            + examplesUrl
            + ") and com.acme.cards.CardCopy ("
            + copy.toUri().toURL()
            + ")";
    try (URLClassLoader loader = new URLClassLoader(new URL[] {examplesUrl, copy.toUri().toURL()}, getClass().getClassLoader())) {
      Plugins plugins = Clm.plugins(loader);
      assertThat(plugins.problems()).containsExactly(clash);
      assertThatThrownBy(() -> plugins.get(LifecycleModelProvider.class, "example.credit-card"))
          .isInstanceOf(PluginConfigurationException.class)
          .hasMessage(clash + "; remove one of them");
      assertThatThrownBy(() -> Clm.builder().model("example.credit-card").currency("EUR").classLoader(loader).build())
          .isInstanceOf(PluginConfigurationException.class)
          .hasMessage(clash + "; remove one of them");
      assertThat(Clm.builder().model("banking-six-stage").currency("EUR").classLoader(loader).build())
          .as("an engine that does not use the clashing id")
          .isNotNull();
    }
  }

  @Test
  void everyDuplicateIdIsReportedAtOnce(@TempDir Path dir) throws IOException {
    Path copies =
        VendorJar.build(
            dir,
            "copies.jar",
            Map.of(
                "com.acme.cards.CardCopy", provider("CardCopy", "\"example.credit-card\"", ""),
                "com.acme.cards.SixCopy", provider("SixCopy", "\"banking-six-stage\"", "")),
            Map.of(SPI, List.of("com.acme.cards.CardCopy", "com.acme.cards.SixCopy")));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {examplesUrl, copies.toUri().toURL()}, getClass().getClassLoader())) {
      List<String> problems = Clm.plugins(loader).problems();
      assertThat(problems).hasSize(2);
      assertThat(problems.get(0))
          .startsWith("two LifecycleModelProvider plugins have the id 'banking-six-stage': io.clm.core.models.BankingSixStageProvider (")
          .endsWith("com.acme.cards.SixCopy (" + copies.toUri().toURL() + ")");
      assertThat(problems.get(1))
          .startsWith("two LifecycleModelProvider plugins have the id 'example.credit-card': com.example.clm.cards.CreditCardLifecycle (")
          .endsWith("com.acme.cards.CardCopy (" + copies.toUri().toURL() + ")");
    }
  }

  @Test
  void aProviderThatThrowsInItsConstructorIsNamedWithItsJarAndTheCauseAndStopsNothingElse(@TempDir Path dir)
      throws IOException {
    Path broken =
        VendorJar.build(
            dir,
            "unlicensed.jar",
            Map.of(
                "com.acme.cards.Unlicensed",
                provider("Unlicensed", "\"acme.unlicensed\"", "throw new IllegalStateException(\"licence file acme.lic not found\");")),
            Map.of(SPI, List.of("com.acme.cards.Unlicensed")));
    URL brokenUrl = broken.toUri().toURL();
    String problem =
        "LifecycleModelProvider com.acme.cards.Unlicensed ("
            + brokenUrl
            + ") could not be instantiated: java.lang.IllegalStateException: licence file acme.lic not found";
    try (URLClassLoader loader = new URLClassLoader(new URL[] {examplesUrl, brokenUrl}, getClass().getClassLoader())) {
      Plugins plugins = Clm.plugins(loader);
      assertThat(plugins.problems()).containsExactly(problem);
      assertThat(plugins.get(LifecycleModelProvider.class, "example.credit-card")).isNotNull();
      LifecycleEngine engine = Clm.builder().model("example.credit-card").currency("EUR").classLoader(loader).build();
      assertThat(engine).as("an engine that does not need the broken plugin").isNotNull();
      assertThatThrownBy(() -> Clm.builder().model("acme.unlicensed").currency("EUR").classLoader(loader).build())
          .as("an engine that needs it")
          .isInstanceOf(PluginConfigurationException.class)
          .hasMessageStartingWith("no LifecycleModelProvider with id 'acme.unlicensed'; known ids are [")
          .hasMessageEndingWith("; 1 plugin of this kind could not be loaded: " + problem);
    }
  }

  @Test
  void everyBrokenProviderIsNamedNotJustTheFirst(@TempDir Path dir) throws IOException {
    Path broken =
        VendorJar.build(
            dir,
            "broken.jar",
            Map.of(
                "com.acme.cards.Unlicensed",
                provider("Unlicensed", "\"acme.unlicensed\"", "throw new IllegalStateException(\"no licence\");"),
                "com.acme.cards.Fine",
                provider("Fine", "\"acme.fine\"", "")),
            Map.of(SPI, List.of("com.acme.cards.Unlicensed", "com.acme.cards.Missing", "com.acme.cards.Fine")));
    try (URLClassLoader loader = new URLClassLoader(new URL[] {broken.toUri().toURL()}, getClass().getClassLoader())) {
      Plugins plugins = Clm.plugins(loader);
      assertThat(plugins.problems()).hasSize(2);
      assertThat(plugins.problems().get(0))
          .startsWith("LifecycleModelProvider com.acme.cards.Unlicensed (")
          .endsWith("could not be instantiated: java.lang.IllegalStateException: no licence");
      assertThat(plugins.problems().get(1))
          .isEqualTo("io.clm.api.model.LifecycleModelProvider: Provider com.acme.cards.Missing not found");
      assertThat(plugins.get(LifecycleModelProvider.class, "acme.fine").getClass().getName()).isEqualTo("com.acme.cards.Fine");
    }
  }

  @Test
  void theJarDeclaresEveryServiceInItsModuleDescriptorToo() throws IOException {
    var descriptor = java.lang.module.ModuleFinder.of(examplesJar).findAll().iterator().next().descriptor();
    assertThat(descriptor.name()).isEqualTo("com.example.clm");
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile(examplesJar.toFile())) {
      for (java.lang.module.ModuleDescriptor.Provides p : descriptor.provides()) {
        var entry = jar.getJarEntry("META-INF/services/" + p.service());
        assertThat(entry).as("META-INF/services/%s (written by @AutoService)", p.service()).isNotNull();
        List<String> listed = new String(jar.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
            .lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).sorted().toList();
        assertThat(listed).as("providers of %s in META-INF/services and in module-info", p.service())
            .isEqualTo(p.providers().stream().sorted().toList());
      }
      assertThat(jar.getManifest().getMainAttributes().getValue("Implementation-Version"))
          .isEqualTo(System.getProperty("clm.examples.version"));
    }
    assertThat(Files.size(examplesJar)).isPositive();
  }

  static String provider(String simpleName, String idExpression, String constructorBody) {
    return "package com.acme.cards;\n"
        + "public final class " + simpleName + " implements io.clm.api.model.LifecycleModelProvider {\n"
        + "  public " + simpleName + "() { " + constructorBody + " }\n"
        + "  @Override public String id() { return " + idExpression + "; }\n"
        + "  @Override public java.util.Map<String, Double> defaultParameters() { return java.util.Map.of(); }\n"
        + "  @Override public io.clm.api.model.LifecycleModel create(java.util.Map<String, Double> overrides) {\n"
        + "    throw new UnsupportedOperationException();\n"
        + "  }\n"
        + "}\n";
  }
}
