package dev.adafocus.cli;

import dev.adafocus.config.ConfigLoader;
import dev.adafocus.config.ExperimentConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by the commands that run a config: overrides, device, threads, JSON output. */
public final class ConfigOptions {
  @Option(names = "--cfg-options", arity = "1..*", paramLabel = "KEY=VALUE",
      description = "Override config keys, e.g. train.lr=0.01 data.scales=[1,0.875] (applied last).")
  List<String> cfgOptions = new ArrayList<>();

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
