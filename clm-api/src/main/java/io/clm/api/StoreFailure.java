package io.clm.api;

import io.clm.api.annotation.Experimental;

/**
 * What kind of failure a store reported: the kind of a {@link
 * io.clm.api.spi.CustomerStoreException} or a {@link io.clm.api.complaints.TicketStoreException}, so that a caller can tell a write it may retry at once ({@link #CONFLICT}) from a
 * store that is down or full and from one that needs a person.
 */
@Experimental
public enum StoreFailure {
  /** The store cannot be reached, or the connection broke. Retrying later may succeed. */
  UNAVAILABLE,
  /** The store is out of disk, memory or another resource. */
  FULL,
  /**
   * The operation was refused: by the store's database (a constraint, a read-only database, a
   * missing privilege, for a read as for a write), or by the store before anything was written
   * (a value longer than the store keeps).
   */
  REFUSED,
  /**
   * The store's schema is not one the code can work with, or its database is not one the store
   * supports.
   */
  SCHEMA,
  /**
   * Another transaction conflicted with this write: a serialization failure, a deadlock, a lock
   * that was not granted in time. The store rolled the whole write back, so nothing of it was
   * stored; retrying the write may succeed.
   */
  CONFLICT,
  /** Any other failure. */
  FAILED
}
