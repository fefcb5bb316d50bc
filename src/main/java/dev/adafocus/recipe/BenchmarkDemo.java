package dev.adafocus.recipe;

import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.data.Batch;
import dev.adafocus.data.synthetic.BenchmarkGenerator;
import dev.adafocus.data.synthetic.Split;
import dev.adafocus.data.synthetic.SyntheticClip;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import dev.adafocus.eval.Evaluator;
import dev.adafocus.eval.Predictor;
import dev.adafocus.flops.ModelFlops;
import dev.adafocus.models.adafocus.AdaFocusOutput;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.adafocus.PatchPolicy;
import dev.adafocus.train.TestRun;
import dev.adafocus.train.TrainRun;
import dev.adafocus.viz.FocusPictures;
import dev.adafocus.viz.InputMapping;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.pytorch.NoGradGuard;

/**
 * The built-in demo: trains a CPU-sized AdaFocusV2 on the built-in benchmark, then evaluates the same trained model
 * with its learned policy, with random patches, with centre patches and with the glance alone, and draws where it
 * looked on a validation video.
 */
public final class BenchmarkDemo {
  private BenchmarkDemo() {}

  /**
   * One evaluated variant: its name, top-1 (%), GFLOPs per video and the percentage of processed frames whose patch
   * held the target digit's centre (NaN for the glance alone, which takes no patch).
   */
  public record Row(String name, double top1, double gflopsPerVideo, double onTargetPercent) {}

  /** What the demo produced. */
  public record Result(Path runDir, List<Row> rows, Path animation, Path contactSheet) {}

  /** Trains and evaluates {@code config} (a {@code data.kind: synthetic} config). */
  public static Result run(ExperimentConfig config, PrintWriter out) {
    config.adaFocusConfig(); // an AdaFocusV2 config, checked before training
    TrainRun.Result trained = TrainRun.run(config, null, out);
    AdaFocusV2 model = AdaFocusExperimentFactory.buildModel(config);
    try {
      TestRun.loadWeights(model, trained.runDir().resolve("last.safetensors"));
      ModelFlops flops = ModelFlops.measure(model.config());
      double perVideo = flops.gflopsPerVideo();
      int frames = model.config().frames();
      double policy = flops.perFrameMacs().get("policy") / 1e9 * frames;
      double glance = flops.perFrameMacs().get("glance") / 1e9 * frames;
      List<Row> rows = new ArrayList<>();
      try (LoaderBatches val = ExperimentData.split(config, false)) {
        rows.add(patchRow("AdaFocusV2 (learned policy)", PatchPolicy.LEARNED, model, config, val, perVideo));
        rows.add(patchRow("random patches", PatchPolicy.RANDOM, model, config, val, perVideo - policy));
        rows.add(patchRow("centre patches", PatchPolicy.CENTRE, model, config, val, perVideo - policy));
        rows.add(new Row("glance only", top1(new GlanceOnlyPredictor(model), val), glance, Double.NaN));
      }
      writeStaticPoints(trained.runDir(), rows);
      FocusPictures.Written pictures = drawValidationVideo(model, config, trained.runDir().resolve("demo.gif"));
      return new Result(trained.runDir(), rows, pictures.animation().file(), pictures.contactSheet());
    } finally {
      model.close();
    }
  }

  private static Row patchRow(String name, PatchPolicy patches, AdaFocusV2 model, ExperimentConfig config,
      LoaderBatches val, double gflops) {
    OnTargetPredictor p = new OnTargetPredictor(model, patches, new BenchmarkGenerator(config.data().synthetic()),
        Split.VAL, stepFrames(config));
    return new Row(name, top1(p, val), gflops, p.onTargetPercent());
  }

  /** The clip frame each step processes: coarse to fine when the model samples so, else in time order. */
  private static int[] stepFrames(ExperimentConfig config) {
    int frames = config.model().numSegments();
    return config.model().sample()
        ? dev.adafocus.data.FrameSampler.coarseToFineOrder(frames) : java.util.stream.IntStream.range(0, frames).toArray();
  }

  private static double top1(Predictor<Batch> p, LoaderBatches val) {
    return Evaluator.evaluate(p, val, 0).metrics().get("top1");
  }

  /** The static models' points for {@code adafocus plot} ({@code static_points.csv}: name,gflops,top1,map). */
  private static void writeStaticPoints(Path runDir, List<Row> rows) {
    StringBuilder sb = new StringBuilder("name,gflops,top1,map\n");
    for (Row r : rows) {
      sb.append(String.format(Locale.ROOT, "%s,%.6f,%.4f,%n", r.name().replace(',', ';'), r.gflopsPerVideo(), r.top1()));
    }
    try {
      Files.writeString(runDir.resolve("static_points.csv"), sb);
    } catch (IOException e) {
      throw new dev.adafocus.AdaFocusException("cannot write " + runDir.resolve("static_points.csv") + ": " + e.getMessage(), e);
    }
  }

  /** Runs the trained model on one validation clip and draws its patches step by step. */
  private static FocusPictures.Written drawValidationVideo(AdaFocusV2 model, ExperimentConfig config, Path gif) {
    BenchmarkGenerator gen = new BenchmarkGenerator(config.data().synthetic());
    SyntheticClip clip = gen.clip(Split.VAL, 0);
    var ds = ExperimentData.dataset(config, false);
    model.train(false);
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard();
        Batch b = Batch.of(List.of(ds.load(0, new java.util.SplittableRandom(0))))) {
      AdaFocusOutput o = model.forward(b.frames());
      int frames = model.config().frames();
      float[] actions = Tensors.toFloats(o.actions());
      float[] logits = Tensors.toFloats(o.stepLogits());
      int classes = (int) o.stepLogits().size(2);
      int[] order = stepFrames(config);
      float[][] a = new float[frames][];
      double[][] scores = new double[frames][];
      for (int t = 0; t < frames; t++) {
        a[t] = new float[] {actions[t * 2], actions[t * 2 + 1]};
        scores[t] = FocusTraces.scores(java.util.Arrays.copyOfRange(logits, t * classes, (t + 1) * classes));
      }
      List<String> names = new ArrayList<>();
      for (int c = 0; c < classes; c++) {
        names.add(Integer.toString(c));
      }
      var trace = FocusTraces.of(clip, order, a, scores, names, model.config().inputSize(), model.config().patchSize(),
          InputMapping.identity());
      return FocusPictures.write(trace, gif, "AdaFocusV2 on a validation clip of the built-in benchmark (label "
          + clip.label() + ")", FocusPictures.DEFAULT_FRAME_DELAY_MS);
    }
  }
}
