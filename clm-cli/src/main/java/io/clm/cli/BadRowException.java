package io.clm.cli;

/**
 * A row of an input file that cannot be used: it names the file, the line (1-based, the header is
 * line 1 of a CSV file) and the field, so that the user can find and fix it.
 */
final class BadRowException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The pseudo-field for problems with the row as a whole (malformed JSON, wrong column count). */
  static final String ROW = "(row)";

  private final String file;
  private final long line;
  private final String field;
  private final String problem;

  BadRowException(String file, long line, String field, String problem) {
    super(file + " line " + line + ", field '" + field + "': " + problem);
    this.file = file;
    this.line = line;
    this.field = field;
    this.problem = problem;
  }

  String file() {
    return file;
  }

  long line() {
    return line;
  }

  String field() {
    return field;
  }

  String problem() {
    return problem;
  }
}
