package io.clm.cli;

/** The command line is wrong; the message says what and how to fix it. */
final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
