package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The top-level {@code adafocus --help}. */
class MainHelpTest {
  @Test
  void everyCommandSummaryIsAWholeSentence() {
    StringWriter out = new StringWriter();
    assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "--help"));
    String help = out.toString();
    List<String> summaries = new ArrayList<>();
    for (String line : help.substring(help.indexOf("Commands:") + "Commands:".length(), help.indexOf("Exit codes:"))
        .split("\n")) {
      if (line.startsWith("  ") && !line.startsWith("   ")) {
        summaries.add(line.strip());
      } else if (!line.isBlank()) {
        summaries.set(summaries.size() - 1, summaries.get(summaries.size() - 1) + " " + line.strip());
      }
    }
    assertTrue(summaries.stream().anyMatch(s -> s.startsWith("demo ")), help);
    for (String s : summaries) {
      assertTrue(s.endsWith("."), "summary cut off: " + s);
    }
  }
}
