package dev.adafocus.cli;

import picocli.CommandLine.Command;

/**
 * {@code adafocus exit}: conditional exit (AdaFocusV2+), i.e. stopping a video early once the model is confident.
 * Only groups its subcommands; alone it reports the missing subcommand with the usage (exit code 2).
 */
@Command(
    name = "exit",
    mixinStandardHelpOptions = true,
    description = "Conditional exit: calibrate per-step confidence thresholds for a GFLOPs budget.",
    subcommands = {ExitCalibrateCommand.class})
public final class ExitCommand {}
