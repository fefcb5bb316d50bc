package dev.adafocus.train;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.reflect.TypeToken;
import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.io.Safetensors;
import dev.adafocus.io.TrainingCheckpointLayout;
import dev.adafocus.io.WeightFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checkpoints of a run folder ({@code last.safetensors}, {@code best_<metric>.safetensors}), each one safetensors file
 * written atomically (temporary file, then rename) in the {@link TrainingCheckpointLayout}: tensors
 * {@code model.<state-dict key>} and {@code optimizer.momentum_buffer.<parameter>}, run state in the header metadata.
 */
public final class CheckpointStore {
  private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

  private final Path dir;
  private final Map<String, String> runMetadata;
  private Path lastSaved;

  public CheckpointStore(Path dir) {
    this(dir, Map.of());
  }

  /** A store whose checkpoints also carry {@code runMetadata} (e.g. the model settings of the run). */
  public CheckpointStore(Path dir, Map<String, String> runMetadata) {
    this.dir = dir;
    this.runMetadata = Map.copyOf(runMetadata);
  }

  /** The file of a named checkpoint ({@code last}, {@code best_map}, ...). */
  public Path file(String name) {
    return dir.resolve(name + ".safetensors");
  }

  /** The most recently written checkpoint of this store, or null. */
  public Path lastSaved() {
    return lastSaved;
  }

  /** Writes {@code c} atomically as checkpoint {@code name}; returns its file. */
  public Path save(String name, Checkpoint c) {
    Map<String, HostTensor> tensors = new LinkedHashMap<>();
    c.model().forEach((k, v) -> tensors.put(TrainingCheckpointLayout.MODEL_PREFIX + k, v));
    c.optimizer().forEach((k, v) -> tensors.put(TrainingCheckpointLayout.OPTIMIZER_PREFIX + k, v));
    Map<String, String> meta = new LinkedHashMap<>();
    meta.put("format", TrainingCheckpointLayout.FORMAT);
    meta.put("epoch", Integer.toString(c.epoch()));
    meta.put("seed", Long.toString(c.seed()));
    meta.put("best_metric", c.bestMetric());
    meta.put("best_value", Double.toString(c.bestValue()));
    meta.put("best_epoch", Integer.toString(c.bestEpoch()));
    meta.put("history", GSON.toJson(c.history()));
    meta.putAll(runMetadata);
    Path file = file(name);
    try {
      Safetensors.write(file, tensors, meta);
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot write checkpoint: " + e.getMessage(), e);
    }
    lastSaved = file;
    return file;
  }

  /** Reads a checkpoint written by {@link #save}. */
  public static Checkpoint load(Path file) {
    Map<String, String> meta;
    Map<String, HostTensor> tensors;
    try {
      meta = Safetensors.readMetadata(file);
      tensors = Safetensors.read(file);
    } catch (NoSuchFileException e) {
      throw new CheckpointException(file + ": checkpoint not found");
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read checkpoint: " + e.getMessage(), e);
    }
    if (!TrainingCheckpointLayout.isTrainingCheckpoint(meta)) {
      throw new CheckpointException(file + ": not a training checkpoint of this tool (format '" + meta.get("format")
          + "', expected '" + TrainingCheckpointLayout.FORMAT + "'); a plain state dict can be evaluated with 'test' "
          + "but not resumed");
    }
    TrainingCheckpointLayout.Parts parts = TrainingCheckpointLayout.split(file, tensors);
    List<EpochRecord> history = GSON.fromJson(meta.get("history"), new TypeToken<List<EpochRecord>>() {}.getType());
    return new Checkpoint(Integer.parseInt(meta.get("epoch")), Long.parseLong(meta.get("seed")),
        meta.get("best_metric"), Double.parseDouble(meta.get("best_value")), Integer.parseInt(meta.get("best_epoch")),
        history, parts.model(), parts.optimizer());
  }

  /**
   * The model weights of a file for evaluation: the {@code model.*} part of a training checkpoint, or every tensor of a
   * plain state dict ({@link WeightFile#read}).
   */
  public static Map<String, HostTensor> loadModelWeights(Path file) {
    return WeightFile.read(file).tensors();
  }

  /** The newest {@code last.safetensors} among the timestamped runs of {@code runsFolder}, or null. */
  public static Path latestIn(Path runsFolder) {
    if (!Files.isDirectory(runsFolder)) {
      return null;
    }
    try (var runs = Files.list(runsFolder)) {
      return runs.filter(Files::isDirectory).map(d -> d.resolve("last.safetensors")).filter(Files::isRegularFile)
          .max(java.util.Comparator.comparing(p -> p.getParent().getFileName().toString())).orElse(null);
    } catch (IOException e) {
      throw new CheckpointException(runsFolder + ": cannot list runs: " + e.getMessage(), e);
    }
  }
}
