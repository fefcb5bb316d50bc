package dev.adafocus.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.AdaFocusException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkDirTest {
  @TempDir
  Path dir;

  private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 26, 15, 4, 5);

  @Test
  void createsATimestampedRunFolderAndNeverReusesOne() {
    WorkDir a = WorkDir.create(dir.resolve("work_dirs/exp"), NOW);
    WorkDir b = WorkDir.create(dir.resolve("work_dirs/exp"), NOW);
    assertEquals(dir.resolve("work_dirs/exp/20261126_150405"), a.dir());
    assertEquals(dir.resolve("work_dirs/exp/20261126_150405_1"), b.dir());
    assertTrue(Files.isDirectory(a.dir()));
  }

  @Test
  void anUnwritableLocationFailsBeforeTrainingWithAClearMessage() throws IOException {
    Path file = Files.writeString(dir.resolve("occupied"), "a file, not a folder");
    AdaFocusException e = assertThrows(AdaFocusException.class, () -> WorkDir.create(file.resolve("runs"), NOW));
    assertTrue(e.getMessage().startsWith("work dir " + file.resolve("runs")), e.getMessage());
    assertTrue(e.getMessage().contains("choose another with --work-dir"), e.getMessage());
  }

  @Test
  void theLogGoesToTheConsoleAndTheLogFile() throws IOException {
    WorkDir w = WorkDir.create(dir, NOW);
    StringWriter console = new StringWriter();
    try (PrintWriter log = w.openLog(new PrintWriter(console))) {
      log.println("Epoch(train) [0][1/1]");
    }
    assertEquals("Epoch(train) [0][1/1]\n", console.toString());
    assertEquals("Epoch(train) [0][1/1]\n", Files.readString(w.logFile()));
  }
}
