package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlotCommandTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void plotsARunFolderAndPrintsJsonLast() throws Exception {
    Files.writeString(dir.resolve("scalars.jsonl"),
        "{\"epoch\": 1, \"mode\": \"train\", \"loss\": 2.0}\n{\"epoch\": 2, \"mode\": \"train\", \"loss\": 1.5}\n");
    assertEquals(0, run("plot", dir.toString(), "--json"), err.toString());
    String[] lines = out.toString().strip().split("\n");
    JsonObject summary = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    Path png = Path.of(summary.getAsJsonArray("written").get(0).getAsString());
    assertEquals(dir.resolve("learning_curve.png"), png);
    assertTrue(Files.size(png) > 0);
    assertEquals(2, summary.getAsJsonArray("notes").size(), "exit curve and static points absent");
  }

  @Test
  void malformedLogIsBadInputNamingFileAndLine() throws Exception {
    Path log = Files.writeString(dir.resolve("scalars.jsonl"), "{\"epoch\": 1, \"loss\": 2.0}\n{\"loss\": oops\n");
    assertEquals(Main.BAD_INPUT, run("plot", dir.toString()));
    assertTrue(err.toString().contains(log + ":2: "), err.toString());
  }

  @Test
  void emptyRunFolderIsBadInput() {
    assertEquals(Main.BAD_INPUT, run("plot", dir.toString()));
    assertTrue(err.toString().contains("nothing to plot"), err.toString());
  }
}
