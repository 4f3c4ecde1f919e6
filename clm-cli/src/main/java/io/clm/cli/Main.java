package io.clm.cli;

import io.clm.api.InvalidModelException;
import io.clm.api.PluginConfigurationException;
import io.clm.api.PluginInfo;
import io.clm.api.Clm;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code clm} command line: {@code demo} runs the whole lifecycle on a synthetic bank
 * portfolio, {@code analyze} runs it on the user's files, {@code plugins} lists what was
 * discovered. See docs/cli.md.
 */
public final class Main {
  static final String OVERVIEW =
      "Usage: clm <command> [options]\n\n"
          + "Customer lifecycle management for banks: lifecycle stages, segments, churn risk,\n"
          + "retention actions and complaint service levels, in one report.\n\n"
          + "Commands:\n"
          + "  demo      generate a synthetic retail-bank portfolio and report on it\n"
          + "  analyze   report on your own transactions, interactions and complaints (CSV or JSON Lines)\n"
          + "  clv       fit buy-till-you-die and spend models to a transaction export, check them on a\n"
          + "            hold-out period and score every customer's lifetime value\n"
          + "  plugins   list the lifecycle models, segmentation schemes, retention strategies and\n"
          + "            complaint workflows found on the class path\n\n"
          + "Run 'clm <command> --help' for a command's options. Exit codes: 0 ok, 1 bad data,\n"
          + "2 usage error, 3 file error, 4 configuration error, 5 internal error.\n";

  /**
   * Flyway, which migrates the schema of {@code analyze --store}, logs through java.util.logging;
   * held here so that its level stays set.
   */
  private static final Logger FLYWAY = Logger.getLogger("org.flywaydb");

  private final PrintStream out;
  private final PrintStream err;
  private final boolean terminal;
  private final UnaryOperator<String> env;

  Main(PrintStream out, PrintStream err, boolean terminal) {
    this(out, err, terminal, System::getenv);
  }

  /** A command line that reads environment variables (the store's password) through {@code env}. */
  Main(PrintStream out, PrintStream err, boolean terminal, UnaryOperator<String> env) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
    this.env = env;
  }

  /**
   * Runs the command line and exits with its exit code.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    quietLogging();
    PrintStream out = new LineFeedStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false);
    PrintStream err = new LineFeedStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true);
    int code = new Main(out, err, System.console() != null).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * clm logs through SLF4J without a backend of its own; on the command line, with no backend on the
   * class path, say nothing rather than print SLF4J's warning about it. Flyway says only what went
   * wrong, not each step of a migration.
   */
  private static void quietLogging() {
    FLYWAY.setLevel(Level.WARNING);
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
  }

  /** Runs a command and returns the exit code; never calls System.exit. */
  int run(String[] args) {
    if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
      out.print(OVERVIEW);
      return args.length == 0 ? ExitCode.USAGE.code() : ExitCode.OK.code();
    }
    String command = args[0];
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (command) {
        case "demo":
          return new DemoCommand(out, err, terminal).run(rest).code();
        case "analyze":
          return new AnalyzeCommand(out, err, terminal, env).run(rest).code();
        case "clv":
          return new ClvCommand(out).run(rest).code();
        case "plugins":
          return plugins(rest).code();
        case "--version":
          out.println("clm " + version());
          return ExitCode.OK.code();
        default:
          throw new UsageException("unknown command '" + command + "'; commands are demo, analyze, clv, plugins");
      }
    } catch (UsageException e) {
      err.println("clm: " + e.getMessage());
      err.println("Run 'clm " + (isCommand(command) ? command + " " : "") + "--help' for usage.");
      return ExitCode.USAGE.code();
    } catch (BadDataException e) {
      err.println("clm: bad data: " + e.getMessage());
      if (e.hint() != null) {
        err.println(e.hint());
      }
      return ExitCode.BAD_DATA.code();
    } catch (IOException | UncheckedIOException e) {
      err.println("clm: " + describe(e));
      return ExitCode.IO_ERROR.code();
    } catch (StoreException e) {
      err.println("clm: " + e.getMessage());
      return e.exitCode().code();
    } catch (PluginConfigurationException | InvalidModelException e) {
      err.println("clm: configuration: " + e.getMessage());
      return ExitCode.CONFIGURATION.code();
    } catch (RuntimeException e) {
      err.println("clm: internal error, please report it with this trace:");
      e.printStackTrace(err);
      return ExitCode.INTERNAL.code();
    }
  }

  private static boolean isCommand(String command) {
    return List.of("demo", "analyze", "clv", "plugins").contains(command);
  }

  private static String describe(Exception e) {
    Throwable cause = e instanceof UncheckedIOException ? e.getCause() : e;
    if (cause instanceof java.nio.file.NoSuchFileException) {
      return "file not found: " + cause.getMessage();
    }
    if (cause instanceof java.nio.file.AccessDeniedException) {
      return "permission denied: " + cause.getMessage();
    }
    return "file error: " + cause;
  }

  private ExitCode plugins(String[] args) {
    List<Arguments.Option> options = List.of(Arguments.Option.flag("help", "show this help"));
    Arguments a = Arguments.parse("plugins", options, args);
    if (a.has("help")) {
      out.print(Arguments.help("clm plugins", "Lists every plugin found on the class path: kind, id, version, class and jar.", options));
      return ExitCode.OK;
    }
    List<PluginInfo> found = Clm.plugins().list();
    String row = "%-24s %-28s %-16s %-62s %s\n";
    out.printf(Locale.ROOT, row, "KIND", "ID", "VERSION", "CLASS", "JAR");
    for (PluginInfo p : found) {
      out.printf(Locale.ROOT, row, p.kind(), p.id(), p.version(), p.className(), p.location());
    }
    out.println(found.size() + " plugins");
    return ExitCode.OK;
  }

  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "(development build)" : v;
  }
}
