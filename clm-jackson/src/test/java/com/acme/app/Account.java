package com.acme.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An application's own class with getter-based properties. */
public final class Account {
  private final Instant openedAt = Instant.parse("2026-03-01T10:15:30.123Z");

  public Instant getOpenedAt() {
    return openedAt;
  }

  @JsonProperty("kind")
  public String type() {
    return "current";
  }
}
