package dev.adafocus.viz;

import dev.adafocus.AdaFocusException;
import dev.adafocus.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The plots of one run folder (file names documented in docs/visualisation.md):
 * {@code scalars.jsonl} gives {@code learning_curve.png}; {@code exit/curve.csv} and {@code static_points.csv} give
 * {@code accuracy_vs_gflops.png}. Missing inputs are skipped with a note; a folder with none of them is an error.
 */
public final class RunPlots {
  /** The run's training log (JSON lines). */
  public static final String SCALARS = "scalars.jsonl";
  /** The conditional-exit curve, columns {@code q,gflops,top1,map}. */
  public static final String EXIT_CURVE = "exit/curve.csv";
  /** Static models' operating points, columns {@code name,gflops,top1,map}. */
  public static final String STATIC_POINTS = "static_points.csv";
  /** Output file of the learning curves. */
  public static final String LEARNING_CURVE_PNG = "learning_curve.png";
  /** Output file of the accuracy-versus-GFLOPs plot. */
  public static final String ACCURACY_PNG = "accuracy_vs_gflops.png";

  private static final int WIDTH = 900;
  private static final int PANEL_HEIGHT = 240;
  private static final List<String> ACCURACY_COLUMNS = List.of("top1", "map");

  /** The PNG files written and a note for each input that was absent or had nothing to draw. */
  public record Result(List<Path> written, List<String> notes) {}

  private RunPlots() {}

  /** Draws every plot the run folder has data for into {@code outDir}. */
  public static Result plot(Path runDir, Path outDir) {
    if (!Files.isDirectory(runDir)) {
      throw new AdaFocusException(runDir + ": not a run folder (no such directory)");
    }
    List<Path> written = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    try {
      Path scalars = runDir.resolve(SCALARS);
      if (!Files.isRegularFile(scalars)) {
        notes.add("no " + SCALARS + ": learning curves skipped");
      } else {
        Path png = outDir.resolve(LEARNING_CURVE_PNG);
        List<ScalarsLog.Entry> entries = ScalarsLog.read(scalars);
        if (learningCurve(entries, countsFromZero(entries), png)) {
          written.add(png);
        } else {
          notes.add(scalars + ": no numeric metrics: learning curves skipped");
        }
      }
      List<Plots.Panel> accuracy = accuracyPanels(runDir.resolve(EXIT_CURVE), runDir.resolve(STATIC_POINTS), notes);
      if (!accuracy.isEmpty()) {
        Path png = outDir.resolve(ACCURACY_PNG);
        Plots.writeStacked(png, "Accuracy vs GFLOPs", "GFLOPs per video", accuracy, WIDTH,
            120 + (PANEL_HEIGHT + 80) * accuracy.size());
        written.add(png);
      }
    } catch (IOException e) {
      throw new AdaFocusException(outDir + ": cannot write the plots: " + e.getMessage(), e);
    }
    if (written.isEmpty()) {
      throw new AdaFocusException(runDir + ": nothing to plot; expected " + SCALARS + ", " + EXIT_CURVE + " or "
          + STATIC_POINTS + " (" + String.join("; ", notes) + ")");
    }
    return new Result(written, notes);
  }

  /**
   * Draws learning curves into {@code png} (what {@link #plot} draws from a run's log, and the trainer from its
   * per-epoch history after every epoch); {@code fromZero}: the entries number epochs from 0 and are drawn shifted by
   * one, so that the axis shows epochs completed. False, and nothing written, when there are no numeric metrics.
   */
  public static boolean learningCurve(List<ScalarsLog.Entry> entries, boolean fromZero, Path png) throws IOException {
    List<Plots.Panel> panels = learningCurvePanels(entries, fromZero);
    if (panels.isEmpty()) {
      return false;
    }
    Plots.writeStacked(png, "Learning curves", "epoch", panels, WIDTH, 120 + PANEL_HEIGHT * panels.size());
    return true;
  }

  /** Loss, accuracy and learning-rate panels, then one panel per other metric; one series per mode and metric. */
  static List<Plots.Panel> learningCurvePanels(List<ScalarsLog.Entry> entries, boolean fromZero) {
    double shift = fromZero ? 1 : 0;
    Set<String> modes = new LinkedHashSet<>();
    Map<String, List<String>> groups = new LinkedHashMap<>();
    groups.put("loss", new ArrayList<>());
    groups.put("accuracy", new ArrayList<>());
    groups.put("learning rate", new ArrayList<>());
    for (ScalarsLog.Entry e : entries) {
      modes.add(e.mode());
      for (String key : e.metrics().keySet()) {
        String group = group(key);
        List<String> keys = groups.computeIfAbsent(group, g -> new ArrayList<>());
        if (!keys.contains(key)) {
          keys.add(key);
        }
      }
    }
    List<Plots.Panel> panels = new ArrayList<>();
    for (Map.Entry<String, List<String>> g : groups.entrySet()) {
      List<Plots.Series> series = new ArrayList<>();
      for (String key : g.getValue()) {
        for (String mode : modes) {
          List<ScalarsLog.Entry> points = entries.stream()
              .filter(e -> e.mode().equals(mode) && e.metrics().containsKey(key)).toList();
          if (!points.isEmpty()) {
            double[] y = points.stream().mapToDouble(e -> e.metrics().get(key)).toArray();
            double[] x = epochAxis(points);
            for (int i = 0; i < x.length; i++) {
              x[i] += shift;
            }
            series.add(new Plots.Series(mode + " " + key, x, y, true));
          }
        }
      }
      if (!series.isEmpty()) {
        panels.add(new Plots.Panel(g.getKey(), series));
      }
    }
    return panels;
  }

  private static String group(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.contains("loss")) {
      return "loss";
    }
    if (k.startsWith("top") || k.contains("acc") || k.startsWith("map")) {
      return "accuracy";
    }
    if (k.equals("lr") || k.startsWith("lr_") || k.endsWith("_lr")) {
      return "learning rate";
    }
    return key;
  }

  /**
   * Whether a log numbers its epochs from 0 (the trainer's epoch indices: integer epochs, the first 0). Such a log is
   * drawn shifted by one, so that the axis shows epochs completed: training epoch 0 spans (0, 1] and the validation
   * after it sits at 1, as in a log that counts from 1 (MMAction2's).
   */
  static boolean countsFromZero(List<ScalarsLog.Entry> entries) {
    return !entries.isEmpty() && entries.stream().allMatch(e -> e.epoch() == Math.rint(e.epoch()))
        && entries.stream().mapToDouble(ScalarsLog.Entry::epoch).min().getAsDouble() == 0;
  }

  /**
   * The x value of each point: its epoch when the epochs of the series strictly increase; otherwise each run of
   * n consecutive points sharing epoch e (per-iteration records of epoch e, counted from 1) is spread evenly over
   * (e−1, e], the last at e.
   */
  static double[] epochAxis(List<ScalarsLog.Entry> points) {
    double[] x = points.stream().mapToDouble(ScalarsLog.Entry::epoch).toArray();
    boolean increasing = true;
    for (int i = 1; i < x.length; i++) {
      increasing &= x[i] > x[i - 1];
    }
    if (increasing) {
      return x;
    }
    double[] spread = new double[x.length];
    int start = 0;
    while (start < x.length) {
      int end = start;
      while (end + 1 < x.length && x[end + 1] == x[start]) {
        end++;
      }
      int n = end - start + 1;
      for (int j = 0; j < n; j++) {
        spread[start + j] = n == 1 ? x[start] : x[start] - 1 + (j + 1.0) / n;
      }
      start = end + 1;
    }
    return spread;
  }

  /** One panel per accuracy column present: each static model as a point, then the exit curve as a line. */
  static List<Plots.Panel> accuracyPanels(Path curveFile, Path staticFile, List<String> notes) {
    CsvTable curve = null;
    CsvTable statics = null;
    if (Files.isRegularFile(curveFile)) {
      curve = CsvTable.read(curveFile);
      curve.require("gflops");
      if (ACCURACY_COLUMNS.stream().noneMatch(curve::has)) {
        throw new DataFormatException(curveFile, 1, "needs a top1 or map column next to gflops");
      }
    } else {
      notes.add("no " + EXIT_CURVE + ": conditional-exit curve skipped");
    }
    if (Files.isRegularFile(staticFile)) {
      statics = CsvTable.read(staticFile);
      statics.require("name", "gflops");
    } else {
      notes.add("no " + STATIC_POINTS + ": static model points skipped");
    }
    List<Plots.Panel> panels = new ArrayList<>();
    for (String metric : ACCURACY_COLUMNS) {
      List<Plots.Series> series = new ArrayList<>();
      if (statics != null && statics.has(metric)) {
        for (int r = 0; r < statics.size(); r++) {
          double g = statics.number(r, "gflops");
          double v = statics.number(r, metric);
          if (!Double.isNaN(g) && !Double.isNaN(v)) {
            series.add(new Plots.Series(statics.text(r, "name"), new double[] {g}, new double[] {v}, false));
          }
        }
      }
      // the first series is drawn on top: points before the curve keep them visible where they touch it
      if (curve != null && curve.has(metric)) {
        double[][] xy = curvePoints(curve, metric);
        if (xy[0].length > 0) {
          series.add(new Plots.Series("conditional exit", xy[0], xy[1], true));
        }
      }
      if (!series.isEmpty()) {
        panels.add(new Plots.Panel(metric.equals("map") ? "mAP" : "top-1", series));
      }
    }
    return panels;
  }

  /** The curve's (gflops, metric) points with both values present, sorted by GFLOPs. */
  private static double[][] curvePoints(CsvTable curve, String metric) {
    List<double[]> pts = new ArrayList<>();
    for (int r = 0; r < curve.size(); r++) {
      double g = curve.number(r, "gflops");
      double v = curve.number(r, metric);
      if (!Double.isNaN(g) && !Double.isNaN(v)) {
        pts.add(new double[] {g, v});
      }
    }
    pts.sort(Comparator.comparingDouble(p -> p[0]));
    double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
    double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
    return new double[][] {x, y};
  }
}
