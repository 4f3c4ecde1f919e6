package io.clm.api.segmentation;

import io.clm.api.Customer;
import io.clm.api.ValidationException;
import io.clm.api.annotation.Experimental;
import java.time.Instant;
import java.util.List;

/**
 * Places customers with a {@link FittedScheme}: made by {@link
 * SegmentationScheme#segmenter(FittedScheme)}, immutable and thread-safe.
 *
 * <p>Two ways in, one set of rules: {@link #assign(Customer, Instant)} places one customer and
 * explains it; {@link #assignAll(Population)} places a whole portfolio into primitive arrays, with
 * no object per customer. Both give every customer the same segment.
 */
@Experimental
public interface Segmenter {

  /**
   * The fitted scheme this segmenter applies.
   *
   * @return the fitted scheme
   */
  FittedScheme fitted();

  /**
   * The segments this segmenter can assign, in display order, without {@link
   * Assignment#UNCLASSIFIED} (as {@link SegmentationScheme#segments()}).
   *
   * @return segment ids
   */
  List<String> segments();

  /**
   * Places one customer, with the inputs that decided it. Allocation-light: it reads only the
   * columns the scheme needs.
   *
   * @param customer the customer, unchanged by the call
   * @param asOf the instant time-dependent measures (recency, inactivity) are taken at
   * @return the assignment
   * @throws NullPointerException if an argument is null
   * @throws ValidationException if an input is NaN or out of range where it cannot be (the message
   *     names the masked customer id and the field)
   */
  Assignment assign(Customer customer, Instant asOf);

  /**
   * Places every customer of a population.
   *
   * @param population the customers, unchanged by the call
   * @return one segment (or unclassified with a reason) per row
   * @throws NullPointerException if {@code population} is null
   * @throws ValidationException if the population lacks a column the scheme reads
   */
  Segmentation assignAll(Population population);
}
