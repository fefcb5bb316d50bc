package dev.adafocus.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.io.Safetensors;
import dev.adafocus.io.TrainingCheckpointLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointStoreTest {
  @TempDir
  Path dir;

  private static Checkpoint sample(int epoch, float w) {
    return new Checkpoint(epoch, 5, "map", 61.5, 3, List.of(new EpochRecord(0, 0.01, 2.5, Map.of("map", 61.5))),
        Map.of("fc.weight", HostTensor.ofFloats(new long[] {1, 2}, new float[] {w, 2})),
        Map.of("momentum_buffer.fc.weight", HostTensor.ofFloats(new long[] {1, 2}, new float[] {0.5f, 0.25f})));
  }

  @Test
  void savesAtomicallyAndReadsBackEverything() throws IOException {
    CheckpointStore store = new CheckpointStore(dir);
    store.save("last", sample(3, 1));
    Path file = store.save("last", sample(4, 7));
    assertEquals(dir.resolve("last.safetensors"), file);
    assertEquals(file, store.lastSaved());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(file), s.toList(), "no temporary files left behind");
    }
    Checkpoint c = CheckpointStore.load(file);
    assertEquals(4, c.epoch());
    assertEquals(5, c.seed());
    assertEquals("map", c.bestMetric());
    assertEquals(61.5, c.bestValue(), 0.0);
    assertEquals(3, c.bestEpoch());
    assertEquals(List.of(new EpochRecord(0, 0.01, 2.5, Map.of("map", 61.5))), c.history());
    assertArrayEquals(new float[] {7, 2}, c.model().get("fc.weight").toFloats());
    assertArrayEquals(new float[] {0.5f, 0.25f}, c.optimizer().get("momentum_buffer.fc.weight").toFloats());
    assertEquals(TrainingCheckpointLayout.FORMAT, Safetensors.readMetadata(file).get("format"));
  }

  @Test
  void modelWeightsComeFromCheckpointsOrPlainStateDicts() throws IOException {
    CheckpointStore store = new CheckpointStore(dir);
    Path ckpt = store.save("best_map", sample(1, 3));
    assertEquals(Map.of("fc.weight", 3f), Map.of("fc.weight", CheckpointStore.loadModelWeights(ckpt).get("fc.weight").toFloats()[0]));
    Path plain = dir.resolve("plain.safetensors");
    Safetensors.write(plain, Map.of("fc.bias", HostTensor.ofFloats(new long[] {1}, new float[] {9})), null);
    assertEquals(9f, CheckpointStore.loadModelWeights(plain).get("fc.bias").toFloats()[0]);
    CheckpointException e = assertThrows(CheckpointException.class, () -> CheckpointStore.load(plain));
    assertTrue(e.getMessage().contains("not a training checkpoint"), e.getMessage());
    e = assertThrows(CheckpointException.class, () -> CheckpointStore.load(dir.resolve("none.safetensors")));
    assertTrue(e.getMessage().endsWith("none.safetensors: checkpoint not found"), e.getMessage());
  }

  @Test
  void aCheckpointOfAnotherArchitectureGivesAFullMismatchReport() {
    CheckpointStore store = new CheckpointStore(dir);
    ToyTask small = new ToyTask(5, 3, true, 0, 1);
    ToyTask other = new ToyTask(6, 3, false, 0, 1);
    Checkpoint c = new Checkpoint(0, 1, "top1", 0, 0, List.of(), StateDicts.export(small.module()), Map.of());
    Path file = store.save("last", c);
    Map<String, HostTensor> weights = CheckpointStore.load(file).model();
    CheckpointException e = assertThrows(CheckpointException.class,
        () -> StateDicts.load(other.module(), weights, file.toString(), k -> false));
    String m = e.getMessage();
    assertTrue(m.startsWith(file.toString()), m);
    assertTrue(m.contains("unexpected") && m.contains("bn.running_mean"), m);
    assertTrue(m.contains("with a different shape") && m.contains("fc.weight (file [3, 5], model [3, 6])"), m);
  }

  @Test
  void latestRunCheckpointIsFoundForAutoResume() throws IOException {
    assertNull(CheckpointStore.latestIn(dir.resolve("nothing")));
    new CheckpointStore(dir.resolve("20260101_100000")).save("last", sample(1, 1));
    new CheckpointStore(dir.resolve("20260102_090000")).save("last", sample(2, 1));
    Files.createDirectories(dir.resolve("20260103_000000"));
    assertEquals(dir.resolve("20260102_090000/last.safetensors"), CheckpointStore.latestIn(dir));
  }
}
