package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code adafocus demo} without arguments (the built-in demo) refuses the single-video options before training. */
class DemoCommandTest {
  @TempDir
  Path dir;

  @Test
  void builtInDemoRejectsEverySingleVideoOption() {
    String work = dir.resolve("w").toString();
    List<List<String>> cases = List.of(List.of("--optimise"), List.of("--precision", "bf16"),
        List.of("--thresholds", dir.resolve("t.json").toString()), List.of("--out-filename", "x.gif"));
    for (List<String> option : cases) {
      StringWriter err = new StringWriter();
      String[] args = Stream.concat(Stream.of("demo", "--work-dir", work), option.stream()).toArray(String[]::new);
      assertEquals(2, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), args), err.toString());
      assertTrue(err.toString().contains(option.get(0) + " applies only to single-video mode"), err.toString());
    }
    StringWriter err = new StringWriter();
    assertEquals(2, Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "demo", "--work-dir", work,
        "--thresholds", "t.json", "--out-filename", "x.gif"));
    assertTrue(err.toString().contains("--thresholds, --out-filename apply only to"), err.toString());
    assertTrue(Files.notExists(dir.resolve("w")), "nothing was trained");
  }
}
