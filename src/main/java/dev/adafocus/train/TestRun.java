package dev.adafocus.train;

import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.engine.Devices;
import dev.adafocus.engine.Engine;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.eval.EvalResult;
import dev.adafocus.eval.Evaluator;
import dev.adafocus.eval.PredictionsCsv;
import dev.adafocus.exit.LogitsDump;
import dev.adafocus.io.TrainingCheckpointLayout;
import dev.adafocus.nn.InferenceOptimisation;
import dev.adafocus.nn.Net;
import dev.adafocus.nn.Precision;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The {@code test} command as a library call: build the model, load a checkpoint strictly, evaluate, dump. */
public final class TestRun {
  /** File name of the per-video predictions in a dump folder. */
  public static final String CSV = "predictions.csv";
  /** File name of the per-step logits (read by conditional exit) in a dump folder. */
  public static final String STEP_LOGITS = "step_logits.safetensors";

  private TestRun() {}

  /**
   * Loads evaluation weights: this project's training checkpoints and plain safetensors strictly by name, anything
   * else (the official {@code .pth.tar} files, torchvision-style {@code .pth}) through the official key map.
   */
  public static void loadWeights(org.bytedeco.pytorch.Module model, Path checkpoint) {
    String name = checkpoint.getFileName().toString();
    if (name.endsWith(".safetensors")) {
      StateDicts.load(model, CheckpointStore.loadModelWeights(checkpoint), checkpoint.toString(), key -> false);
    } else {
      dev.adafocus.io.WeightLoader.loadCheckpoint(model, checkpoint);
    }
  }

  /**
   * Warns on {@code out} when {@code checkpoint} was trained with other model settings (patch size, input size, ...)
   * than {@code config} gives; evaluating under other settings can be intended, so it goes on.
   */
  public static void warnIfTrainedOtherwise(ExperimentConfig config, Path checkpoint, PrintWriter out) {
    List<String> changed = config.model().differencesFrom(TrainingCheckpointLayout.modelSettings(checkpoint));
    if (!changed.isEmpty()) {
      out.println("warning: " + checkpoint + " was trained with other model settings than " + config.source() + " gives ("
          + String.join("; ", changed) + "); evaluating with the config's");
      out.flush();
    }
  }

  /**
   * How a loaded model is evaluated.
   *
   * @param optimise prepare it as {@link InferenceOptimisation#FAST} (for evaluation only: it can no longer train)
   * @param precision the format its CNN backbones compute in ({@link Precision})
   */
  public record Inference(boolean optimise, Precision precision) {
    /** The model as trained: float32, no eval-time transforms. */
    public static final Inference PLAIN = new Inference(false, Precision.FLOAT32);

    /** Switches {@code model} to eval mode and applies the chosen transforms, in place. */
    public void prepare(org.bytedeco.pytorch.Module model) {
      model.eval();
      if (equals(PLAIN)) {
        return;
      }
      if (!(model instanceof Net net)) {
        throw new dev.adafocus.AdaFocusException("--optimise and --precision apply to this project's models; "
            + model.getClass().getName() + " is not one");
      }
      if (optimise) {
        InferenceOptimisation.FAST.apply(net);
      }
      precision.apply(net);
    }
  }

  /** Writes {@link #CSV} and {@link #STEP_LOGITS} into {@code dir}. */
  public static void dump(Path dir, EvalResult r) {
    try {
      Files.createDirectories(dir);
      PredictionsCsv.write(dir.resolve(CSV), r.predictions());
      new LogitsDump(r.predictions().stepLogits(), r.predictions().labels(), r.predictions().videoIndex())
          .write(dir.resolve(STEP_LOGITS));
    } catch (IOException e) {
      throw new dev.adafocus.AdaFocusException("cannot write the dump into " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Evaluates {@code checkpoint} on the config's validation split, or with {@code trainSplit} on the training split
   * with training-time sampling and augmentation (what conditional-exit calibration fits its thresholds on), with the
   * model prepared as {@code inference} says; writes the dumps into {@code dumpDir} if not null.
   */
  public static EvalResult run(ExperimentConfig config, Path checkpoint, Path dumpDir, PrintWriter out,
      boolean trainSplit, Inference inference) {
    Devices.parse(config.train().device());
    if (config.train().threads() > 0) {
      Engine.setThreads(config.train().threads());
    }
    warnIfTrainedOtherwise(config, checkpoint, out);
    Experiment<?> experiment = Experiments.create(config.forEvaluation());
    try {
      config.requireKnownParameterGroups(TrainRun.groupNames(experiment.task()));
      loadWeights(experiment.task().module(), checkpoint);
      inference.prepare(experiment.task().module());
      EvalResult r = evaluate(experiment, trainSplit);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "Epoch(test) [%d videos]", r.predictions().size()));
      r.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(e -> line.append(String.format(Locale.ROOT, "  %s: %.4f", e.getKey(), e.getValue())));
      out.println(line);
      if (dumpDir != null) {
        dump(dumpDir, r);
        out.println("predictions written to " + dumpDir.resolve(CSV) + " and " + dumpDir.resolve(STEP_LOGITS));
      }
      out.flush();
      return r;
    } finally {
      Evaluator.closeIfNeeded(experiment.task());
    }
  }

  /** Evaluation-mode pass over the validation split, or over the training split as the training loader serves it. */
  private static <B> EvalResult evaluate(Experiment<B> e, boolean trainSplit) {
    return Evaluator.evaluate(e.task(), trainSplit ? e.train() : e.val(), 0);
  }
}
