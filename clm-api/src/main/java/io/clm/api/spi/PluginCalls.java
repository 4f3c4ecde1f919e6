package io.clm.api.spi;

import io.clm.api.CustomerId;
import io.clm.api.PluginFailureException;
import io.clm.api.TextRules;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Stable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The guard every place in clm that calls a plugin for a customer goes through, so that a
 * misbehaving plugin is isolated: it cannot break the caller, other plugins' results stand, and the
 * failure names the plugin (id and class), the operation and the customer (masked, never the raw
 * id), or, for a call about something else (a complaint ticket of an unidentified caller), a
 * subject the caller describes. A problem only the caller can see in a result (an action naming
 * another strategy) is reported with {@link #failure} in the same words.
 *
 * <pre>{@code
 * // one plugin: a result or a PluginFailureException
 * String segment = PluginCalls.call(scheme, customer.id(), "assign", s -> s.assign(customer));
 * PluginCalls.requireDeclared(scheme, customer.id(), "segment", segment, scheme.segments());
 *
 * // several plugins: each result or each failure, nothing lost
 * PluginCalls.Outcome<List<RetentionAction>> outcome =
 *     PluginCalls.callEach(strategies, customer.id(), "propose", s -> s.propose(context));
 *
 * // not about one customer
 * Set<ComplaintState> next = PluginCalls.call(workflow, "ticket C-12", "next", w -> w.next(state));
 * }</pre>
 *
 * <p>Call a plugin before changing any state and apply its result only after the guard returns, so
 * that a failure leaves the customer exactly as before. Messages carry the class of what the plugin
 * threw but not its message (which may contain customer data); the exception is kept as the cause.
 */
@Stable
public final class PluginCalls {

  private PluginCalls() {}

  /**
   * Calls a plugin for one customer.
   *
   * @param plugin the plugin
   * @param customer the customer the call is about
   * @param operation what is called, for the message ({@code assign}, {@code propose})
   * @param call the call
   * @param <P> the plugin type
   * @param <R> the result type
   * @return the plugin's result, not null
   * @throws PluginFailureException if the plugin threw (a {@link RuntimeException} or a {@link
   *     LinkageError} such as a missing method of an older API) or returned null
   */
  public static <P extends Plugin, R> R call(
      P plugin, CustomerId customer, String operation, Function<? super P, ? extends R> call) {
    return call(plugin, subject(customer), operation, call);
  }

  /**
   * Calls a plugin about something that is not (or not known to be) one customer, such as a
   * complaint ticket of an unidentified caller.
   *
   * @param plugin the plugin
   * @param subject what the call is about, for the message ({@code ticket C-12}); it must not hold
   *     personal data or a raw customer id
   * @param operation what is called, for the message ({@code next}, {@code slaPolicy})
   * @param call the call
   * @param <P> the plugin type
   * @param <R> the result type
   * @return the plugin's result, not null
   * @throws PluginFailureException if the plugin threw (a {@link RuntimeException} or a {@link
   *     LinkageError}) or returned null
   */
  public static <P extends Plugin, R> R call(
      P plugin, String subject, String operation, Function<? super P, ? extends R> call) {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(call, "call");
    R result;
    try {
      result = call.apply(plugin);
    } catch (RuntimeException | LinkageError e) {
      throw new PluginFailureException(
          name(plugin) + " threw " + e.getClass().getName() + " in " + operation + " for " + subject, e);
    }
    if (result == null) {
      throw failure(plugin, subject, "returned null from " + operation);
    }
    return result;
  }

  /**
   * Checks that a value a plugin returned is one it declares (a segment of its scheme, a stage of
   * its model).
   *
   * @param plugin the plugin
   * @param customer the customer the value is for
   * @param what what the value is, for the message ({@code segment}, {@code stage})
   * @param value the value
   * @param declared the values the plugin declares
   * @param <V> the value type
   * @return {@code value}
   * @throws PluginFailureException if {@code declared} does not contain {@code value}
   */
  public static <V> V requireDeclared(
      Plugin plugin, CustomerId customer, String what, V value, Collection<? extends V> declared) {
    return requireDeclared(plugin, subject(customer), what, value, declared);
  }

  /**
   * Checks that a value a plugin returned about something other than one customer is one it
   * declares (a state of its workflow).
   *
   * @param plugin the plugin
   * @param subject what the value is for, for the message ({@code ticket C-12}); no personal data
   * @param what what the value is, for the message ({@code state})
   * @param value the value
   * @param declared the values the plugin declares
   * @param <V> the value type
   * @return {@code value}
   * @throws PluginFailureException if {@code declared} does not contain {@code value}
   */
  public static <V> V requireDeclared(
      Plugin plugin, String subject, String what, V value, Collection<? extends V> declared) {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(declared, "declared");
    if (value == null || !declared.contains(value)) {
      throw failure(
          plugin,
          subject,
          "returned " + what + " " + TextRules.excerpt(String.valueOf(value)),
          ", which it does not declare; declared are " + declared);
    }
    return value;
  }

  /**
   * The exception for a plugin whose result breaks its contract in a way only the caller can check
   * (an action naming another strategy, a price in the wrong currency): {@code plugin 'id' (class)
   * <problem> for <subject>}.
   *
   * @param plugin the plugin
   * @param subject what the call was about ({@code customer #1a2b3c4d}, {@code ticket C-12}); no
   *     personal data
   * @param problem what the plugin did, starting with a verb ({@code proposed an action named
   *     'acme.other'})
   * @return the exception, to throw or to collect
   */
  public static PluginFailureException failure(Plugin plugin, String subject, String problem) {
    return failure(plugin, subject, problem, "");
  }

  /**
   * The subject of a call about a customer, as messages name it.
   *
   * @param customer the customer
   * @return {@code customer} and the masked id
   */
  public static String subject(CustomerId customer) {
    return "customer " + Objects.requireNonNull(customer, "customer").masked();
  }

  private static PluginFailureException failure(Plugin plugin, String subject, String problem, String tail) {
    Objects.requireNonNull(plugin, "plugin");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(problem, "problem");
    return new PluginFailureException(name(plugin) + " " + problem + " for " + subject + tail);
  }

  /**
   * Calls several plugins for one customer: a plugin that fails is reported, the others' results
   * stand.
   *
   * @param plugins the plugins, in the order to call them
   * @param customer the customer
   * @param operation what is called, for messages
   * @param call the call
   * @param <P> the plugin type
   * @param <R> the result type
   * @return the results by plugin id, in call order, and the failures
   * @throws ValidationException if two plugins have the same id, naming it and both classes
   */
  public static <P extends Plugin, R> Outcome<R> callEach(
      Collection<? extends P> plugins,
      CustomerId customer,
      String operation,
      Function<? super P, ? extends R> call) {
    Objects.requireNonNull(plugins, "plugins");
    Map<String, R> results = new LinkedHashMap<>();
    List<PluginFailureException> failures = new ArrayList<>();
    Map<String, P> byId = new HashMap<>();
    for (P plugin : plugins) {
      try {
        // id() first, and once: a plugin whose id() throws is a failure like any other
        String id = call(plugin, customer, "id", Plugin::id);
        P earlier = byId.putIfAbsent(id, plugin);
        if (earlier != null) {
          // the results are by id: the second plugin's would silently replace the first's
          throw new ValidationException("plugin id " + TextRules.excerpt(id) + " is used twice ("
              + earlier.getClass().getName() + ", " + plugin.getClass().getName()
              + "); list each plugin once, each with its own id");
        }
        results.put(id, call(plugin, customer, operation, call));
      } catch (PluginFailureException e) {
        failures.add(e);
      }
    }
    return new Outcome<>(results, failures);
  }

  /**
   * What {@link #callEach} returns.
   *
   * @param results the results of the plugins that answered, by plugin id, in call order
   * @param failures one exception per plugin that failed, in call order
   * @param <R> the result type
   */
  public record Outcome<R>(Map<String, R> results, List<PluginFailureException> failures) {
    /**
     * Copies, keeping the order of the results.
     *
     * @param results the results of the plugins that answered, by plugin id, in call order
     * @param failures one exception per plugin that failed, in call order
     */
    public Outcome {
      results = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(results));
      failures = List.copyOf(failures);
    }
  }

  private static String name(Plugin plugin) {
    String id;
    try {
      id = plugin.id();
    } catch (RuntimeException e) {
      id = "?";
    }
    return "plugin " + TextRules.excerpt(String.valueOf(id)) + " (" + plugin.getClass().getName() + ")";
  }
}
