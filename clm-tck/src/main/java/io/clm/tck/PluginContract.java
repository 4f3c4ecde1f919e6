package io.clm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.annotation.Experimental;
import io.clm.api.spi.Plugin;
import io.clm.api.spi.PluginRules;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every plugin must honour, whatever its kind: a well-formed id that is stable and does not
 * collide with a built-in, a class that {@link ServiceLoader} can instantiate, and a registration
 * that it finds. Extend the contract of your plugin's kind ({@link LifecycleModelProviderContract},
 * ...), not this class.
 *
 * @param <T> the plugin kind
 */
@Experimental
public abstract class PluginContract<T extends Plugin> {

  /** For subclasses. */
  protected PluginContract() {}

  /**
   * Creates a new instance of the plugin under test, configured as clm would find it (usually
   * {@code return new MyPlugin();}). Called many times.
   *
   * @return a new instance
   */
  protected abstract T createPlugin();

  /**
   * The plugin kind: the SPI interface.
   *
   * @return the interface
   */
  protected abstract Class<T> kind();

  /** The id follows clm's one id rule, {@link PluginRules#idProblem}, as the registry checks it. */
  @Test
  public void idIsWellFormed() {
    String id = createPlugin().id();
    assertThat(PluginRules.idProblem(id)).as("the id of %s", pluginClass().getName()).isEmpty();
  }

  /** The id is the same on every call, on every instance and on every thread. */
  @Test
  public void idIsStable() {
    T plugin = createPlugin();
    String id = plugin.id();
    assertThat(plugin.id()).as("second call of id()").isEqualTo(id);
    assertThat(createPlugin().id()).as("id() of another instance").isEqualTo(id);
    List<String> ids = Concurrency.run(40, i -> plugin.id());
    assertThat(ids).as("id() called from %d threads", Concurrency.THREADS).containsOnly(id);
  }

  /**
   * A third-party id carries an organisation prefix (contains a dot) and is not the id of a
   * built-in plugin of the same kind; a built-in's id is on the kit's list of built-ins.
   */
  @Test
  public void idDoesNotCollideWithABuiltIn() {
    String id = createPlugin().id();
    Class<?> type = pluginClass();
    if (BuiltinPlugins.isBuiltIn(type)) {
      assertThat(BuiltinPlugins.listed(kind()))
          .as(
              "built-in %s %s has id '%s', which is missing from the test kit's list of built-in ids"
                  + " (clm-tck: io/clm/tck/builtin-plugins.properties)",
              kind().getSimpleName(),
              type.getName(),
              id)
          .contains(id);
      return;
    }
    assertThat(id)
        .as("id '%s' of %s must start with the vendor's organisation, like 'acme.%s': ids without a dot are reserved for clm", id, type.getName(), id)
        .contains(".");
    Set<String> builtIns = BuiltinPlugins.ids(kind(), type.getClassLoader());
    assertThat(builtIns)
        .as("id '%s' of %s is the id of a built-in %s", id, type.getName(), kind().getSimpleName())
        .doesNotContain(id);
  }

  /**
   * {@link ServiceLoader} can instantiate the class: it is public and concrete, implements the
   * kind, and has a public no-argument constructor that gives an equivalent plugin.
   *
   * @throws ReflectiveOperationException if the constructor fails
   */
  @Test
  public void isInstantiableByServiceLoader() throws ReflectiveOperationException {
    Class<?> type = pluginClass();
    assertThat(kind().isAssignableFrom(type)).as("%s implements %s", type.getName(), kind().getName()).isTrue();
    assertThat(Modifier.isPublic(type.getModifiers())).as("%s is public", type.getName()).isTrue();
    assertThat(Modifier.isAbstract(type.getModifiers())).as("%s is abstract", type.getName()).isFalse();
    assertThat(type.getEnclosingClass() == null || Modifier.isStatic(type.getModifiers()))
        .as("%s is a top-level or static nested class", type.getName())
        .isTrue();
    Constructor<?> constructor;
    try {
      constructor = type.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new AssertionError(type.getName() + " has no public no-argument constructor", e);
    }
    Plugin fresh = (Plugin) constructor.newInstance();
    assertThat(fresh.id()).as("id() of an instance made by the no-argument constructor").isEqualTo(createPlugin().id());
  }

  /**
   * The plugin is registered for both paths, read from the plugin's own classes directory or jar,
   * so the answer does not depend on whether this test runs on the class path or the module path:
   * {@code META-INF/services} lists the class (written by {@code @AutoService}; the JDK reads only
   * this file on the class path) and, if the plugin's classes are a named module, its {@code
   * module-info.java} declares {@code provides ... with ...} (the JDK reads only that on the module
   * path).
   *
   * @throws IOException if the plugin's jar or classes directory cannot be read
   */
  @Test
  public void isRegisteredAsAService() throws IOException {
    Class<?> type = pluginClass();
    Registration registration = Registration.of(type, kind());
    if (registration.descriptor().isPresent()) {
      assertThat(registration.provides(kind(), type))
          .as(
              "module %s does not declare %s as a %s: add 'provides %s with %s;' to its module-info.java"
                  + " (on the module path the JDK reads only provides, so clm would not find the plugin there)",
              registration.descriptor().get().name(),
              type.getName(),
              kind().getSimpleName(),
              kind().getName(),
              type.getName())
          .isTrue();
    }
    boolean listed =
        registration.services().isPresent()
            ? registration.services().get().contains(type.getName())
            : ServiceLoader.load(kind(), type.getClassLoader()).stream().anyMatch(p -> p.type() == type);
    assertThat(listed)
        .as(
            "META-INF/services/%s does not list %s: annotate the class with @AutoService(%s.class)"
                + " (on the class path the JDK reads only that file, so clm would not find the plugin there)",
            kind().getName(),
            type.getName(),
            kind().getSimpleName())
        .isTrue();
  }

  /**
   * The class of the plugin under test.
   *
   * @return the class
   */
  protected final Class<?> pluginClass() {
    return createPlugin().getClass();
  }

  /**
   * Names the plugin in assertion messages: its id and class.
   *
   * @param plugin the plugin
   * @return {@code 'id' (class)}
   */
  protected static String describe(Plugin plugin) {
    return "'" + plugin.id() + "' (" + plugin.getClass().getName() + ")";
  }
}
