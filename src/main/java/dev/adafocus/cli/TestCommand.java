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
      description = "A training checkpoint (last/best_*.safetensors) or a plain state-dict safetensors file.")
  Path checkpoint;

  @Option(names = "--dump", paramLabel = "DIR", description = "Write predictions.csv and step_logits.safetensors here.")
  Path dump;

  @Mixin
  ConfigOptions options;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ExperimentConfig c = options.load(config, Map.of());
    PrintWriter out = spec.commandLine().getOut();
    EvalResult r = TestRun.run(c, checkpoint, dump, out);
    if (options.json) {
      JsonObject o = new JsonObject();
      o.addProperty("videos", r.predictions().size());
      r.metrics().forEach(o::addProperty);
      out.println(o);
    }
    out.flush();
    return 0;
  }
}
