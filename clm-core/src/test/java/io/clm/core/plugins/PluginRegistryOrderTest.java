package io.clm.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.PluginInfo;
import io.clm.api.StageFamily;
import io.clm.api.model.LifecycleModelProvider;
import io.clm.api.retention.RetentionAction;
import io.clm.api.retention.RetentionContext;
import io.clm.api.retention.RetentionStrategy;
import io.clm.api.spi.Plugin;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** all(kind) and list() are ordered by id, whatever order the services files name the plugins in. */
class PluginRegistryOrderTest {

  /** A strategy that proposes nothing; subclasses differ only by id. */
  public abstract static class Quiet implements RetentionStrategy {
    @Override
    public Set<StageFamily> families() {
      return EnumSet.allOf(StageFamily.class);
    }

    @Override
    public List<RetentionAction> propose(RetentionContext context) {
      return List.of();
    }
  }

  public static final class Zulu extends Quiet {
    @Override
    public String id() {
      return "test.zulu";
    }
  }

  public static final class Alpha extends Quiet {
    @Override
    public String id() {
      return "test.alpha";
    }
  }

  public static final class Mike extends Quiet {
    @Override
    public String id() {
      return "test.mike";
    }
  }

  public static final class Bravo extends Quiet {
    @Override
    public String id() {
      return "test.bravo";
    }
  }

  public static final class Yankee extends Quiet {
    @Override
    public String id() {
      return "test.yankee";
    }
  }

  @Test
  void everyKindIsListedInIdOrder(@TempDir Path dir) throws Exception {
    try (URLClassLoader loader =
        ServicesDirectory.loader(
            dir, RetentionStrategy.class, List.of(Zulu.class, Alpha.class, Yankee.class, Mike.class, Bravo.class))) {
      PluginRegistry registry = PluginRegistry.discover(loader);

      assertThat(registry.all(RetentionStrategy.class))
          .extracting(Plugin::id)
          .containsExactly("test.alpha", "test.bravo", "test.mike", "test.yankee", "test.zulu");
      List<String> models = registry.all(LifecycleModelProvider.class).stream().map(Plugin::id).collect(Collectors.toList());
      assertThat(models).hasSizeGreaterThan(2).isSorted();
      assertThat(registry.list())
          .filteredOn(info -> info.kind().equals("RetentionStrategy"))
          .extracting(PluginInfo::id)
          .containsExactly("test.alpha", "test.bravo", "test.mike", "test.yankee", "test.zulu");
      assertThat(registry.list())
          .filteredOn(info -> info.kind().equals("LifecycleModelProvider"))
          .extracting(PluginInfo::id)
          .containsExactlyElementsOf(models);
    }
  }
}
