package dev.adafocus.cli;

import dev.adafocus.config.ConfigLoader;
import dev.adafocus.config.ExperimentConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by the commands that run a config: overrides, device, threads, JSON output. */
public final class ConfigOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  private List<String> cfgOptions = new ArrayList<>();

  @Option(names = "--cfg-options", arity = "1..*", paramLabel = "KEY=VALUE",
      description = "Override config keys, e.g. train.lr=0.01 data.scales=[1,0.875] (applied last).")
  void cfgOptions(List<String> overrides) {
    for (String o : overrides) {
      if (o.indexOf('=') <= 0) {
        throw new ParameterException(spec.commandLine(), "--cfg-options '" + o + "': expected KEY=VALUE, e.g. train.lr=0.01");
      }
    }
    cfgOptions = overrides;
  }

  @Option(names = "--device", description = "cpu, cuda or cuda:N (train.device).")
  String device;

  @Option(names = "--threads", description = "Intra-op threads (train.threads; 0 = library default).")
  Integer threads;

  @Option(names = "--json", description = "Print one JSON object as the last line.")
  boolean json;

  /** Loads {@code config} with these options and the command's own {@code flags} (dotted key to value, null = unset). */
  ExperimentConfig load(Path config, Map<String, Object> flags) {
    Map<String, Object> all = new LinkedHashMap<>(flags);
    all.put("train.device", device);
    all.put("train.threads", threads);
    return ConfigLoader.load(config, all, cfgOptions);
  }
}
