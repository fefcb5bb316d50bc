package dev.adafocus.train;

import dev.adafocus.AdaFocusException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The folder of one training run, {@code <runs folder>/<yyyyMMdd_HHmmss>/}, holding {@code config.yaml},
 * {@code train.log}, {@code scalars.jsonl}, the checkpoints and the learning-curve plots. Created and checked for
 * writing before training starts.
 */
public final class WorkDir {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");

  private final Path dir;

  private WorkDir(Path dir) {
    this.dir = dir;
  }

  /** Creates a new timestamped run folder under {@code runsFolder}; fails with a clear message if it is not writable. */
  public static WorkDir create(Path runsFolder, LocalDateTime now) {
    String stamp = now.format(STAMP);
    Path dir = runsFolder.resolve(stamp);
    for (int i = 1; Files.exists(dir); i++) {
      dir = runsFolder.resolve(stamp + "_" + i);
    }
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".write-test", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      throw new AdaFocusException("work dir " + dir + " is not writable (" + e + "); choose another with --work-dir");
    }
    return new WorkDir(dir);
  }

  public Path dir() {
    return dir;
  }

  /** The resolved config of the run. */
  public Path configFile() {
    return dir.resolve("config.yaml");
  }

  /** Progress lines, as printed. */
  public Path logFile() {
    return dir.resolve("train.log");
  }

  /** One JSON object per logged step and per validation. */
  public Path scalarsFile() {
    return dir.resolve("scalars.jsonl");
  }

  /** A writer that prints to {@code console} and appends to {@link #logFile()}; closing it closes the file only. */
  public PrintWriter openLog(PrintWriter console) {
    Writer file;
    try {
      file = Files.newBufferedWriter(logFile(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new AdaFocusException("cannot open " + logFile() + ": " + e.getMessage(), e);
    }
    return new PrintWriter(new Writer() {
      @Override
      public void write(char[] buf, int off, int len) throws IOException {
        console.write(buf, off, len);
        file.write(buf, off, len);
      }

      @Override
      public void flush() throws IOException {
        console.flush();
        file.flush();
      }

      @Override
      public void close() throws IOException {
        flush();
        file.close();
      }
    }, true);
  }
}
