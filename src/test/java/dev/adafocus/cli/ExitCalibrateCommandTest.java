package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.adafocus.exit.ExitCalibration;
import dev.adafocus.exit.ExitOutcome;
import dev.adafocus.exit.ExitThresholds;
import dev.adafocus.exit.LogitsDump;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExitCalibrateCommandTest {
  @TempDir
  Path dir;
  private Path train;
  private Path val;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** Noisy logits whose true class gains evidence with every step, so later steps are more often right. */
  static LogitsDump synthetic(int n, int steps, int classes, long seed) {
    Random rng = new Random(seed);
    float[][][] logits = new float[n][steps][classes];
    int[][] labels = new int[n][3];
    for (int i = 0; i < n; i++) {
      int y = rng.nextInt(classes);
      labels[i] = new int[] {y, rng.nextBoolean() ? (y + 1) % classes : -1, -1};
      double strength = rng.nextDouble() * 2;
      for (int k = 0; k < steps; k++) {
        for (int c = 0; c < classes; c++) {
          logits[i][k][c] = (float) (rng.nextGaussian() + (c == y ? strength * (k + 1) : 0));
        }
      }
    }
    return new LogitsDump(logits, labels, null);
  }

  @BeforeEach
  void dumps() throws Exception {
    train = dir.resolve("train.safetensors");
    val = dir.resolve("val.safetensors");
    synthetic(120, 4, 5, 1).write(train);
    synthetic(80, 4, 5, 2).write(val);
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void writesTheCurveThePlotAndTheThresholdsOfTheBestPointWithinTheBudget() throws Exception {
    Path outDir = dir.resolve("exit");
    int code = run("exit", "calibrate", "--train-logits", train.toString(), "--val-logits", val.toString(),
        "--gflops-per-frame", "1.5", "--metric", "mAP", "--budget-gflops", "4.5", "--out", outDir.toString(), "--json");
    assertEquals(0, code, err.toString());
    List<String> lines = out.toString().lines().toList();
    JsonObject json = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
    assertEquals(35, json.getAsJsonArray("points").size());
    assertEquals(6.0, json.getAsJsonObject("static").get("gflops").getAsDouble(), 1e-12);
    JsonObject chosen = json.getAsJsonObject("chosen");
    assertTrue(chosen.get("gflops").getAsDouble() <= 4.5);
    assertEquals(36, Files.readAllLines(outDir.resolve("curve.csv")).size());
    assertTrue(Files.size(outDir.resolve("curve.png")) > 1000);

    // the saved thresholds reproduce the chosen point's cost on the validation dump
    ExitThresholds t = ExitThresholds.read(outDir.resolve("thresholds.json"));
    assertEquals(chosen.get("q").getAsDouble(), t.q());
    ExitOutcome o = ExitCalibration.apply(t.policy(), LogitsDump.read(val).logits());
    assertEquals(chosen.get("gflops").getAsDouble(), o.expectedGflops(t.stepCosts()), 1e-12);
    assertTrue(out.toString().contains("static"), out.toString());
  }

  @Test
  void acceptsAnExplicitCostTableAndATrainingSubset() throws Exception {
    Path outDir = dir.resolve("exit");
    int code = run("exit", "calibrate", "--train-logits", train.toString(), "--val-logits", val.toString(),
        "--flops-per-step", "1,2,2.5,7", "--train-subset", "50", "--out", outDir.toString(), "--json");
    assertEquals(0, code, err.toString());
    List<String> lines = out.toString().lines().toList();
    JsonObject json = JsonParser.parseString(lines.get(lines.size() - 1)).getAsJsonObject();
    assertEquals(50, json.get("train_videos").getAsInt());
    assertEquals(7.0, json.getAsJsonObject("static").get("gflops").getAsDouble(), 1e-12);
    assertFalse(json.has("chosen"));
    assertTrue(Files.notExists(outDir.resolve("thresholds.json")));
  }

  @Test
  void badInputsGiveExitCode3NamingTheFile() throws Exception {
    Path missing = dir.resolve("nope.safetensors");
    assertEquals(3, run("exit", "calibrate", "--train-logits", missing.toString(), "--val-logits", val.toString(),
        "--gflops-per-frame", "1", "--out", dir.resolve("o").toString()));
    assertTrue(err.toString().contains("nope.safetensors"), err.toString());

    assertEquals(3, run("exit", "calibrate", "--train-logits", train.toString(), "--val-logits", val.toString(),
        "--flops-per-step", "1,2,3", "--out", dir.resolve("o").toString()));
    assertTrue(err.toString().contains("3 steps"), err.toString());

    assertEquals(3, run("exit", "calibrate", "--train-logits", train.toString(), "--val-logits", val.toString(),
        "--gflops-per-frame", "1", "--budget-gflops", "0.1", "--out", dir.resolve("o").toString()));
    assertTrue(err.toString().contains("no operating point fits within 0.1"), err.toString());

    Path costs = dir.resolve("costs.txt");
    Files.writeString(costs, "1\n2\nx\n");
    assertEquals(3, run("exit", "calibrate", "--train-logits", train.toString(), "--val-logits", val.toString(),
        "--step-costs", costs.toString(), "--out", dir.resolve("o").toString()));
    assertTrue(err.toString().contains("costs.txt:3"), err.toString());
  }

  @Test
  void usageErrorsGiveExitCode2() {
    assertEquals(2, run("exit"));
    assertTrue(err.toString().contains("calibrate"), err.toString());
    assertEquals(2, run("exit", "calibrate", "--train-logits", train.toString(), "--val-logits", val.toString(),
        "--gflops-per-frame", "1", "--metric", "top5", "--out", dir.toString()));
    assertTrue(err.toString().contains("unknown metric 'top5'"), err.toString());
    assertEquals(2, run("exit", "calibrate", "--train-logits", train.toString(), "--val-logits", val.toString(),
        "--gflops-per-frame", "1", "--flops-per-step", "1,2,3,4", "--out", dir.toString()));
    assertEquals(2, run("exit", "calibrate", "--train-logits", train.toString(), "--val-logits", val.toString(),
        "--out", dir.toString()));
  }
}
