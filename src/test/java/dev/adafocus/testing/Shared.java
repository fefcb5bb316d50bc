package dev.adafocus.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared reference folder (parity fixtures) beside the repository. */
public final class Shared {
  private Shared() {}

  /** {@code $ADAFOCUS_SHARED}, else ../shared relative to the working directory. */
  public static Path root() {
    String env = System.getenv("ADAFOCUS_SHARED");
    Path p = env != null ? Path.of(env) : Path.of("..", "shared");
    if (!Files.isDirectory(p.resolve("fixtures"))) {
      throw new IllegalStateException("shared fixtures not found at " + p.toAbsolutePath()
          + " (set ADAFOCUS_SHARED to the folder holding fixtures/)");
    }
    return p;
  }
}
