package io.clm.cli;

/** The process exit codes of the {@code clm} command, documented in docs/cli.md. */
enum ExitCode {
  /** The command ran and printed its report. */
  OK(0),
  /** The input data has a bad row (and {@code --skip-bad-rows} was not given), or no row was usable. */
  BAD_DATA(1),
  /** The command line is wrong: unknown command or option, missing or malformed value. */
  USAGE(2),
  /** A file could not be read or written, or the {@code --store} database could not be reached or refused. */
  IO_ERROR(3),
  /**
   * clm itself is misconfigured: no engine on the class path, unknown model, a plugin that fails to
   * load; or the {@code --store} database's schema is newer than this clm.
   */
  CONFIGURATION(4),
  /** An unexpected internal error; please report it with the stack trace printed. */
  INTERNAL(5);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }
}
