package dev.adafocus.config;

import dev.adafocus.models.adafocus.AdaFocusConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A fully resolved, validated experiment: defaults, then the config file (with its bases), then explicit command-line
 * flags, then {@code --cfg-options}.
 *
 * @param name the config name (file name without extension): names the work_dirs sub-folder
 * @param source the config file it was loaded from
 * @param workDir the run's base folder, or null for {@code work_dirs/<name>}
 * @param resolved the merged key tree (what {@link ConfigWriter} saves in the run folder)
 */
public record ExperimentConfig(String name, Path source, Path workDir, ModelConfig model, DataConfig data,
    TrainConfig train, EvalConfig eval, Map<String, Object> resolved) {

  public ExperimentConfig {
    resolved = ConfigWriter.deepCopy(resolved);
  }

  /** The base folder of this experiment's runs: {@code work_dir} if set, else {@code work_dirs/<name>}. */
  public Path runsFolder() {
    return workDir != null ? workDir : Path.of("work_dirs", name);
  }

  /** The AdaFocusV2 shape of the model; a TSM model is an error naming the config file. */
  public AdaFocusConfig adaFocusConfig() {
    try {
      return model.toAdaFocusConfig();
    } catch (ConfigException e) {
      throw new ConfigException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that the ImageNet weight files the model starts from exist; a missing one is an error naming the file, its
   * config key and how to override it.
   */
  public void requirePretrainedFiles() {
    requireFile("model.glance_pretrained", model.glancePretrained());
    requireFile("model.focus_pretrained", model.focusPretrained());
  }

  private void requireFile(String key, String file) {
    if (file != null && !Files.isRegularFile(Path.of(file))) {
      throw new ConfigException(file + ": no such file (" + key + " in " + source + "; give another file with "
          + "--cfg-options " + key + "=FILE, or " + key + "=null to start from random weights)");
    }
  }

  static ExperimentConfig read(String name, Path source, ConfigTree tree) {
    ConfigSection top = new ConfigSection(tree, "");
    String workDir = top.str("work_dir");
    ModelConfig model = ModelConfig.read(new ConfigSection(tree, "model"));
    return new ExperimentConfig(name, source, workDir == null ? null : Path.of(workDir), model,
        DataConfig.read(new ConfigSection(tree, "data"), model.inputSize()),
        TrainConfig.read(new ConfigSection(tree, "train")), EvalConfig.read(new ConfigSection(tree, "eval")),
        tree.root());
  }
}
