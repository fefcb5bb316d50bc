package dev.adafocus.io;

import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts weight files between formats, optionally renaming keys by prefix (the {@code convert} command). */
public final class WeightConversion {
  private WeightConversion() {}

  /** What a conversion did. */
  public record Result(Path input, WeightFile.Format inputFormat, Path output, WeightFile.Format outputFormat,
      int tensors, long bytes, Map<String, Object> extras) {

    /** One human-readable summary line; for a training checkpoint it says that the optimiser state was left out. */
    public String summary() {
      return String.format("%s (%s) -> %s (%s): %d tensors, %d bytes%s%s", input, inputFormat, output, outputFormat,
          tensors, bytes, extras.isEmpty() ? "" : ", extras " + extras,
          inputFormat == WeightFile.Format.TRAINING_CHECKPOINT ? "; model weights only, optimiser state left out" : "");
    }
  }

  /**
   * Reads {@code input} (any format {@link WeightFile#read} knows; of a training checkpoint only the model weights,
   * without their {@code model.} prefix), removes the first matching prefix of
   * {@code stripPrefixes} from each key, prepends {@code addPrefix}, and writes {@code output}: safetensors when its
   * name ends in {@code .safetensors}, else a torch zip checkpoint ({@code {'state_dict': ..., extras}}).
   */
  public static Result convert(Path input, Path output, List<String> stripPrefixes, String addPrefix) {
    WeightFile in = WeightFile.read(input);
    LinkedHashMap<String, HostTensor> renamed = new LinkedHashMap<>();
    for (Map.Entry<String, HostTensor> e : in.tensors().entrySet()) {
      String key = e.getKey();
      for (String p : stripPrefixes) {
        if (key.startsWith(p)) {
          key = key.substring(p.length());
          break;
        }
      }
      key = addPrefix + key;
      if (renamed.put(key, e.getValue()) != null) {
        throw new CheckpointException(input + ": two tensors map to '" + key + "' after renaming");
      }
    }
    boolean safetensors = output.getFileName().toString().endsWith(".safetensors");
    try {
      if (safetensors) {
        Map<String, String> meta = new LinkedHashMap<>();
        in.extras().forEach((k, v) -> meta.put(k, String.valueOf(v)));
        Safetensors.write(output, renamed, meta);
      } else {
        TorchCheckpointWriter.write(output, renamed, in.extras());
      }
    } catch (IOException e) {
      throw new CheckpointException(output + ": cannot write: " + e.getMessage(), e);
    }
    return new Result(input, in.format(), output,
        safetensors ? WeightFile.Format.SAFETENSORS : WeightFile.Format.TORCH_ZIP, renamed.size(),
        in.bytes(), in.extras());
  }
}
