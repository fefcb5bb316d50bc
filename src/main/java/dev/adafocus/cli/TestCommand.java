package dev.adafocus.cli;

import com.google.gson.JsonObject;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.eval.EvalResult;
import dev.adafocus.train.TestRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adafocus test}: evaluates a checkpoint on a config's validation split. */
@Command(name = "test", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Evaluate a checkpoint on the config's validation list: top-1, top-5, mAP; optionally dump per-video"
        + " predictions (CSV) and per-step logits (safetensors).",
    footer = {"%nExamples:", "  adafocus test configs/adafocusv2_tiny_synthetic.yaml work_dirs/adafocusv2_tiny_synthetic/"
        + "20261126_150405/best_top1.safetensors --dump results/"})
public final class TestCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CONFIG", description = "Config file (YAML).")
  Path config;

  @Parameters(index = "1", paramLabel = "CHECKPOINT",
      description = "A training checkpoint (last/best_*.safetensors), a plain state-dict safetensors file, or an"
          + " official-format .pth.tar / .pth file.")
  Path checkpoint;

  @Option(names = "--dump", paramLabel = "DIR", description = "Write predictions.csv and step_logits.safetensors here.")
  Path dump;

  @Option(names = "--split", paramLabel = "SPLIT", description = "val, or train: the training split with training-time"
      + " sampling and augmentation (the logits conditional-exit calibration fits its thresholds on).")
  String split = "val";

  @Option(names = "--thresholds", paramLabel = "FILE", description = "Conditional exit: stop each video as soon as"
      + " these thresholds (adafocus exit calibrate --budget-gflops) allow; reports GFLOPs spent and ms/video.")
  Path thresholds;

  @Option(names = "--optimise", description = "Evaluate with the inference optimisations that adafocus bench measures"
      + " (BatchNorm folded into the convolutions, channels-last weights, fused activations, chunked batches): faster"
      + " on CPU; logits equal the plain model's up to float rounding, so a near-tie can rarely change a prediction.")
  boolean optimise;

  @Mixin
  PrecisionOption precision;

  @Mixin
  ConfigOptions options;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ExperimentConfig c = options.load(config, Map.of());
    PrintWriter out = spec.commandLine().getOut();
    if (!split.equals("val") && !split.equals("train")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--split must be val or train, got " + split);
    }
    if (thresholds != null) {
      return exitTest(c, out);
    }
    EvalResult r = TestRun.run(c, checkpoint, dump, out, split.equals("train"), inference());
    if (options.json) {
      JsonObject o = new JsonObject();
      o.addProperty("videos", r.predictions().size());
      r.metrics().forEach(o::addProperty);
      out.println(o);
    }
    out.flush();
    return 0;
  }

  private TestRun.Inference inference() {
    return new TestRun.Inference(optimise, precision.get(spec.commandLine().getErr()));
  }

  private int exitTest(ExperimentConfig c, PrintWriter out) {
    if (dump != null || !split.equals("val")) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--thresholds evaluates the validation split"
          + " and writes no dump");
    }
    dev.adafocus.exit.ExitThresholds t;
    try {
      t = dev.adafocus.exit.ExitThresholds.read(thresholds);
    } catch (java.io.IOException e) {
      throw new dev.adafocus.AdaFocusException(thresholds + ": " + e.getMessage(), e);
    }
    t.requireSteps(c.adaFocusConfig().frames(), thresholds, c.source());
    dev.adafocus.recipe.ExitTest.Result r = dev.adafocus.recipe.ExitTest.run(c, checkpoint, t.policy(), out, inference());
    if (options.json) {
      JsonObject o = new JsonObject();
      r.metrics().forEach(o::addProperty);
      o.addProperty("gflops_per_video", r.gflopsPerVideo());
      o.addProperty("ms_per_video", r.msPerVideo());
      com.google.gson.JsonArray f = new com.google.gson.JsonArray();
      for (double x : r.exitFractions()) {
        f.add(x);
      }
      o.add("exit_fractions", f);
      out.println(o);
    }
    out.flush();
    return 0;
  }
}
