package io.clm.cli;

/** Shared test set-up. */
final class TestSupport {
  private TestSupport() {}

  static RunOptions options(String... args) {
    return RunOptions.of(Arguments.parse("test", RunOptions.OPTIONS, args));
  }
}
