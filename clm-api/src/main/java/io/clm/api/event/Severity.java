package io.clm.api.event;

import io.clm.api.annotation.Stable;

/** How a complaint was classified: at least urgent or normal (seed 002). */
@Stable
public enum Severity {
  /** Must be handled first; pushes the customer towards decline while open. */
  URGENT,
  /** Handled in the ordinary course. */
  NORMAL
}
