package io.clm.api.spi;

import io.clm.api.annotation.Internal;
import io.clm.api.complaints.ComplaintDesk;

/**
 * The bridge from the API to the complaint desk implementation, found with {@link
 * java.util.ServiceLoader} by {@link io.clm.api.complaints.ComplaintDeskBuilder#build()}.
 * clm-complaints provides exactly one; applications never call it.
 */
@Internal
public interface ComplaintDeskProvider {

  /**
   * Creates a desk.
   *
   * @param config the checked configuration
   * @return the desk
   */
  ComplaintDesk desk(ComplaintDeskConfig config);
}
