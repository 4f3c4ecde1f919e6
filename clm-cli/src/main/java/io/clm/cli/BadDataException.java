package io.clm.cli;

/** The input cannot be used; the run stops with exit code 1. */
final class BadDataException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String hint;

  BadDataException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  String hint() {
    return hint;
  }
}
