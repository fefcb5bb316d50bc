package dev.adafocus.exit;

import dev.adafocus.AdaFocusException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The {@code exit calibrate} job: reads the training and validation logits dumps, sweeps q, writes
 * {@code curve.csv} and {@code curve.png} and, given a budget, {@code thresholds.json} for the best point within it.
 */
public final class ExitCalibrationRun {
  private ExitCalibrationRun() {}

  /**
   * What to calibrate.
   *
   * @param trainLogits dump of training-set logits (thresholds are fitted on it)
   * @param valLogits dump of validation-set logits (the curve is measured on it)
   * @param costsForSteps the cost table (GFLOPs after k steps) for a model of T steps, T read from the dumps
   * @param metric accuracy used to choose within the budget and on the plot
   * @param budgetGflops the budget, or null for the curve only
   * @param trainSubset fit on this many random training videos, or null for all
   * @param seed seed of the random subset
   * @param outDir folder receiving the files
   */
  public record Request(Path trainLogits, Path valLogits, IntFunction<StepCosts> costsForSteps, SelectionMetric metric, Double budgetGflops,
      Integer trainSubset, long seed, Path outDir) {}

  /**
   * What came out.
   *
   * @param chosen the best point within the budget, or null without a budget
   * @param thresholdsFile where its thresholds were written, or null without a budget
   */
  public record Result(SweepCurve curve, int trainVideos, int valVideos, Path curveCsv, Path curvePng,
      OperatingPoint chosen, Path thresholdsFile) {}

  /** Runs the job; bad inputs raise {@link AdaFocusException}s naming the file. */
  public static Result run(Request r) throws IOException {
    LogitsDump train = LogitsDump.read(r.trainLogits());
    LogitsDump val = LogitsDump.read(r.valLogits());
    if (train.steps() != val.steps() || train.classes() != val.classes()) {
      throw new AdaFocusException(r.trainLogits() + " has " + train.steps() + " steps and " + train.classes()
          + " classes but " + r.valLogits() + " has " + val.steps() + " steps and " + val.classes() + " classes");
    }
    StepCosts costs = r.costsForSteps().apply(val.steps());
    if (costs.steps() != val.steps()) {
      throw new AdaFocusException("the step cost table has " + costs.steps() + " steps but " + r.valLogits()
          + " has " + val.steps());
    }
    if (r.trainSubset() != null) {
      train = train.randomSubset(r.trainSubset(), r.seed());
    }
    SweepCurve curve = BudgetSweep.sweep(train, val, costs, BudgetSweep.officialQs());
    Optional<OperatingPoint> best = r.budgetGflops() == null ? Optional.empty()
        : curve.bestWithin(r.metric(), r.budgetGflops());
    Path csv = r.outDir().resolve("curve.csv");
    Path png = r.outDir().resolve("curve.png");
    curve.writeCsv(csv);
    curve.writePlot(png, r.metric(), best.orElse(null));
    Path thresholdsFile = null;
    if (r.budgetGflops() != null) {
      if (best.isEmpty()) {
        throw new AdaFocusException("no operating point fits within " + r.budgetGflops() + " GFLOPs per video; the"
            + " cheapest one needs " + curve.minGflops() + " (the curve is in " + csv + ")");
      }
      thresholdsFile = r.outDir().resolve("thresholds.json");
      ExitThresholds.of(best.get(), costs).write(thresholdsFile);
    }
    return new Result(curve, train.videos(), val.videos(), csv, png, best.orElse(null), thresholdsFile);
  }
}
