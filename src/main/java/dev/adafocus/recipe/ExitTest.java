package dev.adafocus.recipe;

import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.data.Batch;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.eval.Evaluator;
import dev.adafocus.eval.VideoPredictions;
import dev.adafocus.exit.ExitPolicy;
import dev.adafocus.flops.ModelFlops;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.adafocus.StepwiseInference;
import dev.adafocus.train.TestRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bytedeco.pytorch.NoGradGuard;

/**
 * Evaluation with conditional exit that really stops: every validation video is processed step by step and leaves as
 * soon as its thresholds say so; reports accuracy, the GFLOPs actually spent and the measured time per video.
 */
public final class ExitTest {
  private ExitTest() {}

  /**
   * @param metrics top1, top5, map of the exit predictions
   * @param gflopsPerVideo mean GFLOPs spent per video
   * @param msPerVideo measured wall time per video (model work only, data loading excluded)
   * @param exitFractions fraction of videos leaving after each step
   */
  public record Result(Map<String, Double> metrics, double gflopsPerVideo, double msPerVideo, double[] exitFractions) {}

  /**
   * Runs the validation split of {@code config} with {@code checkpoint} under {@code policy}, the model prepared as
   * {@code inference} says.
   */
  public static Result run(ExperimentConfig config, Path checkpoint, ExitPolicy policy, PrintWriter out,
      TestRun.Inference inference) {
    AdaFocusV2 model = AdaFocusExperimentFactory.buildModel(config.forEvaluation());
    try (LoaderBatches val = ExperimentData.split(config, false)) {
      TestRun.warnIfTrainedOtherwise(config, checkpoint, out);
      TestRun.loadWeights(model, checkpoint);
      inference.prepare(model);
      StepwiseInference stepwise = new StepwiseInference(model);
      ModelFlops flops = ModelFlops.measure(model.config());
      int steps = model.config().frames();
      List<VideoPredictions> parts = new ArrayList<>();
      long[] exits = new long[steps];
      double gflops = 0;
      long nanos = 0;
      int videos = 0;
      Iterator<Batch> it = val.batches(0);
      for (int i = 0; i < val.batchesPerEpoch(); i++) {
        try (Batch b = it.next(); NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
          long start = System.nanoTime();
          StepwiseInference.Result r = stepwise.run(b.frames(), policy);
          nanos += System.nanoTime() - start;
          float[][][] exitLogits = new float[b.size()][1][];
          for (int v = 0; v < b.size(); v++) {
            int k = r.outcome().exitSteps()[v];
            exits[k]++;
            gflops += flops.gflopsAfterSteps(k + 1);
            exitLogits[v][0] = r.outcome().predictions()[v];
          }
          parts.add(AdaFocusTask.predictions(b, exitLogits));
          videos += b.size();
        }
      }
      Evaluator.closeIfNeeded(it);
      double[] fractions = new double[steps];
      for (int k = 0; k < steps; k++) {
        fractions[k] = (double) exits[k] / videos;
      }
      Result result = new Result(Evaluator.metrics(VideoPredictions.concat(parts)), gflops / videos,
          nanos / 1e6 / videos, fractions);
      out.printf(Locale.ROOT, "Epoch(test, conditional exit) [%d videos]  top1: %.4f  map: %.4f  gflops/video: %.4f"
          + "  ms/video: %.1f%n", videos, result.metrics().get("top1"), result.metrics().get("map"),
          result.gflopsPerVideo(), result.msPerVideo());
      return result;
    } finally {
      model.close();
    }
  }
}
