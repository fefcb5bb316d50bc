package dev.adafocus.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.train.Checkpoint;
import dev.adafocus.train.CheckpointStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link WeightFile#read} of this project's training checkpoints: the model weights, never the optimiser state. */
class TrainingCheckpointLayoutTest {
  @TempDir Path tmp;

  private static Checkpoint checkpoint(double bestValue, int bestEpoch) {
    Map<String, HostTensor> model = new LinkedHashMap<>();
    model.put("fc.weight", HostTensor.ofFloats(new long[] {1, 2}, new float[] {3, 4}));
    model.put("fc.bias", HostTensor.ofFloats(new long[] {1}, new float[] {5}));
    Map<String, HostTensor> optimizer = Map.of("momentum_buffer.fc.weight",
        HostTensor.ofFloats(new long[] {1, 2}, new float[] {0.5f, 0.25f}));
    return new Checkpoint(2, 7, "top1", bestValue, bestEpoch, List.of(), model, optimizer);
  }

  @Test
  void aTrainingCheckpointReadsAsItsModelWeightsWithItsRunState() {
    Path file = new CheckpointStore(tmp).save("best_top1", checkpoint(62.5, 1));
    WeightFile w = WeightFile.read(file);
    assertEquals(WeightFile.Format.TRAINING_CHECKPOINT, w.format());
    assertEquals(List.of("fc.weight", "fc.bias"), List.copyOf(w.tensors().keySet()));
    assertArrayEquals(new float[] {3, 4}, w.tensors().get("fc.weight").toFloats());
    assertEquals(Map.of("epoch", 2L, "best_metric", "top1", "best_value", 62.5, "best_epoch", 1L), w.extras());
  }

  @Test
  void beforeTheFirstValidationOnlyTheEpochIsKept() {
    Path file = new CheckpointStore(tmp).save("last", checkpoint(Double.NaN, -1));
    assertEquals(Map.of("epoch", 2L), WeightFile.read(file).extras());
  }

  @Test
  void aTensorOutsideTheLayoutIsRefusedNamingTheFile() throws IOException {
    Path file = tmp.resolve("odd.safetensors");
    Safetensors.write(file, Map.of("scaler.scale", HostTensor.ofFloats(new long[] {1}, new float[] {1})),
        Map.of("format", TrainingCheckpointLayout.FORMAT, "epoch", "0", "best_epoch", "-1"));
    CheckpointException e = assertThrows(CheckpointException.class, () -> WeightFile.read(file));
    assertTrue(e.getMessage().startsWith(file + ": unexpected tensor 'scaler.scale'"), e.getMessage());
  }
}
