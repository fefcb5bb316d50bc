package dev.adafocus.cli;

import com.google.gson.JsonObject;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.train.TrainRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code adafocus train}: trains a model from a config file, MMAction2 style. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Train a model from a config file. Runs go to work_dirs/<config>/<timestamp>/ (config.yaml, train.log,"
        + " scalars.jsonl, last/best checkpoints, learning curves).",
    footer = {"%nExamples:", "  adafocus train configs/adafocusv2_tiny_synthetic.yaml",
        "  adafocus train configs/adafocusv2_tiny_synthetic.yaml --resume",
        "  adafocus train configs/adafocusv2_mbv2-r50-p128_16x1x1-50e_actnet.yaml --cfg-options data.batch_size=8"
            + " train.accumulation_steps=4"})
public final class TrainCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CONFIG", description = "Config file (YAML).")
  Path config;

  @Option(names = "--work-dir", paramLabel = "DIR", description = "Folder for the runs (default work_dirs/<config name>).")
  Path workDir;

  @Option(names = "--resume", arity = "0..1", fallbackValue = TrainRun.AUTO, paramLabel = "CKPT",
      description = "Continue from a checkpoint; without a value, from the newest last.safetensors of this config's runs."
          + " Put it after CONFIG.")
  String resume;

  @Option(names = "--seed", description = "Run seed (train.seed).")
  Long seed;

  @Mixin
  ConfigOptions options;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, Object> flags = new LinkedHashMap<>();
    flags.put("work_dir", workDir == null ? null : workDir.toString());
    flags.put("train.seed", seed);
    ExperimentConfig c = options.load(config, flags);
    PrintWriter out = spec.commandLine().getOut();
    TrainRun.Result r = TrainRun.run(c, resume, out);
    if (options.json) {
      JsonObject o = new JsonObject();
      o.addProperty("run_dir", r.runDir().toString());
      o.addProperty("last_epoch", r.lastEpoch());
      o.addProperty("best_metric", r.bestMetric());
      o.addProperty("best_value", Double.isNaN(r.bestValue()) ? null : r.bestValue());
      o.addProperty("best_epoch", r.bestEpoch());
      out.println(o);
    }
    out.flush();
    return 0;
  }
}
