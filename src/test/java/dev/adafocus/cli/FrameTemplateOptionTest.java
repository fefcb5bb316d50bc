package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A {@code --template} without exactly one number field is a usage error in every command that takes it. */
class FrameTemplateOptionTest {
  @TempDir
  Path dir;

  @Test
  void aTemplateWithoutOneNumberFieldIsAUsageError() throws IOException {
    Path list = Files.writeString(dir.resolve("list.txt"), "v_a 4 0\n");
    List<CliRun> runs = List.of(
        CliRun.of("data", "check-list", "--list", list.toString(), "--template", "img_%d%d.jpg"),
        CliRun.of("data", "extract-frames", "--videos", dir.toString(), "--out", dir.resolve("f").toString(),
            "--template", "img.jpg"),
        CliRun.of("data", "bench-loader", "--list", list.toString(), "--template", "img_%s.jpg"));
    for (CliRun r : runs) {
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("--template") && r.err().contains("needs exactly one number field"), r.err());
      assertTrue(!r.err().contains("internal error") && !r.err().contains("\tat "), r.err());
    }
  }
}
