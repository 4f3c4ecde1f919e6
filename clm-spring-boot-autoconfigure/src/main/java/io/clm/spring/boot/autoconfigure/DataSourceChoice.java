package io.clm.spring.boot.autoconfigure;

import java.lang.System.Logger.Level;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.ApplicationContext;
import org.springframework.util.ClassUtils;

/**
 * Why the engine got no store, said at start. {@link ClmStoreAutoConfiguration} takes the
 * application's {@code DataSource} only when one can be chosen: the only one, or the primary one.
 * With {@code clm.store.use-data-source=true} set, an engine left in memory stops the start;
 * without it, an engine left in memory beside several {@code DataSource} beans is logged, since
 * the application most likely meant one of them to hold the state.
 */
final class DataSourceChoice {
  static final String PROPERTY = "clm.store.use-data-source";

  private static final System.Logger LOG = System.getLogger(DataSourceChoice.class.getName());

  private DataSourceChoice() {}

  /**
   * Called when the engine of the starter gets no {@code CustomerStore}.
   *
   * @throws InvalidConfigurationPropertyValueException when {@code clm.store.use-data-source=true}
   *     is set, naming why no {@code DataSource} holds the state
   */
  static void engineInMemory(ApplicationContext context) {
    String set = context.getEnvironment().getProperty(PROPERTY);
    if (set != null && !"true".equalsIgnoreCase(set.strip())) {
      return;
    }
    List<String> dataSources = List.of(context.getBeanNamesForType(DataSource.class));
    boolean jdbc = ClassUtils.isPresent("io.clm.store.jdbc.JdbcStore", context.getClassLoader());
    if (set != null) {
      throw new InvalidConfigurationPropertyValueException(PROPERTY, set, "the engine would keep its state in memory: "
          + why(jdbc, dataSources) + "; or set it to false to keep the state in memory");
    }
    if (jdbc && dataSources.size() > 1) {
      LOG.log(Level.WARNING, "the lifecycle engine keeps its state in memory, and loses it on restart: "
          + why(true, dataSources) + "; or set " + PROPERTY + "=false to keep the state in memory without this warning");
    }
  }

  private static String why(boolean jdbc, List<String> dataSources) {
    if (!jdbc) {
      return "clm-store-jdbc is not on the class path; add it, or define a CustomerStore bean";
    }
    if (dataSources.isEmpty()) {
      return "the application has no DataSource bean; define one, or a CustomerStore bean";
    }
    if (dataSources.size() > 1) {
      return "the application has " + dataSources.size() + " DataSource beans " + dataSources
          + " and none of them is primary, so none can be chosen; mark the one for clm's state @Primary,"
          + " or define a CustomerStore bean (such as a JdbcStore over that DataSource)";
    }
    return "its DataSource bean " + dataSources + " is not a candidate for injection; make it one, or define a"
        + " CustomerStore bean";
  }
}
