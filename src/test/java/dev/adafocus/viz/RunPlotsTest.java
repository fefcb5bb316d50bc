package dev.adafocus.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.AdaFocusException;
import dev.adafocus.DataFormatException;
import dev.adafocus.exit.OperatingPoint;
import dev.adafocus.exit.Score;
import dev.adafocus.exit.SweepCurve;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPlotsTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  @TempDir
  Path dir;

  /** A run folder as a training and an evaluation would leave it: 3 epochs of 4 logged iterations, val per epoch. */
  static Path syntheticRun(Path dir) throws Exception {
    List<String> lines = new ArrayList<>();
    for (int epoch = 1; epoch <= 3; epoch++) {
      for (int iter = 1; iter <= 4; iter++) {
        double loss = 2.3 / (epoch + iter / 4.0);
        lines.add(String.format(Locale.ROOT,
            "{\"epoch\": %d, \"iter\": %d, \"mode\": \"train\", \"loss\": %.4f, \"lr\": %.5f, \"time\": 0.5}",
            epoch, (epoch - 1) * 4 + iter, loss, 0.01 / epoch));
      }
      lines.add(String.format(Locale.ROOT, "{\"epoch\": %d, \"mode\": \"val\", \"loss\": %.4f, \"top1\": %.1f,"
          + " \"map\": %.1f, \"eta\": \"0:01:00\"}", epoch, 2.0 / epoch, 20.0 * epoch, 25.0 * epoch));
    }
    Files.write(dir.resolve("scalars.jsonl"), lines);
    Files.createDirectories(dir.resolve("exit"));
    Files.writeString(dir.resolve("exit/curve.csv"),
        "q,gflops,top1,map\n0.5,1.2,40.0,45.0\n1.0,2.0,52.5,57.0\n2.0,3.1,58.0,\n4.0,4.0,60.0,64.0\n");
    Files.writeString(dir.resolve("static_points.csv"),
        "name,gflops,top1,map\nglance only,0.8,30.0,33.0\nrandom patches,4.0,51.0,55.0\n");
    return dir;
  }

  @Test
  void syntheticRunGivesBothPngs() throws Exception {
    Path run = syntheticRun(dir);
    RunPlots.Result r = RunPlots.plot(run, run);
    assertEquals(List.of(run.resolve("learning_curve.png"), run.resolve("accuracy_vs_gflops.png")), r.written());
    assertTrue(r.notes().isEmpty(), r.notes().toString());
    for (Path png : r.written()) {
      assertTrue(Files.size(png) > 0);
      BufferedImage img = ImageIO.read(png.toFile());
      assertEquals(900, img.getWidth(), png.toString());
    }
    assertEquals(120 + 240 * 3, ImageIO.read(r.written().get(0).toFile()).getHeight(), "loss, accuracy, lr panels");
    assertEquals(120 + 320 * 2, ImageIO.read(r.written().get(1).toFile()).getHeight(), "top-1 and mAP panels");
  }

  @Test
  void learningCurvesGroupMetricsAndSpreadIterationsOverTheEpoch() throws Exception {
    Path run = syntheticRun(dir);
    List<Plots.Panel> panels = RunPlots.learningCurvePanels(ScalarsLog.read(run.resolve("scalars.jsonl")),
        RunPlots.countsFromZero(ScalarsLog.read(run.resolve("scalars.jsonl"))));
    assertEquals(List.of("loss", "accuracy", "learning rate"), panels.stream().map(Plots.Panel::yLabel).toList());
    List<String> lossSeries = panels.get(0).series().stream().map(Plots.Series::name).toList();
    assertEquals(List.of("train loss", "val loss"), lossSeries);
    double[] trainX = panels.get(0).series().get(0).x();
    assertEquals(12, trainX.length);
    assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1.0}, java.util.Arrays.copyOf(trainX, 4), 1e-12);
    assertArrayEquals(new double[] {1, 2, 3}, panels.get(0).series().get(1).x(), 1e-12, "val epochs as given");
    assertEquals(List.of("val top1", "val map"), panels.get(1).series().stream().map(Plots.Series::name).toList());
  }

  @Test
  void aLogCountingEpochsFromZeroIsDrawnAsEpochsCompleted() throws Exception {
    Path log = dir.resolve("scalars.jsonl");
    Files.writeString(log, """
        {"mode":"train","epoch":0,"iter":0,"loss":2.0}
        {"mode":"train","epoch":0,"iter":1,"loss":1.5}
        {"mode":"val","epoch":0,"top1":40.0}
        {"mode":"train","epoch":1,"iter":2,"loss":1.2}
        {"mode":"train","epoch":1,"iter":3,"loss":1.0}
        {"mode":"val","epoch":1,"top1":55.0}
        """);
    List<Plots.Panel> panels = RunPlots.learningCurvePanels(ScalarsLog.read(log), RunPlots.countsFromZero(ScalarsLog.read(log)));
    assertArrayEquals(new double[] {0.5, 1.0, 1.5, 2.0}, panels.get(0).series().get(0).x(), 1e-12,
        "training epoch 0 spans (0, 1]");
    assertArrayEquals(new double[] {1, 2}, panels.get(1).series().get(0).x(), 1e-12, "validation after epoch 0 at 1");
  }

  @Test
  void accuracyPanelsSkipMissingValuesAndShowStaticPoints() throws Exception {
    Path run = syntheticRun(dir);
    List<Plots.Panel> panels = RunPlots.accuracyPanels(run.resolve("exit/curve.csv"),
        run.resolve("static_points.csv"), new ArrayList<>());
    Plots.Panel map = panels.get(1);
    assertEquals("mAP", map.yLabel());
    assertEquals(List.of("glance only", "random patches", "conditional exit"),
        map.series().stream().map(Plots.Series::name).toList());
    assertArrayEquals(new double[] {1.2, 2.0, 4.0}, map.series().get(2).x(), 1e-12, "empty map cell skipped");
    assertTrue(!map.series().get(0).linesShown(), "static models are points");
  }

  @Test
  void readsTheCurveThatTheExitCalibrationWrites() throws Exception {
    SweepCurve curve = new SweepCurve(List.of(
        new OperatingPoint(2.0, new double[] {1, 0}, new Score(3.5, 61.25, Double.NaN), new double[] {0.5, 0.5}),
        new OperatingPoint(0.5, new double[] {0.5, 0}, new Score(1.5, 48.5, Double.NaN), new double[] {0.8, 0.2})),
        new Score(4.0, 63.0, Double.NaN));
    curve.writeCsv(dir.resolve(RunPlots.EXIT_CURVE));
    List<Plots.Panel> panels = RunPlots.accuracyPanels(dir.resolve(RunPlots.EXIT_CURVE),
        dir.resolve(RunPlots.STATIC_POINTS), new ArrayList<>());
    assertEquals(1, panels.size(), "no mAP panel when every mAP is NaN");
    assertArrayEquals(new double[] {1.5, 3.5}, panels.get(0).series().get(0).x(), 1e-9);
    assertArrayEquals(new double[] {48.5, 61.25}, panels.get(0).series().get(0).y(), 1e-9);
  }

  @Test
  void missingOptionalFilesAreNotedNotFatal() throws Exception {
    Path run = syntheticRun(dir);
    Files.delete(run.resolve("scalars.jsonl"));
    Files.delete(run.resolve("static_points.csv"));
    RunPlots.Result r = RunPlots.plot(run, run.resolve("plots"));
    assertEquals(List.of(run.resolve("plots/accuracy_vs_gflops.png")), r.written());
    assertEquals(2, r.notes().size(), r.notes().toString());
  }

  @Test
  void folderWithNothingPlottableIsAClearError() {
    AdaFocusException e = assertThrows(AdaFocusException.class, () -> RunPlots.plot(dir, dir));
    assertTrue(e.getMessage().startsWith(dir + ": nothing to plot"), e.getMessage());
    Path missing = dir.resolve("nope");
    assertTrue(assertThrows(AdaFocusException.class, () -> RunPlots.plot(missing, missing)).getMessage()
        .contains("no such directory"));
  }

  @Test
  void malformedInputsNameFileAndLine() throws Exception {
    Path scalars = Files.writeString(dir.resolve("scalars.jsonl"), "{\"epoch\": 1, \"loss\": 2}\n\n{\"loss\": 1}\n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> RunPlots.plot(dir, dir));
    assertEquals(scalars, e.file());
    assertEquals(3, e.line());
    Files.writeString(scalars, "{\"epoch\": 1, \"loss\": 2}\nnot json\n");
    assertEquals(2, assertThrows(DataFormatException.class, () -> RunPlots.plot(dir, dir)).line());
    Files.delete(scalars);
    Files.createDirectories(dir.resolve("exit"));
    Path curve = Files.writeString(dir.resolve("exit/curve.csv"), "q,gflops,top1\n1,2,3\n1,2\n");
    e = assertThrows(DataFormatException.class, () -> RunPlots.plot(dir, dir));
    assertEquals(curve, e.file());
    assertEquals(3, e.line());
    Files.writeString(curve, "q,gflops,top1\n1,two,3\n");
    assertTrue(assertThrows(DataFormatException.class, () -> RunPlots.plot(dir, dir)).getMessage()
        .endsWith("curve.csv:2: column 'gflops': 'two' is not a number"));
  }
}
