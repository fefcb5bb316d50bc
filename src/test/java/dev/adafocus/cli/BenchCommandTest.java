package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.adafocus.flops.ModelFlops;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.backbones.BackboneSpec;
import dev.adafocus.testing.CliRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code adafocus bench} on a tiny model: every measurement present and consistent (no timing assertions). */
class BenchCommandTest {
  static final String[] TINY = {"bench", "--num-classes", "5", "--frames", "3", "--input-size", "32", "--glance-width", "0.25",
      "--focus", "resnet10", "--focus-width", "0.25", "--policy-hidden", "16", "--classifier-hidden", "32", "--threads", "1",
      "--warmup", "0", "--repeats", "2"};

  @Test
  void reportsEveryModelWithConsistentNumbers() {
    JsonObject o = run(0, CliRun.concat(TINY, "--batch-sizes", "1,2", "--patch-sizes", "16,24", "--train-batch", "2",
        "--train-steps", "2",
        "--memory-iterations", "3", "--ablation", "--json"));
    JsonArray models = o.getAsJsonArray("models");
    assertEquals(2 + 2 + 10, models.size(), "two baselines, two patch sizes, ten ablation rows");
    JsonObject reference = models.get(0).getAsJsonObject();
    assertEquals(o.get("reference").getAsString(), reference.get("name").getAsString());
    assertTrue(reference.get("name").getAsString().startsWith("resnet10"), "the focus backbone is the reference");
    for (var b : reference.getAsJsonArray("batches")) {
      assertEquals(1.0, b.getAsJsonObject().get("speedup_median").getAsDouble(), 0.0);
    }
    for (int i = 0; i < 2; i++) {
      int p = i == 0 ? 16 : 24;
      JsonObject m = models.get(2 + i).getAsJsonObject();
      assertTrue(m.get("name").getAsString().contains("P=" + p), m.get("name").getAsString());
      assertEquals(ModelFlops.measure(tiny(p)).gflopsPerVideo(), m.get("gflops_per_video").getAsDouble(), 1e-12);
      assertEquals(reference.get("gflops_per_video").getAsDouble() / m.get("gflops_per_video").getAsDouble(),
          m.get("flops_ratio").getAsDouble(), 1e-12);
    }
    for (var e : models) {
      JsonObject m = e.getAsJsonObject();
      JsonArray batches = m.getAsJsonArray("batches");
      assertEquals(2, batches.size());
      for (var be : batches) {
        JsonObject b = be.getAsJsonObject();
        int batch = b.get("batch").getAsInt();
        double call = b.get("ms_per_call_median").getAsDouble();
        assertTrue(call > 0 && b.get("ms_per_call_min").getAsDouble() <= call && call <= b.get("ms_per_call_max").getAsDouble());
        assertEquals(call / batch, b.get("ms_per_video").getAsDouble(), 1e-9);
        assertEquals(1000.0 * batch / call, b.get("videos_per_s").getAsDouble(), 1e-9);
        assertEquals(b.get("speedup_median").getAsDouble() / m.get("flops_ratio").getAsDouble(),
            b.get("speedup_over_flops_ratio").getAsDouble(), 1e-9);
      }
    }
    String[] ablation = {"plain", "plain", "no-fold+nhwc+inference-mode+no-fuse+chunk+gru-projected",
        "fold+nchw+inference-mode+fuse+chunk+gru-projected", "fold+nhwc+no-grad+fuse+chunk+gru-projected",
        "fold+nhwc+inference-mode+no-fuse+chunk+gru-projected", "fold+nhwc+inference-mode+fuse+no-chunk+gru-projected",
        "fold+nhwc+inference-mode+fuse+chunk+gru-cell", "fold+nhwc+inference-mode+no-fuse+chunk+gru-projected",
        "fold+nhwc+inference-mode+fuse+no-chunk+gru-projected"};
    for (int i = 0; i < ablation.length; i++) {
      assertEquals(ablation[i], models.get(4 + i).getAsJsonObject().get("optimisation").getAsString());
    }
    assertEquals(3, o.getAsJsonObject("inference_memory").get("iterations").getAsInt());
    assertEquals(3, o.getAsJsonObject("inference_memory").getAsJsonArray("resident_bytes").size());
    JsonObject training = o.getAsJsonObject("training_step");
    assertEquals(2, training.get("batch").getAsInt());
    assertEquals(1 + 2, training.getAsJsonObject("memory").get("iterations").getAsInt(), "warm-up step + timed steps");
    assertTrue(training.get("step_ms_median").getAsDouble() > 0);
    assertEquals(1, o.getAsJsonObject("environment").get("threads").getAsInt());
    assertEquals(dev.adafocus.engine.CpuBfloat16.inHardware(),
        o.getAsJsonObject("environment").get("bfloat16_in_hardware").getAsBoolean());
  }

  @Test
  void patchSizesDefaultToTheOfficialOnesScaledToTheInput() {
    JsonObject o = run(0, CliRun.concat(TINY, "--batch-sizes", "1", "--train-batch", "0", "--memory-iterations", "0", "--json"));
    JsonArray models = o.getAsJsonArray("models");
    // 96, 128, 160 scaled by 32/224 and rounded to multiples of 8, each once
    String[] expected = {"P=16", "P=24"};
    assertEquals(2 + expected.length, models.size());
    for (int i = 0; i < expected.length; i++) {
      assertTrue(models.get(2 + i).getAsJsonObject().get("name").getAsString().endsWith(expected[i]));
    }
    assertTrue(!o.has("training_step") && !o.has("inference_memory"), "skipped parts are absent");
  }

  @Test
  void stagesAddUpToEachVariantAndExplainItsRatio() {
    JsonObject o = run(0, CliRun.concat(TINY, "--batch-sizes", "1,2", "--patch-sizes", "16,24", "--train-batch", "0",
        "--memory-iterations", "0", "--stages",
        "--json"));
    JsonArray models = o.getAsJsonArray("models");
    assertEquals(4, models.size(), "stages are not models");
    JsonObject reference = models.get(0).getAsJsonObject();
    JsonArray stages = o.getAsJsonArray("stages");
    String[] labels = {"glance", "policy", "crop", "focus", "classifier"};
    assertEquals(2 * labels.length, stages.size());
    for (int v = 0; v < 2; v++) {
      JsonObject model = models.get(2 + v).getAsJsonObject();
      double gflops = 0;
      for (int i = 0; i < labels.length; i++) {
        JsonObject stage = stages.get(v * labels.length + i).getAsJsonObject();
        assertEquals(model.get("name").getAsString(), stage.get("model").getAsString());
        assertEquals(labels[i], stage.get("stage").getAsString());
        gflops += stage.get("gflops_per_video").getAsDouble();
      }
      assertEquals(0.0, stages.get(v * labels.length + 2).getAsJsonObject().get("gflops_per_video").getAsDouble(), 0.0,
          "the crop has no multiply-accumulates");
      assertEquals(model.get("gflops_per_video").getAsDouble(), gflops, 1e-12, "the stages' GFLOPs add up to the model's");
      for (int b = 0; b < 2; b++) {
        double refMs = reference.getAsJsonArray("batches").get(b).getAsJsonObject().get("ms_per_video").getAsDouble();
        double flopsRatio = model.get("flops_ratio").getAsDouble();
        double sum = 0;
        double share = 0;
        for (int i = 0; i < labels.length; i++) {
          JsonObject sb = stages.get(v * labels.length + i).getAsJsonObject().getAsJsonArray("batches").get(b).getAsJsonObject();
          assertTrue(sb.get("ms_per_video").getAsDouble() > 0);
          sum += sb.get("ms_per_video").getAsDouble();
          share += sb.get("share_of_stage_sum").getAsDouble();
        }
        assertEquals(1.0, share, 1e-9);
        for (int i = 0; i < labels.length; i++) {
          JsonObject stage = stages.get(v * labels.length + i).getAsJsonObject();
          JsonObject sb = stage.getAsJsonArray("batches").get(b).getAsJsonObject();
          assertEquals(refMs / sum / flopsRatio, sb.get("model_ratio_from_stages").getAsDouble(), 1e-9);
          double atRate = sum - sb.get("ms_per_video").getAsDouble()
              + stage.get("gflops_per_video").getAsDouble() * refMs / reference.get("gflops_per_video").getAsDouble();
          assertEquals(refMs / atRate / flopsRatio, sb.get("model_ratio_if_at_reference_rate").getAsDouble(), 1e-9);
          assertEquals(i != 2, sb.has("rate_over_reference"), "a FLOP rate for every stage but the crop");
        }
      }
    }
  }

  @Test
  void bfloat16BackbonesAreReportedAsSuch() {
    StringWriter out = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), CliRun.concat(TINY, "--batch-sizes", "1",
        "--patch-sizes", "16", "--train-batch", "0", "--memory-iterations", "0", "--precision", "bf16", "--json"));
    assertEquals(0, code);
    assertTrue(out.toString().contains("CNN backbones in bf16"), out.toString());
    String[] lines = out.toString().strip().split("\n");
    JsonObject o = JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
    assertEquals("bf16", o.getAsJsonObject("config").get("precision").getAsString());
    assertEquals(3, o.getAsJsonArray("models").size());
  }

  @Test
  void rejectsAnUnknownPrecision() {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), CliRun.concat(TINY, "--precision", "fp16"));
    assertEquals(2, code);
    assertTrue(err.toString().contains("unknown precision 'fp16' (expected fp32 or bf16)"), err.toString());
  }

  @Test
  void rejectsRepeatedPatchOrBatchSizes() {
    for (String[] option : new String[][] {{"--patch-sizes", "16,16"}, {"--batch-sizes", "1,2", "--batch-sizes", "1"}}) {
      CliRun r = CliRun.of(CliRun.concat(TINY, option));
      assertEquals(2, r.code(), r.err());
      assertTrue(r.err().contains("patch sizes and batch sizes must not repeat"), r.err());
    }
  }

  @Test
  void rejectsAPatchLargerThanTheFrame() {
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), CliRun.concat(TINY, "--patch-sizes", "16,40"));
    assertEquals(2, code);
    assertTrue(err.toString().contains("patch sizes must be in [8, input size 32], got 40"), err.toString());
  }

  private static AdaFocusConfig tiny(int patch) {
    return new AdaFocusConfig(5, 3, 32, patch, new BackboneSpec("mobilenet_v2", 0.25), 0, new BackboneSpec("resnet10", 0.25),
        16, 32, 0.2, 0.2);
  }

  private static JsonObject run(int expectedCode, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    assertEquals(expectedCode, code, err.toString());
    String[] lines = out.toString().strip().split("\n");
    return JsonParser.parseString(lines[lines.length - 1]).getAsJsonObject();
  }

}
