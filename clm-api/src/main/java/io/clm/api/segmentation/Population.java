package io.clm.api.segmentation;

import io.clm.api.Customer;
import io.clm.api.CustomerId;
import io.clm.api.CustomerMetrics;
import io.clm.api.Metric;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import io.clm.api.event.Direction;
import io.clm.api.event.ProductType;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * A portfolio of customers in columns: what segmentation schemes are fitted on and assign over.
 * Each column is a primitive array with one value per customer, so memory grows linearly with the
 * number of customers and no value is boxed. Immutable: the builder copies every array it is
 * given, and nothing hands an array out.
 *
 * <p>A population holds the columns some schemes read ({@link Columns}), all taken at one instant
 * {@link #asOf()}:
 *
 * <ul>
 *   <li>{@link Metric} columns: {@code Metric.valueOf(metrics, asOf)} per customer, NaN where the
 *       metric is undefined (no transactions, an attribute not supplied);
 *   <li>product columns: per {@link ProductType}, the products held now and the transaction volume
 *       (debits plus credits, major units);
 *   <li>the stage column: each customer's current lifecycle stage id.
 * </ul>
 *
 * <p>Every value is checked once, here, at the edge: a value that cannot be (NaN for a count, a
 * negative amount, a count that is not a whole number, a flag other than 0 or 1, a credit score
 * above 1000, a last transaction after {@code asOf}) is refused
 * with a {@link ValidationException} naming the masked customer id and the field. Undefined values
 * stay NaN and schemes leave those customers unclassified with a reason.
 *
 * <p>Build one from customers with {@link #of(Collection, Instant, Columns)}, or straight from
 * columnar data (a warehouse extract) with {@link #builder(Instant, CustomerId[])}. Customer ids
 * are expected to be unique.
 */
@Experimental
public final class Population {

  private static final int METRICS = Metric.values().length;
  private static final int PRODUCTS = ProductType.values().length;

  private final Instant asOf;
  private final CustomerId[] ids;
  private final double[][] metrics;
  private final int[][] held;
  private final double[][] volumes;
  private final String[] stages;
  private final Columns columns;

  private Population(Builder b, Columns known) {
    this.asOf = b.asOf;
    this.ids = b.ids;
    this.metrics = b.metrics;
    this.held = b.held;
    this.volumes = b.volumes;
    this.stages = b.stages;
    this.columns = known != null ? known : present(metrics, held, stages);
  }

  private static Columns present(double[][] metrics, int[][] held, String[] stages) {
    EnumSet<Metric> m = EnumSet.noneOf(Metric.class);
    for (Metric metric : Metric.values()) {
      if (metrics[metric.ordinal()] != null) {
        m.add(metric);
      }
    }
    EnumSet<ProductType> p = EnumSet.noneOf(ProductType.class);
    for (ProductType product : ProductType.values()) {
      if (held[product.ordinal()] != null) {
        p.add(product);
      }
    }
    return new Columns(m, p, stages != null);
  }

  /**
   * The data a scheme reads: which metric columns, which product columns and whether the stage.
   * The sets are immutable and iterate in declaration order.
   *
   * @param metrics the metric columns
   * @param products the product types whose holdings and volume are needed
   * @param stage whether the current stage is needed
   */
  public record Columns(Set<Metric> metrics, Set<ProductType> products, boolean stage) {

    /**
     * Validates and copies.
     *
     * @param metrics the metric columns
     * @param products the product types whose holdings and volume are needed
     * @param stage whether the current stage is needed
     * @throws NullPointerException if a set or an element is null
     */
    public Columns {
      metrics = Collections.unmodifiableSet(copy(metrics, Metric.class));
      products = Collections.unmodifiableSet(copy(products, ProductType.class));
    }

    private static <E extends Enum<E>> EnumSet<E> copy(Set<E> set, Class<E> type) {
      EnumSet<E> copy = EnumSet.noneOf(type);
      for (E e : set) {
        copy.add(Objects.requireNonNull(e, type.getSimpleName()));
      }
      return copy;
    }

    /**
     * Metric columns only.
     *
     * @param metrics the metrics
     * @return the columns
     */
    public static Columns of(Metric... metrics) {
      return new Columns(Set.of(metrics), Set.of(), false);
    }

    /**
     * Every column either of two column sets has: to build one population for several schemes.
     *
     * @param other the other columns
     * @return the union
     */
    public Columns and(Columns other) {
      EnumSet<Metric> m = EnumSet.noneOf(Metric.class);
      m.addAll(metrics);
      m.addAll(other.metrics);
      EnumSet<ProductType> p = EnumSet.noneOf(ProductType.class);
      p.addAll(products);
      p.addAll(other.products);
      return new Columns(m, p, stage || other.stage);
    }

    /**
     * Whether these columns include all of another set.
     *
     * @param other the columns needed
     * @return true if every column of {@code other} is here
     */
    public boolean containsAll(Columns other) {
      return metrics.containsAll(other.metrics)
          && products.containsAll(other.products)
          && (stage || !other.stage);
    }
  }

  /**
   * Computes the columns from customers' metrics.
   *
   * @param customers the customers, in row order
   * @param asOf the instant time-dependent metrics are taken at
   * @param columns the columns to compute
   * @return the population
   * @throws NullPointerException if an argument or a customer is null
   * @throws ValidationException if a value is out of its domain (naming the masked customer id and
   *     the field), or a customer is in the collection twice (naming it and both rows)
   */
  public static Population of(Collection<? extends Customer> customers, Instant asOf, Columns columns) {
    Objects.requireNonNull(customers, "customers");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(columns, "columns");
    int n = customers.size();
    CustomerId[] ids = new CustomerId[n];
    double[][] m = new double[METRICS][];
    for (Metric metric : columns.metrics()) {
      m[metric.ordinal()] = new double[n];
    }
    int[][] h = new int[PRODUCTS][];
    double[][] v = new double[PRODUCTS][];
    for (ProductType product : columns.products()) {
      h[product.ordinal()] = new int[n];
      v[product.ordinal()] = new double[n];
    }
    String[] stages = columns.stage() ? new String[n] : null;
    long now = asOf.toEpochMilli();
    int row = 0;
    for (Customer c : customers) {
      Objects.requireNonNull(c, "customer");
      ids[row] = c.id();
      CustomerMetrics cm = c.metrics();
      for (Metric metric : columns.metrics()) {
        m[metric.ordinal()][row] = metric.valueOf(cm, now);
      }
      if (!columns.products().isEmpty()) {
        double scale = Math.pow(10, Math.max(0, cm.currency().getDefaultFractionDigits()));
        for (ProductType product : columns.products()) {
          h[product.ordinal()][row] = cm.productsHeld(product);
          v[product.ordinal()][row] =
              (cm.transactionMinor(product, Direction.DEBIT)
                      + (double) cm.transactionMinor(product, Direction.CREDIT))
                  / scale;
        }
      }
      if (stages != null) {
        stages[row] = c.stage();
      }
      row++;
    }
    Builder b = new Builder(asOf, ids);
    b.metrics = m;
    b.held = h;
    b.volumes = v;
    b.stages = stages;
    b.checkAll();
    return new Population(b, columns);
  }

  /**
   * Starts a population from columnar data. Every setter copies and checks its array at once and
   * may be called once per column.
   *
   * @param asOf the instant the values were taken at
   * @param ids the customers, one per row; copied
   * @return the builder
   * @throws NullPointerException if an argument or an id is null
   * @throws ValidationException if a customer is in {@code ids} twice (naming it and both rows)
   */
  public static Builder builder(Instant asOf, CustomerId[] ids) {
    Objects.requireNonNull(asOf, "asOf");
    CustomerId[] copy = ids.clone();
    for (CustomerId id : copy) {
      Objects.requireNonNull(id, "customer id");
    }
    return new Builder(asOf, copy);
  }

  /** Builds a {@link Population} column by column. Not thread-safe. */
  public static final class Builder {
    private final Instant asOf;
    private final CustomerId[] ids;
    private double[][] metrics = new double[METRICS][];
    private int[][] held = new int[PRODUCTS][];
    private double[][] volumes = new double[PRODUCTS][];
    private String[] stages;

    private Builder(Instant asOf, CustomerId[] ids) {
      this.asOf = asOf;
      this.ids = ids;
      Set<CustomerId> seen = new HashSet<>(ids.length * 4 / 3 + 1);
      for (int row = 0; row < ids.length; row++) {
        if (!seen.add(ids[row])) {
          // Counted twice, the customer would weigh twice in a fit's quantiles and in segment counts.
          int earlier = List.of(ids).indexOf(ids[row]);
          throw new ValidationException(
              "customer " + ids[row].masked() + " is in the population twice, in rows " + earlier + " and " + row);
        }
      }
    }

    /**
     * Sets a metric column: NaN where the metric is undefined for a customer.
     *
     * @param metric the metric
     * @param values one value per row; copied
     * @return this builder
     * @throws IllegalStateException if the column was set already
     * @throws IllegalArgumentException if the length differs from the number of customers
     * @throws ValidationException if a value is out of the metric's domain
     */
    public Builder metric(Metric metric, double[] values) {
      Objects.requireNonNull(metric, "metric");
      if (metrics[metric.ordinal()] != null) {
        throw new IllegalStateException("column " + fieldName(metric) + " was already set");
      }
      double[] copy = sized(values.clone(), values.length, fieldName(metric));
      for (int i = 0; i < copy.length; i++) {
        ColumnDomains.check(metric, copy[i], ids[i]);
      }
      metrics[metric.ordinal()] = copy;
      return this;
    }

    /**
     * Sets a product column.
     *
     * @param product the product type
     * @param productsHeld products of that type held now, per row; copied
     * @param volume transaction volume on that type (debits plus credits, major units), per row;
     *     copied
     * @return this builder
     * @throws IllegalStateException if the column was set already
     * @throws IllegalArgumentException if a length differs from the number of customers
     * @throws ValidationException if a count or volume is negative or a volume is not a number
     */
    public Builder product(ProductType product, int[] productsHeld, double[] volume) {
      Objects.requireNonNull(product, "product");
      if (held[product.ordinal()] != null) {
        throw new IllegalStateException("column " + fieldName(product) + " was already set");
      }
      int[] h = productsHeld.clone();
      double[] v = volume.clone();
      sized(h, h.length, fieldName(product) + " held");
      sized(v, v.length, fieldName(product) + " volume");
      for (int i = 0; i < h.length; i++) {
        ColumnDomains.checkProduct(product, h[i], v[i], ids[i]);
      }
      held[product.ordinal()] = h;
      volumes[product.ordinal()] = v;
      return this;
    }

    /**
     * Sets the stage column.
     *
     * @param stageIds each customer's current stage id; copied
     * @return this builder
     * @throws IllegalStateException if the column was set already
     * @throws IllegalArgumentException if the length differs from the number of customers
     * @throws NullPointerException if a stage id is null
     */
    public Builder stages(String[] stageIds) {
      if (stages != null) {
        throw new IllegalStateException("column stage was already set");
      }
      String[] copy = sized(stageIds.clone(), stageIds.length, "stage");
      for (String s : copy) {
        Objects.requireNonNull(s, "stage");
      }
      stages = copy;
      return this;
    }

    /**
     * Builds the population.
     *
     * @return the population
     */
    public Population build() {
      Population p = new Population(this, null);
      metrics = new double[METRICS][];
      held = new int[PRODUCTS][];
      volumes = new double[PRODUCTS][];
      stages = null;
      return p;
    }

    private <T> T sized(T array, int length, String field) {
      if (length != ids.length) {
        throw new IllegalArgumentException(
            "column " + field + " has " + length + " values for " + ids.length + " customers");
      }
      return array;
    }

    private void checkAll() {
      for (Metric metric : Metric.values()) {
        double[] col = metrics[metric.ordinal()];
        if (col != null) {
          for (int i = 0; i < col.length; i++) {
            ColumnDomains.check(metric, col[i], ids[i]);
          }
        }
      }
      for (ProductType product : ProductType.values()) {
        int[] h = held[product.ordinal()];
        if (h != null) {
          double[] v = volumes[product.ordinal()];
          for (int i = 0; i < h.length; i++) {
            ColumnDomains.checkProduct(product, h[i], v[i], ids[i]);
          }
        }
      }
    }
  }

  /**
   * The name clm uses for a metric in messages and assignment inputs: lowercase with hyphens
   * ({@code days-since-last-transaction}).
   *
   * @param metric the metric
   * @return the name
   */
  public static String fieldName(Metric metric) {
    return metric.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The name clm uses for a product type in messages and assignment inputs ({@code
   * wealth-management}).
   *
   * @param product the product type
   * @return the name
   */
  public static String fieldName(ProductType product) {
    return product.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * A population of one customer: what {@link Segmenter#assign} reads one customer through, so
   * that one customer and a portfolio are checked and placed by the same code.
   *
   * @param customer the customer
   * @param asOf the instant
   * @param columns the columns to compute
   * @return the population
   */
  public static Population of(Customer customer, Instant asOf, Columns columns) {
    return of(List.of(customer), asOf, columns);
  }

  /**
   * The instant the values were taken at.
   *
   * @return the instant
   */
  public Instant asOf() {
    return asOf;
  }

  /**
   * Number of customers.
   *
   * @return the number of rows
   */
  public int size() {
    return ids.length;
  }

  /**
   * The columns this population holds.
   *
   * @return the columns
   */
  public Columns columns() {
    return columns;
  }

  /**
   * The customer of a row.
   *
   * @param row the row
   * @return the customer id
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public CustomerId id(int row) {
    return ids[row];
  }

  /**
   * A metric value.
   *
   * @param metric the metric
   * @param row the row
   * @return the value, NaN where undefined
   * @throws IllegalStateException if the population has no such column
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public double metric(Metric metric, int row) {
    double[] col = metrics[metric.ordinal()];
    if (col == null) {
      throw new IllegalStateException("population has no column " + fieldName(metric));
    }
    return col[row];
  }

  /**
   * Products of a type held now.
   *
   * @param product the product type
   * @param row the row
   * @return the count
   * @throws IllegalStateException if the population has no such column
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public int held(ProductType product, int row) {
    int[] col = held[product.ordinal()];
    if (col == null) {
      throw new IllegalStateException("population has no column " + fieldName(product));
    }
    return col[row];
  }

  /**
   * Transaction volume on a product type, debits plus credits, major units.
   *
   * @param product the product type
   * @param row the row
   * @return the volume
   * @throws IllegalStateException if the population has no such column
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public double volume(ProductType product, int row) {
    double[] col = volumes[product.ordinal()];
    if (col == null) {
      throw new IllegalStateException("population has no column " + fieldName(product));
    }
    return col[row];
  }

  /**
   * The current stage of a row.
   *
   * @param row the row
   * @return the stage id
   * @throws IllegalStateException if the population has no stage column
   * @throws IndexOutOfBoundsException if the row is out of range
   */
  public String stage(int row) {
    if (stages == null) {
      throw new IllegalStateException("population has no column stage");
    }
    return stages[row];
  }

  /**
   * Copies a metric column's values into an array, for fitting.
   *
   * @param metric the metric
   * @param into the array to fill, at least {@link #size()} long
   * @throws IllegalStateException if the population has no such column
   * @throws IndexOutOfBoundsException if {@code into} is shorter than {@link #size()}
   */
  public void copy(Metric metric, double[] into) {
    double[] col = metrics[metric.ordinal()];
    if (col == null) {
      throw new IllegalStateException("population has no column " + fieldName(metric));
    }
    System.arraycopy(col, 0, into, 0, col.length);
  }

  /** Returns the size, the instant and the columns: no customer data. */
  @Override
  public String toString() {
    return "Population[" + ids.length + " customers as of " + asOf + ", " + columns + "]";
  }
}
