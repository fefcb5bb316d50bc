package dev.adafocus.exit;

import dev.adafocus.viz.Plots;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The conditional-exit curve (one operating point per q) and the static model that runs every step.
 *
 * @param points in sweep order (increasing q)
 * @param staticModel all T steps for every video: the last step's logits at the full cost
 */
public record SweepCurve(List<OperatingPoint> points, Score staticModel) {

  public SweepCurve {
    points = List.copyOf(points);
  }

  /**
   * The most accurate point whose expected GFLOPs are at most {@code budgetGflops}; equal accuracy goes to the
   * cheaper point. Empty when every point costs more.
   */
  public Optional<OperatingPoint> bestWithin(SelectionMetric metric, double budgetGflops) {
    Comparator<OperatingPoint> better = Comparator
        .comparingDouble((OperatingPoint p) -> metric.of(p.score()))
        .thenComparing(Comparator.comparingDouble((OperatingPoint p) -> p.score().gflops()).reversed());
    return points.stream().filter(p -> p.score().gflops() <= budgetGflops).max(better);
  }

  /** The cheapest point's expected GFLOPs. */
  public double minGflops() {
    return points.stream().mapToDouble(p -> p.score().gflops()).min().orElseThrow();
  }

  /** Writes {@code q,gflops,top1,map}, one row per operating point. */
  public void writeCsv(Path csv) throws IOException {
    StringBuilder sb = new StringBuilder("q,gflops,top1,map\n");
    for (OperatingPoint p : points) {
      Score s = p.score();
      sb.append(String.format(Locale.ROOT, "%s,%.6f,%.4f,%.4f%n", p.q(), s.gflops(), s.top1(), s.map()));
    }
    Files.createDirectories(csv.toAbsolutePath().getParent());
    Files.writeString(csv, sb.toString(), StandardCharsets.UTF_8);
  }

  /** Plots accuracy versus GFLOPs: the curve, the static model's point and, when given, the chosen point. */
  public void writePlot(Path png, SelectionMetric metric, OperatingPoint chosen) throws IOException {
    List<OperatingPoint> byCost = new ArrayList<>(points);
    byCost.sort(Comparator.comparingDouble(p -> p.score().gflops()));
    double[] x = byCost.stream().mapToDouble(p -> p.score().gflops()).toArray();
    double[] y = byCost.stream().mapToDouble(p -> metric.of(p.score())).toArray();
    // series drawn later lie underneath, so the single points come first and stay visible on the curve
    List<Plots.Series> series = new ArrayList<>();
    if (chosen != null) {
      series.add(new Plots.Series("chosen (q = " + chosen.q() + ")", new double[] {chosen.score().gflops()},
          new double[] {metric.of(chosen.score())}, false));
    }
    series.add(new Plots.Series("static model (all steps)", new double[] {staticModel.gflops()},
        new double[] {metric.of(staticModel)}, false));
    series.add(new Plots.Series("conditional exit (q = " + points.get(0).q() + " .. "
        + points.get(points.size() - 1).q() + ")", x, y, true));
    Plots.writeXY(png, "Conditional exit: " + metric.label() + " vs GFLOPs", "GFLOPs per video", metric.label(),
        series, 900, 600);
  }
}
