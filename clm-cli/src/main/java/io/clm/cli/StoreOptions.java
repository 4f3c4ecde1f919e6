package io.clm.cli;

import io.clm.api.ClmException;
import io.clm.api.StoreFailure;
import io.clm.store.jdbc.JdbcStore;
import io.clm.store.jdbc.JdbcStoreException;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The options of {@code analyze --store}: the database that keeps the engine's state between runs,
 * and who to connect as. The password is read from an environment variable only, so that it never
 * appears in a command line, a process list or a message.
 */
final class StoreOptions {
  /** The environment variable that holds the database password. */
  static final String PASSWORD_VARIABLE = "CLM_STORE_PASSWORD";
  /** The environment variable that holds the database user when {@code --store-user} is not given. */
  static final String USER_VARIABLE = "CLM_STORE_USER";

  static final List<Arguments.Option> OPTIONS = List.of(
      Arguments.Option.value("store", "JDBC-URL", "keep the state in this database between runs: jdbc:h2:FILE or "
          + "jdbc:postgresql://HOST/DB (needs --mask-key-file)"),
      Arguments.Option.value("store-user", "USER", "database user (default $" + USER_VARIABLE + "); the password is read from $"
          + PASSWORD_VARIABLE + " only"));

  private final String url;
  private final String user;
  private final String password;

  private StoreOptions(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /**
   * The store options given, if {@code --store} is.
   *
   * @param env the environment variables
   * @throws UsageException if the URL is not an H2 or PostgreSQL JDBC URL, or {@code --store-user}
   *     is given without {@code --store}
   */
  static Optional<StoreOptions> of(Arguments a, UnaryOperator<String> env) {
    Optional<String> url = a.text("store");
    if (url.isEmpty()) {
      if (a.has("store-user")) {
        throw new UsageException("--store-user needs --store");
      }
      return Optional.empty();
    }
    // The URL may carry a password: messages quote its scheme only.
    if (!url.get().startsWith("jdbc:h2:") && !url.get().startsWith("jdbc:postgresql:")) {
      throw new UsageException("--store '" + scheme(url.get()) + "...' is not a database clm supports: give jdbc:h2:FILE "
          + "(such as jdbc:h2:./clm-data/clm) or jdbc:postgresql://HOST/DATABASE");
    }
    if (!a.has("mask-key-file")) {
      throw new UsageException("--store needs --mask-key-file: erased customers are remembered in the store under that key, "
          + "and the report's masked ids stay the same from run to run");
    }
    String user = a.text("store-user").orElseGet(() -> env.apply(USER_VARIABLE));
    return Optional.of(new StoreOptions(url.get(), user, env.apply(PASSWORD_VARIABLE)));
  }

  private static String scheme(String url) {
    int colon = url.indexOf(':', url.startsWith("jdbc:") ? 5 : 0);
    return colon < 0 ? "" : url.substring(0, colon + 1);
  }

  /**
   * Connects and migrates the store's schema.
   *
   * @throws StoreException if the database cannot be reached, has a newer schema, or refuses
   */
  JdbcStore open() {
    JdbcStore.Builder builder = JdbcStore.builder().url(url).maximumPoolSize(2 + Runtime.getRuntime().availableProcessors());
    if (user != null) {
      builder.user(user);
    }
    if (password != null) {
      builder.password(password);
    }
    try {
      return builder.build();
    } catch (JdbcStoreException e) {
      throw failure(e);
    }
  }

  /** The failure of the store, with the exit code its kind calls for. */
  static StoreException failure(JdbcStoreException e) {
    ExitCode code = e.kind() == StoreFailure.SCHEMA ? ExitCode.CONFIGURATION : ExitCode.IO_ERROR;
    return new StoreException(e.getMessage(), code, e);
  }

  /** The store failure behind an engine's refusal, if the store is what failed. */
  static Optional<StoreException> causeOf(ClmException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JdbcStoreException s) {
        return Optional.of(failure(s));
      }
    }
    return Optional.empty();
  }
}
