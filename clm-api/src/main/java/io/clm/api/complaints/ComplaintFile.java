package io.clm.api.complaints;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Experimental;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the desk keeps about a customer beyond the tickets: preferences learned while handling
 * complaints and the departments to remind when the customer does business again.
 *
 * @param customer the customer
 * @param preferences the preferences, in the order they were noted, without repeats
 * @param departments the departments to remind, sorted
 */
@Experimental
public record ComplaintFile(CustomerId customer, List<String> preferences, Set<String> departments) {

  /**
   * Validates and copies the file.
   *
   * @throws NullPointerException if a component is null
   * @param customer the customer
   * @param preferences the preferences, in the order they were noted, without repeats
   * @param departments the departments to remind, sorted
   */
  public ComplaintFile {
    Objects.requireNonNull(customer, "customer");
    preferences = List.copyOf(new java.util.LinkedHashSet<>(preferences));
    departments = java.util.Collections.unmodifiableSet(new TreeSet<>(departments));
  }
}
