package io.clm.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The options of one command, parsed from {@code --name value}, {@code --name=value} and {@code
 * --flag} arguments against the command's declared {@link Option options}. Every problem is a
 * {@link UsageException} that names the option.
 */
final class Arguments {

  /** An option a command accepts. */
  record Option(String name, String valueName, String help) {
    boolean takesValue() {
      return valueName != null;
    }

    static Option flag(String name, String help) {
      return new Option(name, null, help);
    }

    static Option value(String name, String valueName, String help) {
      return new Option(name, valueName, help);
    }
  }

  private final String command;
  private final Map<String, String> values;

  private Arguments(String command, Map<String, String> values) {
    this.command = command;
    this.values = values;
  }

  /**
   * Parses the arguments after the command name.
   *
   * @throws UsageException for an unknown option, a missing value, a repeated option or a
   *     positional argument
   */
  static Arguments parse(String command, List<Option> options, String[] args) {
    Map<String, Option> byName = new LinkedHashMap<>();
    options.forEach(o -> byName.put(o.name(), o));
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new UsageException(command + ": unexpected argument '" + arg + "'");
      }
      String name = arg.substring(2);
      String value = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        value = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      Option option = byName.get(name);
      if (option == null) {
        throw new UsageException(command + ": unknown option --" + name);
      }
      if (option.takesValue()) {
        if (value == null) {
          if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
            throw new UsageException(
                command + ": option --" + name + " needs a value (" + option.valueName() + ")");
          }
          value = args[++i];
        }
        if (value.isEmpty()) {
          // --transactions= would otherwise be a file with no name, and --as-of= a date with none
          throw new UsageException(command + ": option --" + name + " needs a value (" + option.valueName() + "), not an empty one");
        }
      } else if (value != null) {
        throw new UsageException(command + ": option --" + name + " takes no value");
      } else {
        value = "true";
      }
      if (values.put(name, value) != null) {
        throw new UsageException(command + ": option --" + name + " is given twice");
      }
    }
    return new Arguments(command, values);
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  Optional<String> text(String name) {
    return Optional.ofNullable(values.get(name));
  }

  String text(String name, String defaultValue) {
    return values.getOrDefault(name, defaultValue);
  }

  Optional<Path> path(String name) {
    return text(name).map(Path::of);
  }

  int integer(String name, int defaultValue, int min, int max) {
    String text = values.get(name);
    if (text == null) {
      return defaultValue;
    }
    long value;
    try {
      value = Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException(command + ": --" + name + " '" + text + "' is not a whole number");
    }
    if (value < min || value > max) {
      throw new UsageException(
          command + ": --" + name + " " + value + " is outside " + min + ".." + max);
    }
    return (int) value;
  }

  long longValue(String name, long defaultValue) {
    String text = values.get(name);
    if (text == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UsageException(command + ": --" + name + " '" + text + "' is not a whole number");
    }
  }

  Optional<LocalDate> date(String name) {
    String text = values.get(name);
    if (text == null) {
      return Optional.empty();
    }
    LocalDate date;
    try {
      date = LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new UsageException(command + ": --" + name + " '" + text + "' is not a date (yyyy-mm-dd)");
    }
    if (!inRange(date)) {
      throw new UsageException(command + ": --" + name + " '" + text + "' is outside " + Row.YEARS);
    }
    return Optional.of(date);
  }

  /** Whether a date lies in the years 0001 to 9999, the years input files may have ({@link Row#EARLIEST}). */
  static boolean inRange(LocalDate date) {
    return date.getYear() >= 1 && date.getYear() <= 9999;
  }

  /** The help text of a command: usage line, description and one line per option. */
  static String help(String usage, String description, List<Option> options) {
    StringBuilder text = new StringBuilder("Usage: ").append(usage).append("\n\n");
    text.append(description).append("\n\nOptions:\n");
    List<String> left = new ArrayList<>();
    int width = 0;
    for (Option o : options) {
      String l = "  --" + o.name() + (o.takesValue() ? " " + o.valueName() : "");
      left.add(l);
      width = Math.max(width, l.length());
    }
    for (int i = 0; i < options.size(); i++) {
      text.append(String.format(Locale.ROOT, "%-" + (width + 2) + "s%s\n", left.get(i), options.get(i).help()));
    }
    return text.toString();
  }
}
