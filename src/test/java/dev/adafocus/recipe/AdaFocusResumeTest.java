package dev.adafocus.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adafocus.config.ConfigLoader;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.data.Batch;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.train.Checkpoint;
import dev.adafocus.train.CheckpointListener;
import dev.adafocus.train.CheckpointStore;
import dev.adafocus.train.Experiment;
import dev.adafocus.train.Experiments;
import dev.adafocus.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two epochs of the real AdaFocusV2 on the built-in benchmark equal one epoch, a resume, and one more epoch. */
class AdaFocusResumeTest {
  @TempDir
  Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void resumedRunEqualsTheUninterruptedRun() {
    ExperimentConfig c = ConfigLoader.load(BenchmarkEndToEndTest.CI_CONFIG, Map.of(), List.of("train.epochs=2"));
    Map<String, HostTensor> full = train(c, dir.resolve("full"), -1, null);
    train(c, dir.resolve("part"), 1, null);
    Checkpoint saved = CheckpointStore.load(new CheckpointStore(dir.resolve("part")).file("last"));
    assertEquals(0, saved.epoch());
    Map<String, HostTensor> resumed = train(c, dir.resolve("part"), -1, saved);
    assertEquals(full.keySet(), resumed.keySet());
    for (String k : full.keySet()) {
      assertArrayEquals(full.get(k).toFloats(), resumed.get(k).toFloats(), 0f, k);
    }
  }

  /** Trains up to {@code endEpochExclusive} (-1: the whole schedule), optionally from a checkpoint; the final state. */
  @SuppressWarnings("unchecked")
  static Map<String, HostTensor> train(ExperimentConfig c, Path store, int endEpochExclusive, Checkpoint from) {
    Experiment<Batch> e = (Experiment<Batch>) Experiments.create(c);
    try (Trainer<Batch> t = new Trainer<>(e.task(), e.train(), e.val(), c.train(), c.eval(),
        List.of(new CheckpointListener(new CheckpointStore(store))))) {
      if (from != null) {
        t.resume(from, "last.safetensors");
      }
      if (endEpochExclusive < 0) {
        t.fit();
      } else {
        t.fit(endEpochExclusive);
      }
      return StateDicts.export(e.task().module());
    } finally {
      dev.adafocus.eval.Evaluator.closeIfNeeded(e.task());
    }
  }
}
