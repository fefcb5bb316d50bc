package dev.adafocus.io;

import com.google.gson.JsonParser;
import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layout of this project's training checkpoints: one safetensors file whose metadata {@code format} is
 * {@link #FORMAT}, with tensors {@code model.<state-dict key>} and {@code optimizer.<optimiser state key>}.
 */
public final class TrainingCheckpointLayout {
  /** Format tag in the metadata. */
  public static final String FORMAT = "adafocus-checkpoint/1";
  /** Prefix of the model's tensors. */
  public static final String MODEL_PREFIX = "model.";
  /** Prefix of the optimiser's tensors. */
  public static final String OPTIMIZER_PREFIX = "optimizer.";
  /** Metadata key of the model settings the checkpoint was trained with (a JSON object of config key to value). */
  public static final String MODEL_SETTINGS = "model_settings";

  private TrainingCheckpointLayout() {}

  /** A checkpoint's tensors by owner, prefixes removed. */
  public record Parts(Map<String, HostTensor> model, Map<String, HostTensor> optimizer) {}

  /** Whether safetensors metadata marks a training checkpoint. */
  public static boolean isTrainingCheckpoint(Map<String, String> metadata) {
    return FORMAT.equals(metadata.get("format"));
  }

  /** Splits a training checkpoint's tensors into the model's and the optimiser's; any other tensor is an error. */
  public static Parts split(Path file, Map<String, HostTensor> tensors) {
    Map<String, HostTensor> model = new LinkedHashMap<>();
    Map<String, HostTensor> optimizer = new LinkedHashMap<>();
    tensors.forEach((k, v) -> {
      if (k.startsWith(MODEL_PREFIX)) {
        model.put(k.substring(MODEL_PREFIX.length()), v);
      } else if (k.startsWith(OPTIMIZER_PREFIX)) {
        optimizer.put(k.substring(OPTIMIZER_PREFIX.length()), v);
      } else {
        throw new CheckpointException(file + ": unexpected tensor '" + k + "' (expected model.* or optimizer.*)");
      }
    });
    return new Parts(model, optimizer);
  }

  /**
   * The model weights of a training checkpoint, its epoch (and best metric, once validated) as extras; the optimiser
   * state is left out.
   */
  static WeightFile modelWeights(Path file, Map<String, HostTensor> tensors, Map<String, String> metadata) {
    Map<String, Object> extras = new LinkedHashMap<>();
    extras.put("epoch", number(file, metadata, "epoch").longValue());
    long bestEpoch = number(file, metadata, "best_epoch").longValue();
    if (bestEpoch >= 0) {
      extras.put("best_metric", metadata.get("best_metric"));
      extras.put("best_value", number(file, metadata, "best_value"));
      extras.put("best_epoch", bestEpoch);
    }
    return new WeightFile(file, WeightFile.Format.TRAINING_CHECKPOINT,
        new LinkedHashMap<>(split(file, tensors).model()), extras);
  }

  /**
   * The model settings a training checkpoint was written with ({@link #MODEL_SETTINGS}); empty for any other file
   * (official checkpoints, plain state dicts) and for checkpoints written before the settings were recorded.
   */
  public static Map<String, String> modelSettings(Path file) {
    if (!file.getFileName().toString().endsWith(".safetensors") || !Files.isRegularFile(file)) {
      return Map.of(); // a missing file is reported by whoever reads its weights
    }
    Map<String, String> metadata;
    try {
      metadata = Safetensors.readMetadata(file);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read checkpoint: " + e.getMessage(), e);
    }
    String json = metadata.get(MODEL_SETTINGS);
    if (!isTrainingCheckpoint(metadata) || json == null) {
      return Map.of();
    }
    try {
      Map<String, String> out = new LinkedHashMap<>();
      JsonParser.parseString(json).getAsJsonObject().entrySet().forEach(e -> out.put(e.getKey(), e.getValue().getAsString()));
      return out;
    } catch (RuntimeException e) {
      throw new CheckpointException(file + ": training checkpoint metadata '" + MODEL_SETTINGS + "' is not a JSON object of "
          + "settings: " + e.getMessage(), e);
    }
  }

  private static Double number(Path file, Map<String, String> metadata, String key) {
    String value = metadata.getOrDefault(key, "");
    try {
      return Double.valueOf(value);
    } catch (NumberFormatException e) {
      throw new CheckpointException(file + ": training checkpoint metadata '" + key + "' is '" + value
          + "', not a number");
    }
  }
}
