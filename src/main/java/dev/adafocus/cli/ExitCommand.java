package dev.adafocus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code adafocus exit}: conditional exit (AdaFocusV2+), i.e. stopping a video early once the model is confident. */
@Command(
    name = "exit",
    mixinStandardHelpOptions = true,
    description = "Conditional exit: calibrate per-step confidence thresholds for a GFLOPs budget.",
    subcommands = {ExitCalibrateCommand.class})
public final class ExitCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
