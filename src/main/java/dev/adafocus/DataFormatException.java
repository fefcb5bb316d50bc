package dev.adafocus;

import java.nio.file.Path;

/** A malformed or inconsistent data file (list file, label map, frame folder), located by file and line. */
public class DataFormatException extends AdaFocusException {
  private final Path file;
  private final int line;

  /** {@code line} is 1-based; 0 when the problem is not on one line. */
  public DataFormatException(Path file, int line, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + message);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }
}
