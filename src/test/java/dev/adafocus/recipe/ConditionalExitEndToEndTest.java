package dev.adafocus.recipe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.adafocus.config.ConfigLoader;
import dev.adafocus.exit.ExitThresholds;
import dev.adafocus.flops.ModelFlops;
import dev.adafocus.testing.CliRun;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Conditional exit through the command line: training-split and validation dumps, calibration under a budget, then a
 * test run that really stops early and reproduces the accuracy and GFLOPs the calibration predicted.
 */
class ConditionalExitEndToEndTest {
  @TempDir
  Path dir;

  @Test
  void runtimeExitReproducesTheCalibratedOperatingPoint() throws Exception {
    String config = BenchmarkEndToEndTest.CI_CONFIG.toString();
    var train = CliRun.of("train", config, "--work-dir", dir.toString(), "--json");
    assertEquals(0, train.code(), train.err());
    String ckpt = Path.of(train.json().get("run_dir").getAsString()).resolve("last.safetensors").toString();
    var trainDump = CliRun.of("test", config, ckpt, "--split", "train", "--dump", dir.resolve("t").toString());
    var valDump = CliRun.of("test", config, ckpt, "--dump", dir.resolve("v").toString());
    assertEquals(0, trainDump.code(), trainDump.err());
    assertEquals(0, valDump.code(), valDump.err());
    double perFrame = ModelFlops.measure(ConfigLoader.load(Path.of(config), Map.of(), List.of()).model().toAdaFocusConfig())
        .gflopsPerFrame();
    var calib = CliRun.of("exit", "calibrate", "--train-logits", dir.resolve("t/step_logits.safetensors").toString(),
        "--val-logits", dir.resolve("v/step_logits.safetensors").toString(), "--gflops-per-frame",
        String.format(Locale.ROOT, "%.9f", perFrame), "--budget-gflops", String.format(Locale.ROOT, "%.9f", 3 * perFrame),
        "--out", dir.resolve("exit").toString());
    assertEquals(0, calib.code(), calib.out() + calib.err());
    ExitThresholds t = ExitThresholds.read(dir.resolve("exit/thresholds.json"));
    var run = CliRun.of("test", config, ckpt, "--thresholds", dir.resolve("exit/thresholds.json").toString(),
        "--json");
    assertEquals(0, run.code(), run.err());
    JsonObject o = run.json();
    assertEquals(t.validation().top1(), o.get("top1").getAsDouble(), 1e-9, "runtime top-1 = calibration's prediction");
    assertEquals(t.validation().gflops(), o.get("gflops_per_video").getAsDouble(), 1e-9, "GFLOPs spent = predicted");
    assertTrue(o.get("gflops_per_video").getAsDouble() <= 3 * perFrame + 1e-9, "within the budget");
    assertTrue(o.get("ms_per_video").getAsDouble() > 0);
    var optimised = CliRun.of("test", config, ckpt, "--thresholds",
        dir.resolve("exit/thresholds.json").toString(), "--optimise", "--json");
    assertEquals(0, optimised.code(), optimised.err());
    assertEquals(o.get("gflops_per_video").getAsDouble(), optimised.json().get("gflops_per_video").getAsDouble(), 1e-9,
        "the optimised model exits at the same steps");
    assertEquals(o.get("top1").getAsDouble(), optimised.json().get("top1").getAsDouble(), 1e-9);
    var reduced = CliRun.of("test", config, ckpt, "--thresholds",
        dir.resolve("exit/thresholds.json").toString(), "--optimise", "--precision", "bf16", "--json");
    assertEquals(0, reduced.code(), reduced.err());
    double spent = reduced.json().get("gflops_per_video").getAsDouble();
    assertEquals(o.get("gflops_per_video").getAsDouble(), spent, perFrame,
        "bfloat16 backbones exit within a step of the float32 model on average");
  }
}
