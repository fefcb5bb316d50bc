package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.adafocus.models.backbones.BackboneSpec;
import dev.adafocus.models.tsm.TsmConfig;
import dev.adafocus.models.tsm.TsmFlops;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TsmFlopsCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void jsonTotalIsTheMeasuredCostWithOneAndAHalfTimesTheGlanceFramesInFocus() {
    int code = run("flops-tsm", "--num-classes", "5", "--patch-size", "16", "--glance-frames", "2", "--input-size", "32",
        "--glance-width", "0.25", "--focus", "resnet10", "--focus-width", "0.25", "--json");
    assertEquals(0, code, err.toString());
    String[] lines = out.toString().strip().split("\n");
    JsonObject o = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    TsmFlops expected = TsmFlops.measure(new TsmConfig(5, 2, 3, 32, 16, new BackboneSpec("mobilenet_v2", 0.25),
        new BackboneSpec("resnet10", 0.25), 8, 0.5));
    assertEquals(expected.gflopsPerVideo(), o.get("gflops_per_video").getAsDouble(), 1e-12);
    assertEquals(expected.perVideoMacs().get("policy") / 1e9,
        o.getAsJsonObject("gflops_per_video_by_component").get("policy").getAsDouble(), 1e-12);
    assertTrue(out.toString().contains("on 3 frames"), out.toString());
  }

  @Test
  void invalidPatchSizeIsAUsageError() {
    int code = run("flops-tsm", "--patch-size", "300");
    assertEquals(2, code);
    assertTrue(err.toString().contains("patch_size"), err.toString());
  }
}
