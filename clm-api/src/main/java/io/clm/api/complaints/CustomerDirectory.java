package io.clm.api.complaints;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Experimental;
import java.util.Optional;

/**
 * Finds the customer behind a calling number (seed 002: the integrated call centre tells the agent
 * which customer is calling). Supplied by the integrator, usually backed by the CRM; handed to the
 * complaint desk's builder, not discovered. Implementations must be thread-safe and must not log
 * the phone number.
 */
@Experimental
public interface CustomerDirectory {

  /**
   * Looks up a calling number.
   *
   * @param phoneNumber the number as the telephony system gives it
   * @return the customer, or empty when the number is unknown or shared by several customers
   */
  Optional<CustomerId> findByPhone(String phoneNumber);

  /**
   * Whether the customer is known to be in a vulnerable situation (FCA FG21/1; elderly customers,
   * illness, bereavement). Vulnerable customers' complaints can be classified urgent.
   *
   * @param customer the customer
   * @return true if vulnerable; the default says false
   */
  default boolean isVulnerable(CustomerId customer) {
    return false;
  }
}
