package io.clm.kafka.streams;

import io.clm.api.CustomerId;
import io.clm.api.annotation.Experimental;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another application instance for a customer it owns. {@link HttpCustomerEndpoint#client()}
 * is one implementation; integrators with their own service mesh supply another.
 */
@FunctionalInterface
@SuppressWarnings("exports")
@Experimental
public interface RemoteCustomers {
  /**
   * Looks a customer up in the instance that owns it.
   *
   * @param owner the owner's {@code application.server}
   * @param customer the customer
   * @return the customer, or empty if the owner does not know it
   * @throws CustomerQueryException if the owner cannot be asked
   */
  Optional<CustomerView> fetch(HostInfo owner, CustomerId customer);
}
