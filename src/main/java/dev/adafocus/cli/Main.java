package dev.adafocus.cli;

import dev.adafocus.AdaFocusException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code adafocus} command-line tool. */
@Command(
    name = "adafocus",
    mixinStandardHelpOptions = true,
    version = "adafocus-java 0.1.0",
    description = "Spatially adaptive video recognition (AdaFocusV2 and family) on the JVM.",
    subcommands = {
        CommandLine.HelpCommand.class,
        DemoCommand.class,
        TrainCommand.class,
        TestCommand.class,
        FlopsCommand.class,
        ExitCommand.class,
        ConvertCommand.class,
        DataCommand.class,
        PlotCommand.class,
        BenchCommand.class,
        TsmFlopsCommand.class,
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        " 0:success",
        " 1:internal error (stack trace with ADAFOCUS_VERBOSE=1)",
        " 2:usage error",
        " 3:bad input (data, checkpoint, video or config; the message names the file)"})
public final class Main implements Callable<Integer> {
  /** Exit code for errors in the user's input. */
  public static final int BAD_INPUT = 3;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** Runs the tool in-process and returns its exit code (used by tests). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter e = commandLine.getErr();
      if (ex instanceof AdaFocusException) {
        e.println("error: " + ex.getMessage());
        e.flush();
        return BAD_INPUT;
      }
      if (System.getenv("ADAFOCUS_VERBOSE") != null) {
        ex.printStackTrace(e);
      } else {
        e.println("internal error: " + ex);
        e.println("(set ADAFOCUS_VERBOSE=1 for the stack trace)");
      }
      e.flush();
      return 1;
    });
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  public static void main(String[] args) {
    System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
  }
}
