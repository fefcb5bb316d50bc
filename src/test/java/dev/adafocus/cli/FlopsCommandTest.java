package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.adafocus.models.backbones.BackboneSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code adafocus flops}: the per-component table and, with --json, one JSON object as the last stdout line. */
class FlopsCommandTest {
  @Test
  void jsonLastLineHasTheOfficialPerFrameAndPerVideoCost() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), "flops", "--patch-size", "128", "--json");
    assertEquals(0, code, err.toString());
    String[] lines = out.toString().strip().split("\n");
    JsonObject o = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    assertEquals(1.684842018, o.get("gflops_per_frame").getAsDouble(), 1e-8);
    assertEquals(16 * 1.684842018, o.get("gflops_per_video").getAsDouble(), 1e-7);
    for (String component : new String[] {"glance", "policy", "focus", "classifier"}) {
      assertTrue(out.toString().contains(component), "table row for " + component);
    }
  }

  @Test
  void invalidShapeIsAUsageError() {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "flops", "--patch-size", "300");
    assertEquals(2, code);
    assertTrue(err.toString().contains("patch_size"), err.toString());
  }

  @Test
  void backboneHelpListsEveryAcceptedName() {
    for (String command : new String[] {"flops", "bench", "flops-tsm"}) {
      StringWriter out = new StringWriter();
      assertEquals(0, Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), command, "--help"));
      for (String arch : BackboneSpec.ARCHITECTURES) {
        assertTrue(out.toString().contains(arch), command + " --help lacks " + arch + ":\n" + out);
      }
    }
  }
}
