/** The {@code adafocus} command line: one picocli class per subcommand, each a thin call into the library. */
package dev.adafocus.cli;
