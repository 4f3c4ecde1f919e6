package io.clm.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.clm.api.StoreFailure;
import io.clm.api.annotation.Experimental;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import io.clm.api.CustomerId;
import io.clm.api.complaints.TicketStore;
import io.clm.api.complaints.TicketStoreException;
import io.clm.api.spi.CustomerStore;
import io.clm.api.spi.StoreBatch;
import io.clm.api.spi.StoredCustomer;
import io.clm.api.spi.Tombstone;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * clm's durable {@link CustomerStore} on a relational database: H2 in a file next to the application by default,
 * PostgreSQL 14 or newer in production.
 *
 * <pre>{@code
 * JdbcStore store = JdbcStore.builder().build();                              // H2 file ./clm-data/clm
 * JdbcStore store = JdbcStore.builder().url("jdbc:postgresql://db/clm").user("clm").password(pw).build();
 * JdbcStore store = JdbcStore.builder().dataSource(yourPool).build();         // your own DataSource
 * }</pre>
 *
 * <p>Pass it to {@code Clm.builder().store(store)}, and its {@link #tickets()} to the complaint desk. Opening the store migrates its schema with the Flyway migrations in this jar (Flyway's
 * history table is {@code clm_schema_history}, so an application's own migrations in the same
 * schema are left alone), and refuses a database whose schema is newer than this code. Given a
 * URL, the store pools connections with HikariCP and closes the pool in {@link #close()}; given a
 * {@link DataSource}, it borrows connections and never closes the caller's pool.
 */
@Experimental
public final class JdbcStore implements CustomerStore, AutoCloseable {
  /** The URL used when none is given: an H2 database in the file {@code ./clm-data/clm.mv.db}. */
  public static final String DEFAULT_URL = "jdbc:h2:./clm-data/clm";

  /** How long H2 may compact its file when the store closes, unless the URL says otherwise. */
  private static final int H2_COMPACT_MILLIS = 5_000;

  private final String name;
  private final DataSource dataSource;
  private final HikariDataSource ownPool;
  private final CustomerTables customers;
  private final JdbcTicketStore tickets;

  private JdbcStore(String name, DataSource dataSource, HikariDataSource ownPool, Dialect dialect) {
    this.name = name;
    this.dataSource = dataSource;
    this.ownPool = ownPool;
    Transactions tx = new Transactions(name, dataSource);
    this.customers = new CustomerTables(tx, dialect);
    this.tickets = new JdbcTicketStore(tx);
  }

  /**
   * Starts configuring a store.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The store's name in messages: its JDBC URL without credentials, or the name it was given.
   *
   * @return the name
   */
  public String id() {
    return name;
  }

  /**
   * The data source the store reads and writes through (its own pool, or the caller's).
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database cannot be read
   */
  @Override
  public Optional<StoredCustomer> load(CustomerId customer) {
    return customers.load(Objects.requireNonNull(customer, "customer"));
  }

  /**
   * {@inheritDoc} A page of {@value CustomerTables#PAGE} customers costs three queries.
   *
   * @throws JdbcStoreException if the database cannot be read
   */
  @Override
  public List<StoredCustomer> loadAll(Collection<CustomerId> customers) {
    Objects.requireNonNull(customers, "customers");
    return customers.isEmpty() ? List.of() : this.customers.loadAll(customers);
  }

  /**
   * {@inheritDoc} Customers come a page of {@value CustomerTables#PAGE} at a time in key order,
   * with their seen events and history; the store never holds more than a page in memory.
   *
   * @throws JdbcStoreException if the database cannot be read
   */
  @Override
  public void scan(Consumer<StoredCustomer> action) {
    customers.scan(Objects.requireNonNull(action, "action"));
  }

  /**
   * {@inheritDoc} Answered from the index on the due column alone.
   *
   * @throws JdbcStoreException if the database cannot be read
   */
  @Override
  public void scanDue(long epochMillis, Consumer<CustomerId> action) {
    customers.scanDue(epochMillis, Objects.requireNonNull(action, "action"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database cannot be read
   */
  @Override
  public List<Tombstone> tombstones() {
    return customers.tombstones();
  }

  /**
   * {@inheritDoc}
   *
   * @throws JdbcStoreException if the database cannot be read
   */
  @Override
  public Optional<String> position() {
    return customers.position();
  }

  /**
   * {@inheritDoc} The batch is one database transaction. It locks its customers' rows in the
   * order of their keys, written and erased ones alike, whatever order the batch lists them in, so
   * two writes sharing customers (through two stores over one database, say) never deadlock: the
   * later waits for the earlier. A position may have any characters, NUL and lone surrogates
   * included, up to 1,048,576 of them; it is stored and read back exactly.
   *
   * @throws JdbcStoreException if the database is unavailable, full or refuses the batch, or (kind
   *     {@link StoreFailure#REFUSED REFUSED}, before anything is written) the position
   *     is longer than 1,048,576 characters; nothing of the batch is then stored
   */
  @Override
  public void write(StoreBatch batch) {
    customers.write(Objects.requireNonNull(batch, "batch"));
  }

  /**
   * Number of customers stored (erased ones excluded), counted by the database.
   *
   * @return the count
   * @throws JdbcStoreException if the database cannot be read
   */
  public long count() {
    return customers.count();
  }

  /**
   * The complaint desk's ticket store in the same database and on the same connections: tickets
   * with their audit trails, the SLA due index, customer files, the desk clock and the outbox. Give
   * it to the desk's builder ({@code store(jdbcStore.tickets())}); a desk rebuilt over it after a
   * restart carries on where the last one stopped. Each save is one transaction; a failure throws
   * {@link TicketStoreException} naming the store and the operation, of the same {@link
   * TicketStoreException#kind() kind} as the {@link JdbcStoreException} that is its cause ({@link
   * StoreFailure#CONFLICT CONFLICT} for a save another transaction won against); a stored document
   * the store cannot read is {@link StoreFailure#FAILED FAILED}.
   *
   * @return the ticket store; the same one on every call
   */
  public TicketStore tickets() {
    return tickets;
  }

  /** Closes the connection pool the store created; a caller's own data source is left open. */
  @Override
  public void close() {
    if (ownPool != null) {
      ownPool.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcStore[" + name + "]";
  }

  /**
   * Configures a {@link JdbcStore}. Each setter may be called once; {@link #url} and {@link
   * #dataSource} exclude each other.
   */
  public static final class Builder {
    private String url;
    private String user;
    private String password;
    private DataSource dataSource;
    private String name;
    private Integer maximumPoolSize;
    private final List<String> extraMigrations = new ArrayList<>();

    private Builder() {}

    /**
     * The JDBC URL of the database ({@code jdbc:h2:...} or {@code jdbc:postgresql:...}); the store
     * pools its connections with HikariCP. Default: {@value JdbcStore#DEFAULT_URL}.
     *
     * @param url the URL
     * @return this builder
     * @throws IllegalArgumentException if the URL does not start with {@code jdbc:}
     * @throws IllegalStateException if a URL was already set
     */
    public Builder url(String url) {
      requireUnset(this.url == null, "url");
      Objects.requireNonNull(url, "url");
      if (!url.startsWith("jdbc:")) {
        throw new IllegalArgumentException("url '" + Urls.withoutCredentials(url) + "' does not start with jdbc:");
      }
      this.url = url;
      return this;
    }

    /**
     * The database user, for a store configured with a URL.
     *
     * @param user the user
     * @return this builder
     * @throws IllegalStateException if a user was already set
     */
    public Builder user(String user) {
      requireUnset(this.user == null, "user");
      this.user = Objects.requireNonNull(user, "user");
      return this;
    }

    /**
     * The database password, for a store configured with a URL. It appears in no message.
     *
     * @param password the password
     * @return this builder
     * @throws IllegalStateException if a password was already set
     */
    public Builder password(String password) {
      requireUnset(this.password == null, "password");
      this.password = Objects.requireNonNull(password, "password");
      return this;
    }

    /**
     * Uses the caller's own data source (a pool the application already has) instead of a URL.
     * The store never closes it.
     *
     * @param dataSource the data source
     * @return this builder
     * @throws IllegalStateException if a data source was already set
     */
    public Builder dataSource(DataSource dataSource) {
      requireUnset(this.dataSource == null, "dataSource");
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * The store's name in messages. Default: the URL without credentials, or {@code datasource}.
     *
     * @param name the name
     * @return this builder
     * @throws IllegalArgumentException if the name is blank
     * @throws IllegalStateException if a name was already set
     */
    public Builder name(String name) {
      requireUnset(this.name == null, "name");
      Objects.requireNonNull(name, "name");
      if (name.isBlank()) {
        throw new IllegalArgumentException("name is blank");
      }
      this.name = name;
      return this;
    }

    /**
     * The most connections the store's own pool opens. Default: HikariCP's, 10. Opening the store
     * migrates the schema with Flyway, which holds two connections at once.
     *
     * @param size the size, at least 2
     * @return this builder
     * @throws IllegalArgumentException if the size is below 2
     * @throws IllegalStateException if a size was already set
     */
    public Builder maximumPoolSize(int size) {
      requireUnset(this.maximumPoolSize == null, "maximumPoolSize");
      if (size < 2) {
        throw new IllegalArgumentException("maximumPoolSize " + size + " is below 2");
      }
      this.maximumPoolSize = size;
      return this;
    }

    /**
     * Adds a Flyway location whose migrations run after the store's own, for an application that
     * keeps its own tables beside clm's. Versions must be above the store's.
     *
     * @param location a Flyway location, such as {@code classpath:db/bank}
     * @return this builder
     */
    Builder extraMigrations(String location) {
      extraMigrations.add(Objects.requireNonNull(location, "location"));
      return this;
    }

    /**
     * Opens the store: connects, migrates the schema and checks that the database is one the
     * store supports.
     *
     * @return the store
     * @throws IllegalStateException if a data source was set together with a URL, user, password
     *     or pool size
     * @throws JdbcStoreException if the database cannot be reached, is neither H2 nor PostgreSQL
     *     (also when no JDBC driver accepts the URL: {@link StoreFailure#SCHEMA}), has a
     *     schema newer than this code, or a migration fails
     */
    public JdbcStore build() {
      if (dataSource != null && (url != null || user != null || password != null || maximumPoolSize != null)) {
        throw new IllegalStateException("dataSource excludes url, user, password and maximumPoolSize");
      }
      HikariDataSource pool = null;
      DataSource source = dataSource;
      String storeName = name;
      if (source == null) {
        String jdbcUrl = url != null ? url : DEFAULT_URL;
        storeName = storeName != null ? storeName : Urls.withoutCredentials(jdbcUrl);
        pool = pool(storeName, jdbcUrl);
        source = pool;
      } else if (storeName == null) {
        storeName = "datasource";
      }
      try {
        Dialect dialect = dialect(storeName, source);
        Schema.migrate(storeName, source, extraMigrations);
        dialect.makeCommitsDurable(storeName, source);
        return new JdbcStore(storeName, source, pool, dialect);
      } catch (RuntimeException e) {
        if (pool != null) {
          pool.close();
        }
        throw e;
      }
    }

    private HikariDataSource pool(String storeName, String jdbcUrl) {
      try {
        DriverManager.getDriver(jdbcUrl);
      } catch (SQLException e) {
        // A URL of another database or a mistyped one (jdbc:postgres:) is a setting to correct,
        // not a database that is down; the driver manager's exception is left out, as HikariCP's
        // would quote the URL with its password.
        throw new JdbcStoreException(
            storeName, "open a connection", StoreFailure.SCHEMA,
            "no JDBC driver accepts the URL; the store runs on H2 (jdbc:h2:...) and PostgreSQL (jdbc:postgresql:...)",
            null);
      }
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(jdbcUrl);
      if (user != null) {
        config.setUsername(user);
      }
      if (password != null) {
        config.setPassword(password);
      }
      if (maximumPoolSize != null) {
        config.setMaximumPoolSize(maximumPoolSize);
      }
      config.setPoolName("clm-store");
      if (jdbcUrl.startsWith("jdbc:postgresql:")) {
        // One multi-row INSERT per batch instead of one round trip per row.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
      }
      if (jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.toUpperCase(Locale.ROOT).contains("MAX_COMPACT_TIME")) {
        // H2 appends every commit to its file and compacts it when the database closes, for 200 ms
        // by default: too short to give back the space a day of batches took.
        config.addDataSourceProperty("MAX_COMPACT_TIME", Integer.toString(H2_COMPACT_MILLIS));
      }
      config.setAutoCommit(false);
      // Fail at once when the database is down rather than keep the caller waiting.
      config.setInitializationFailTimeout(1);
      config.setConnectionTimeout(5_000);
      try {
        return new HikariDataSource(config);
      } catch (RuntimeException e) {
        SQLException sql = findSql(e);
        if (sql != null) {
          throw Failures.of(storeName, "open a connection", sql);
        }
        throw new JdbcStoreException(
            storeName, "open a connection", StoreFailure.UNAVAILABLE,
            "the database is unavailable (" + e.getClass().getSimpleName() + ")", e);
      }
    }

    private static SQLException findSql(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof SQLException s) {
          return s;
        }
      }
      return null;
    }

    private static Dialect dialect(String storeName, DataSource source) {
      try (Connection c = source.getConnection()) {
        Dialect d = Dialect.of(c);
        if (d == null) {
          throw new JdbcStoreException(
              storeName, "open", StoreFailure.SCHEMA,
              "database '" + c.getMetaData().getDatabaseProductName() + "' is not supported: use H2 or PostgreSQL", null);
        }
        return d;
      } catch (SQLException e) {
        throw Failures.of(storeName, "open a connection", e);
      }
    }

    private static void requireUnset(boolean unset, String field) {
      if (!unset) {
        throw new IllegalStateException(field + " was already set");
      }
    }
  }
}
