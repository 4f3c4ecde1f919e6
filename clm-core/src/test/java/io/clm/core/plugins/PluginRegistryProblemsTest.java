package io.clm.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginInfo;
import io.clm.api.retention.RetentionStrategy;
import io.clm.api.spi.PluginRules;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Broken plugins are left out and named with their class and where it was loaded from, every
 * duplicate id is reported, and the plugins that load are still found.
 */
class PluginRegistryProblemsTest {

  /** Where this module's test classes, and so the plugins below, are loaded from. */
  private static final String HERE =
      PluginRegistryProblemsTest.class.getProtectionDomain().getCodeSource().getLocation().toString();

  public static final class Fine extends PluginRegistryOrderTest.Quiet {
    @Override
    public String id() {
      return "test.fine";
    }
  }

  public static final class Exploding extends PluginRegistryOrderTest.Quiet {
    /** Fails as a plugin whose dependencies are missing would. */
    public Exploding() {
      throw new IllegalStateException("boom");
    }

    @Override
    public String id() {
      return "test.exploding";
    }
  }

  public static final class ThrowingId extends PluginRegistryOrderTest.Quiet {
    @Override
    public String id() {
      throw new UnsupportedOperationException("no id yet");
    }
  }

  public static final class BadId extends PluginRegistryOrderTest.Quiet {
    @Override
    public String id() {
      return "Not An Id";
    }
  }

  public static final class TwinOne extends PluginRegistryOrderTest.Quiet {
    @Override
    public String id() {
      return "test.twin";
    }
  }

  public static final class TwinTwo extends PluginRegistryOrderTest.Quiet {
    @Override
    public String id() {
      return "test.twin";
    }
  }

  private static URLClassLoader loader(Path dir) {
    return ServicesDirectory.loader(
        dir,
        RetentionStrategy.class,
        List.of(TwinTwo.class, Exploding.class, Fine.class, ThrowingId.class, BadId.class, TwinOne.class));
  }

  @Test
  void everyBrokenPluginIsNamedWithItsClassAndLocationAndTheRestLoad(@TempDir Path dir) throws Exception {
    try (URLClassLoader loader = loader(dir)) {
      PluginRegistry registry = PluginRegistry.discover(loader);

      assertThat(registry.all(RetentionStrategy.class)).extracting(RetentionStrategy::id).contains("test.fine")
          .doesNotContain("test.twin", "test.exploding");
      assertThat(registry.get(RetentionStrategy.class, "test.fine")).isInstanceOf(Fine.class);
      assertThat(registry.problems()).containsExactly(
          "RetentionStrategy " + Exploding.class.getName() + " (" + HERE
              + ") could not be instantiated: java.lang.IllegalStateException: boom",
          "RetentionStrategy " + ThrowingId.class.getName()
              + ": id() threw java.lang.UnsupportedOperationException: no id yet",
          "RetentionStrategy " + BadId.class.getName() + ": " + PluginRules.idProblem("Not An Id").orElseThrow(),
          "two RetentionStrategy plugins have the id 'test.twin': " + TwinTwo.class.getName() + " (" + HERE + ") and "
              + TwinOne.class.getName() + " (" + HERE + ")");
    }
  }

  @Test
  void aDuplicateIdIsRefusedByNameAndAnUnknownIdListsTheKnownOnesAndTheProblems(@TempDir Path dir)
      throws Exception {
    try (URLClassLoader loader = loader(dir)) {
      PluginRegistry registry = PluginRegistry.discover(loader);

      assertThatThrownBy(() -> registry.get(RetentionStrategy.class, "test.twin"))
          .isInstanceOf(PluginConfigurationException.class)
          .hasMessageStartingWith("two RetentionStrategy plugins have the id 'test.twin': ")
          .hasMessageEndingWith("; remove one of them");
      List<String> known = registry.all(RetentionStrategy.class).stream().map(RetentionStrategy::id).toList();
      assertThatThrownBy(() -> registry.get(RetentionStrategy.class, "test.nope"))
          .isInstanceOf(PluginConfigurationException.class)
          .hasMessageStartingWith("no RetentionStrategy with id 'test.nope'; known ids are " + known
              + "; 4 plugins of this kind could not be loaded: RetentionStrategy " + Exploding.class.getName())
          .hasMessageContaining("; two RetentionStrategy plugins have the id 'test.twin'");
    }
  }

  @Test
  void theListingNamesEachPluginsLocationAndVersionInKindAndIdOrder(@TempDir Path dir) throws Exception {
    try (URLClassLoader loader = loader(dir)) {
      PluginRegistry registry = PluginRegistry.discover(loader);
      registry.all(RetentionStrategy.class);

      List<PluginInfo> infos = registry.list();
      assertThat(infos).isSortedAccordingTo(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::id));
      assertThat(infos).filteredOn(info -> info.id().equals("test.fine")).singleElement().satisfies(info -> {
        assertThat(info.kind()).isEqualTo("RetentionStrategy");
        assertThat(info.className()).isEqualTo(Fine.class.getName());
        assertThat(info.location()).isEqualTo(HERE).startsWith("file:");
        // a class in a directory has no manifest, no module version and no package version
        assertThat(info.version()).isEqualTo("unknown");
      });
    }
  }

  @Test
  void aServicesFileNamingNoPluginIsReportedLineByLineAndTheRestLoad(@TempDir Path dir) throws Exception {
    String service = RetentionStrategy.class.getName();
    try (URLClassLoader loader = ServicesDirectory.loaderOfLines(
        dir, RetentionStrategy.class, List.of("com.example.Missing", Fine.class.getName(), ServicesDirectory.class.getName()))) {
      PluginRegistry registry = PluginRegistry.discover(loader);

      assertThat(registry.all(RetentionStrategy.class)).extracting(RetentionStrategy::id).contains("test.fine");
      assertThat(registry.problems()).containsExactly(
          service + ": Provider com.example.Missing not found",
          service + ": " + ServicesDirectory.class.getName() + " not a subtype");
    }
  }
}
