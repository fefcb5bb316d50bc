package dev.adafocus.io;

import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights read from one file: its format, the state dict (name to tensor, in file order, {@code module.}
 * prefixes of PyTorch checkpoints removed) and the extra top-level values saved beside it (epoch, best_prec1, ...).
 */
public record WeightFile(Path source, Format format, LinkedHashMap<String, HostTensor> tensors, Map<String, Object> extras) {

  /** The file formats {@link #read} recognises from their first bytes. */
  public enum Format {
    /** {@code torch.save} of torch 1.6 and later: a zip archive. */
    TORCH_ZIP,
    /** {@code torch.save} of torch before 1.6 (or with {@code _use_new_zipfile_serialization=False}). */
    TORCH_LEGACY,
    /** safetensors. */
    SAFETENSORS,
    /** This project's training checkpoint (safetensors, {@link TrainingCheckpointLayout}): its model weights only. */
    TRAINING_CHECKPOINT
  }

  public WeightFile {
    tensors = new LinkedHashMap<>(tensors);
    extras = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(extras));
  }

  /** Total bytes of all tensors. */
  public long bytes() {
    return tensors.values().stream().mapToLong(t -> t.data().remaining()).sum();
  }

  /**
   * Reads a PyTorch checkpoint ({@code .pth}, {@code .pth.tar}, {@code .pt}: a plain state_dict or a dict holding one
   * under {@code state_dict} or {@code model}) or a safetensors file, recognised by content, not by name. Of this
   * project's training checkpoints only the model weights are kept, without their {@code model.} prefix.
   */
  public static WeightFile read(Path file) {
    byte[] head = head(file);
    if (TorchCheckpointReader.isZip(head)) {
      return TorchCheckpointReader.readZip(file);
    }
    if (TorchCheckpointReader.isLegacy(head)) {
      return TorchCheckpointReader.readLegacy(file);
    }
    if (head.length >= 9 && head[8] == '{') {
      try {
        Map<String, String> metadata = Safetensors.readMetadata(file);
        Map<String, HostTensor> tensors = Safetensors.read(file);
        if (TrainingCheckpointLayout.isTrainingCheckpoint(metadata)) {
          return TrainingCheckpointLayout.modelWeights(file, tensors, metadata);
        }
        return new WeightFile(file, Format.SAFETENSORS, new LinkedHashMap<>(tensors), Map.of());
      } catch (IOException e) {
        throw new CheckpointException(e.getMessage(), e);
      }
    }
    throw new CheckpointException(file + ": not a weight file this tool reads (expected a PyTorch checkpoint as "
        + "torch.save writes it, or safetensors)" + (isTar(file) ? "; this looks like the tar format of torch "
        + "before 0.1.10: load it with that torch and torch.save it again" : ""));
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(16);
    } catch (NoSuchFileException e) {
      throw new CheckpointException(file + ": no such file");
    } catch (IOException e) {
      throw new CheckpointException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static boolean isTar(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] b = in.readNBytes(262);
      return b.length == 262 && new String(b, 257, 5, java.nio.charset.StandardCharsets.US_ASCII).equals("ustar");
    } catch (IOException e) {
      return false;
    }
  }
}
