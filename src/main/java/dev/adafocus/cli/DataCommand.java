package dev.adafocus.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code adafocus data}: dataset preparation and loader tools. */
@Command(
    name = "data",
    mixinStandardHelpOptions = true,
    description = "Prepare video data and measure the data loader.",
    subcommands = {
        ExtractFramesCommand.class,
        BenchLoaderCommand.class,
        CheckListCommand.class,
        MakeBenchmarkCommand.class,
    })
public final class DataCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
