package dev.adafocus.exit;

import dev.adafocus.eval.MeanAveragePrecision;
import dev.adafocus.eval.TopK;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Sweeps the exit distribution's q: thresholds fitted on training logits, scored on validation logits. */
public final class BudgetSweep {
  private BudgetSweep() {}

  /** The official operating points q = p/10, p = 5..39. */
  public static List<Double> officialQs() {
    return IntStream.rangeClosed(5, 39).mapToObj(p -> p / 10.0).toList();
  }

  /** One operating point per q, plus the static model; train, val and costs must agree on T (and dumps on C). */
  public static SweepCurve sweep(LogitsDump train, LogitsDump val, StepCosts costs, List<Double> qs) {
    if (train.steps() != val.steps() || train.classes() != val.classes()) {
      throw new IllegalArgumentException("training logits have " + train.steps() + " steps and " + train.classes()
          + " classes, validation logits " + val.steps() + " and " + val.classes());
    }
    if (costs.steps() != val.steps()) {
      throw new IllegalArgumentException("the cost table has " + costs.steps() + " steps, the logits " + val.steps());
    }
    if (qs.isEmpty()) {
      throw new IllegalArgumentException("no q values to sweep");
    }
    ExitCalibration calibration = new ExitCalibration(train.logits());
    List<OperatingPoint> points = new ArrayList<>();
    for (double q : qs) {
      ExitPolicy policy = calibration.fit(q);
      ExitOutcome outcome = ExitCalibration.apply(policy, val.logits());
      Score score = score(outcome.predictions(), val, outcome.expectedGflops(costs));
      points.add(new OperatingPoint(q, policy.thresholds(), score, outcome.exitFractions()));
    }
    Score staticModel = score(val.stepLogits(val.steps() - 1), val, costs.total());
    return new SweepCurve(points, staticModel);
  }

  private static Score score(float[][] predictions, LogitsDump val, double gflops) {
    return new Score(gflops, TopK.accuracy(predictions, val.primaryLabels(), 1),
        MeanAveragePrecision.compute(predictions, val.labels(), val.classes()));
  }
}
