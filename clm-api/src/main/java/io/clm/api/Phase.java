package io.clm.api;

import io.clm.api.annotation.Stable;

/**
 * The three phases of a customer relationship that every lifecycle model groups its stages into
 * (seed 002's 建立 / 维持 / 恢复).
 */
@Stable
public enum Phase {
  /** Establishing the relationship: prospects and new customers. */
  ESTABLISH,
  /** Maintaining it: growth and maturity, where value is earned. */
  MAINTAIN,
  /** Recovering it: decline, exit and interruption, where it is saved or lost. */
  RECOVER
}
