package io.clm.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.clm.api.spi.Plugin;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What every plugin must honour, whatever its kind: a well-formed id that is stable and does not
 * collide with a built-in, a class that {@link ServiceLoader} can instantiate, and a registration
 * that it finds. Extend the contract of your plugin's kind ({@link LifecycleModelProviderContract},
 * ...), not this class.
 *
 * @param <T> the plugin kind
 */
public abstract class PluginContract<T extends Plugin> {

  /**
   * The form of a plugin id: dot-separated parts of lowercase letters, digits and hyphens, each
   * starting with a letter, 64 characters at most.
   */
  public static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");

  /** The longest id, in characters. */
  public static final int MAX_ID_LENGTH = 64;

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

  /** The id matches {@link #ID} and is at most {@link #MAX_ID_LENGTH} characters. */
  @Test
  public void idIsWellFormed() {
    String id = createPlugin().id();
    assertThat(id).as("id() of %s", pluginClass().getName()).isNotNull();
    assertThat(id.length()).as("length of id '%s'", id).isLessThanOrEqualTo(MAX_ID_LENGTH);
    assertThat(ID.matcher(id).matches())
        .as(
            "id '%s' must be dot-separated parts of lowercase letters, digits and hyphens, each starting with a letter",
            id)
        .isTrue();
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
   * The plugin is registered: {@link ServiceLoader} finds the class through {@code
   * META-INF/services} (written by {@code @AutoService}) or, in a named module, through {@code
   * provides ... with ...}.
   */
  @Test
  public void isRegisteredAsAService() {
    Class<?> type = pluginClass();
    Module module = type.getModule();
    if (module.isNamed()) {
      assertThat(module.getDescriptor().provides())
          .as("module %s declares 'provides %s with %s;'", module.getName(), kind().getName(), type.getName())
          .anyMatch(p -> p.service().equals(kind().getName()) && p.providers().contains(type.getName()));
      return;
    }
    boolean found =
        ServiceLoader.load(kind(), type.getClassLoader()).stream().anyMatch(p -> p.type() == type);
    assertThat(found)
        .as(
            "ServiceLoader finds %s as a %s: annotate it with @AutoService(%s.class) or list it in META-INF/services/%s",
            type.getName(),
            kind().getSimpleName(),
            kind().getSimpleName(),
            kind().getName())
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
