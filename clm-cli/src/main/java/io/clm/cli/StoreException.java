package io.clm.cli;

/**
 * The store of {@code analyze --store} cannot be opened, read or written; the message names the
 * store (its URL without credentials) and the operation, and the exit code says what kind of
 * failure it was.
 */
final class StoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ExitCode exitCode;

  StoreException(String message, ExitCode exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  ExitCode exitCode() {
    return exitCode;
  }
}
