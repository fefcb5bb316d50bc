package dev.adafocus.cli;

import com.google.gson.JsonObject;
import dev.adafocus.config.ConfigLoader;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.eval.EvalResult;
import dev.adafocus.train.TestRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

  @Option(names = "--cfg-options", arity = "1..*", paramLabel = "KEY=VALUE", description = "Override config keys.")
  List<String> cfgOptions = new ArrayList<>();

  @Option(names = "--device", description = "cpu or cuda (train.device).")
  String device;

  @Option(names = "--threads", description = "Intra-op threads (train.threads; 0 = library default).")
  Integer threads;

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  @picocli.CommandLine.Spec
  picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    Map<String, Object> flags = new LinkedHashMap<>();
    flags.put("train.device", device);
    flags.put("train.threads", threads);
    ExperimentConfig c = ConfigLoader.load(config, flags, cfgOptions);
    PrintWriter out = spec.commandLine().getOut();
    EvalResult r = TestRun.run(c, checkpoint, dump, out);
    if (json) {
      JsonObject o = new JsonObject();
      o.addProperty("videos", r.predictions().size());
      r.metrics().forEach(o::addProperty);
      out.println(o);
    }
    out.flush();
    return 0;
  }
}
