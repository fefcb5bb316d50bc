package dev.adafocus.config;

import dev.adafocus.data.LabelMap;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A fully resolved, validated experiment: defaults, then the config file (with its bases), then explicit command-line
 * flags, then {@code --cfg-options}.
 *
 * @param name the config name (file name without extension): names the work_dirs sub-folder
 * @param source the config file it was loaded from
 * @param workDir the run's base folder, or null for {@code work_dirs/<name>}
 * @param resolved the merged key tree (what {@link ConfigWriter} saves in the run folder)
 * @param groupKeyOrigins where each parameter-group key of {@code train.lr_ratios} and {@code train.frozen_from_epoch}
 *     not taken from the defaults was set (file or flag), by dotted key
 */
public record ExperimentConfig(String name, Path source, Path workDir, ModelConfig model, DataConfig data,
    TrainConfig train, EvalConfig eval, Map<String, Object> resolved, Map<String, String> groupKeyOrigins) {

  public ExperimentConfig {
    resolved = ConfigWriter.deepCopy(resolved);
    groupKeyOrigins = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(groupKeyOrigins));
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
   * This config for evaluating a checkpoint: no ImageNet weights are read, since the checkpoint then sets every weight
   * (so a missing ImageNet file does not stop {@code test} or {@code demo}).
   */
  public ExperimentConfig forEvaluation() {
    return new ExperimentConfig(name, source, workDir, model.withoutPretrained(), data, train, eval, resolved,
        groupKeyOrigins);
  }

  /**
   * Checks that the ImageNet weight files the model starts from exist; a missing one is an error naming the file, its
   * config key and how to override it.
   */
  public void requirePretrainedFiles() {
    requireFile("model.glance_pretrained", model.glancePretrained(), "to start from random weights");
    requireFile("model.focus_pretrained", model.focusPretrained(), "to start from random weights");
  }

  /**
   * Checks every input file a training run reads before it starts (so that a typo fails before the run folder is
   * made): the ImageNet weights, the list files and the label map.
   */
  public void requireInputFiles() {
    requirePretrainedFiles();
    requireFile("data.train_list", data.trainList(), null);
    requireFile("data.val_list", data.valList(), null);
    classNames();
  }

  /**
   * The class names of {@code data.label_map} by label index, or null when it is not set; the file must exist and name
   * exactly {@code model.num_classes} classes (the list files' labels index into it).
   */
  public List<String> classNames() {
    String file = data.labelMap();
    if (file == null) {
      return null;
    }
    requireFile("data.label_map", file, "to skip it");
    List<String> names = LabelMap.read(Path.of(file)).names();
    if (names.size() != model.numClasses()) {
      throw new ConfigException(file + " names " + names.size() + " classes but model.num_classes is "
          + model.numClasses() + " (data.label_map in " + source + "; fix one of them, or set data.label_map=null to "
          + "skip it)");
    }
    return names;
  }

  /**
   * Checks that the keys of {@code train.lr_ratios} and {@code train.frozen_from_epoch} set by the config or the command
   * line (not the built-in defaults) name parameter groups of the model ({@code groups}), so that a misspelt group
   * fails instead of being ignored.
   */
  public void requireKnownParameterGroups(List<String> groups) {
    groupKeyOrigins.forEach((key, origin) -> {
      String name = key.substring(key.lastIndexOf('.') + 1);
      if (!groups.contains(name)) {
        String hint = Suggestions.closest(name, groups);
        throw new ConfigException(origin + ": '" + key + "' is not a parameter group of this model"
            + (hint == null ? "" : " (did you mean '" + hint + "'?)") + "; valid names: " + String.join(", ", groups)
            + (origin.equals(source.toString()) ? "" : " (config " + source + ")"));
      }
    });
  }

  /** A missing {@code file} is an error naming its key and how to override it ({@code whatNullDoes}: null if unset). */
  private void requireFile(String key, String file, String whatNullDoes) {
    if (file != null && !Files.isRegularFile(Path.of(file))) {
      throw new ConfigException(file + ": no such file (" + key + " in " + source + "; give another file with "
          + "--cfg-options " + key + "=FILE" + (whatNullDoes == null ? "" : ", or " + key + "=null " + whatNullDoes)
          + ")");
    }
  }

  static ExperimentConfig read(String name, Path source, ConfigTree tree) {
    ConfigSection top = new ConfigSection(tree, "");
    String workDir = top.str("work_dir");
    ModelConfig model = ModelConfig.read(new ConfigSection(tree, "model"));
    TrainConfig train = TrainConfig.read(new ConfigSection(tree, "train"));
    Map<String, String> groupKeyOrigins = new java.util.HashMap<>();
    train.lrRatios().keySet().forEach(k -> putUserOrigin(tree, "train.lr_ratios." + k, groupKeyOrigins));
    train.frozenFromEpoch().keySet().forEach(k -> putUserOrigin(tree, "train.frozen_from_epoch." + k, groupKeyOrigins));
    return new ExperimentConfig(name, source, workDir == null ? null : Path.of(workDir), model,
        DataConfig.read(new ConfigSection(tree, "data"), model.inputSize()), train,
        EvalConfig.read(new ConfigSection(tree, "eval")), tree.root(), groupKeyOrigins);
  }

  private static void putUserOrigin(ConfigTree tree, String key, Map<String, String> origins) {
    String origin = tree.origin(key);
    if (!origin.equals("defaults")) {
      origins.put(key, origin);
    }
  }
}
