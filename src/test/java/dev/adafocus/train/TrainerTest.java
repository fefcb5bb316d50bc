package dev.adafocus.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.adafocus.AdaFocusException;
import dev.adafocus.config.EvalConfig;
import dev.adafocus.config.TrainConfig;
import dev.adafocus.engine.Tensors;
import dev.adafocus.eval.BatchSource;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainerTest {
  @TempDir
  Path dir;

  static TrainConfig config(int epochs, int accumulation, double lr) {
    return new TrainConfig(epochs, lr, 0.9, 1e-4, Map.of("glance", 0.5, "classifier", 5.0), "cos", 0, 0, null,
        accumulation, 42, 1, "cpu", 2, 0, 0.1, true, Map.of());
  }

  static final EvalConfig EVAL_EVERY_EPOCH = new EvalConfig("top1", 1, 0);

  private static Trainer<ToyBatch> trainer(ToyTask task, ToyData train, TrainConfig c, List<TrainingListener> l) {
    return new Trainer<>(task, train, new ToyData(9, 5, 3, 4, false, 8), c, EVAL_EVERY_EPOCH, l);
  }

  @Test
  void resumedRunContinuesTheSameCurveExactly() {
    TrainConfig c = config(2, 1, 0.05);
    // uninterrupted: epochs 0, 1, 2
    ToyTask full = new ToyTask(5, 3, true, 0.3, 1);
    CheckpointStore fullStore = new CheckpointStore(dir.resolve("full"));
    try (Trainer<ToyBatch> t = trainer(full, new ToyData(14, 5, 3, 4, true, 7), c,
        List.of(new CheckpointListener(fullStore)))) {
      t.fit();
    }
    // interrupted after epoch 0, then resumed from last.safetensors by a fresh process-like setup
    CheckpointStore partStore = new CheckpointStore(dir.resolve("part"));
    ToyTask first = new ToyTask(5, 3, true, 0.3, 1);
    try (Trainer<ToyBatch> t = trainer(first, new ToyData(14, 5, 3, 4, true, 7), c,
        List.of(new CheckpointListener(partStore)))) {
      t.fit(1);
    }
    ToyTask second = new ToyTask(5, 3, true, 0.3, 99);
    Checkpoint saved = CheckpointStore.load(partStore.file("last"));
    assertEquals(0, saved.epoch());
    try (Trainer<ToyBatch> t = trainer(second, new ToyData(14, 5, 3, 4, true, 7), c,
        List.of(new CheckpointListener(partStore)))) {
      t.resume(saved, "last.safetensors");
      assertEquals(1, t.startEpoch());
      t.fit();
      assertEquals(3, t.history().size());
    }
    assertArrayEquals(full.flatState(), second.flatState(), "weights, BatchNorm statistics: bit-identical");
    Checkpoint a = CheckpointStore.load(fullStore.file("last"));
    Checkpoint b = CheckpointStore.load(partStore.file("last"));
    assertEquals(a.history(), b.history(), "same losses and metrics in every epoch");
    assertEquals(a.bestEpoch(), b.bestEpoch());
    assertArrayEquals(a.optimizer().get("momentum_buffer.fc.weight").toFloats(),
        b.optimizer().get("momentum_buffer.fc.weight").toFloats(), "same momentum");
    assertNotEquals(a.history().get(0).trainLoss(), a.history().get(2).trainLoss(), "the run did train");
  }

  @Test
  void withoutTheFinalZeroLrEpochTheLoopStopsBeforeEpochEpochs() {
    TrainConfig withExtra = config(2, 1, 0.05);
    TrainConfig withoutExtra = new TrainConfig(2, 0.05, 0.9, 1e-4, withExtra.lrRatios(), "cos", 0, 0, null, 1, 42, 1,
        "cpu", 2, 0, 0.1, false, Map.of());
    int[] lastEpochs = new int[2];
    int k = 0;
    for (TrainConfig c : List.of(withExtra, withoutExtra)) {
      try (Trainer<ToyBatch> t = trainer(new ToyTask(5, 3, false, 0, 1), new ToyData(8, 5, 3, 4, true, 7), c, List.of())) {
        t.fit();
        List<EpochRecord> h = t.history();
        lastEpochs[k++] = h.get(h.size() - 1).epoch();
        assertTrue(h.get(h.size() - 1).lr() > 0 || c.finalZeroLrEpoch(), "only the extra epoch runs at lr 0");
      }
    }
    assertArrayEquals(new int[] {2, 1}, lastEpochs, "V2/A: epochs 0..2; V2/S: epochs 0..1");
  }

  @Test
  void aFrozenGroupGetsNoGradientAndTheZeroLrEpochOnlyRunsForward() {
    TrainConfig base = config(2, 1, 0.05);
    TrainConfig c = new TrainConfig(2, 0.05, 0.9, 1e-4, base.lrRatios(), "cos", 0, 0, null, 1, 42, 1, "cpu", 2, 0, 0.1,
        true, Map.of("glance", 1));
    ToyTask task = new ToyTask(5, 3, true, 0, 1);
    try (Trainer<ToyBatch> t = trainer(task, new ToyData(8, 5, 3, 4, true, 7), c, List.of())) {
      float[] start = task.flatState();
      t.fit(1);
      float[] afterEpoch0 = task.flatState();
      Tensor bnWeight = task.parameterGroups().get(0).params().get("bn.weight");
      float[] glanceAfterEpoch0 = Tensors.toFloats(bnWeight);
      assertFalse(java.util.Arrays.equals(start, afterEpoch0), "epoch 0 trains");
      t.fit(2);
      assertArrayEquals(glanceAfterEpoch0, Tensors.toFloats(bnWeight), "the glance is frozen from epoch 1");
      float[] afterEpoch1 = task.flatState();
      assertFalse(java.util.Arrays.equals(afterEpoch0, afterEpoch1), "the classifier still trains in epoch 1");
      t.fit();
      assertEquals(3, t.history().size());
      assertEquals(0.0, t.history().get(2).lr(), 0.0);
      assertTrue(Double.isFinite(t.history().get(2).trainLoss()), "the lr-0 epoch still reports its loss");
      Tensor fcWeight = task.parameterGroups().get(1).params().values().iterator().next();
      assertTrue(bnWeight.requires_grad() && fcWeight.requires_grad(), "gradient tracking restored after each epoch");
    }
  }

  @Test
  void gradientAccumulationOverMicroBatchesEqualsOneLargeBatch() {
    // without BatchNorm and dropout, two micro-batches of 2 with accumulation 2 = one batch of 4
    TrainConfig accumulated = config(1, 2, 0.1);
    TrainConfig whole = config(1, 1, 0.1);
    ToyTask a = new ToyTask(5, 3, false, 0, 3);
    ToyTask b = new ToyTask(5, 3, false, 0, 3);
    assertArrayEquals(a.flatState(), b.flatState());
    try (Trainer<ToyBatch> t = new Trainer<>(a, new ToyData(12, 5, 3, 2, true, 5), null, accumulated, EVAL_EVERY_EPOCH,
        List.of())) {
      t.fit(1);
    }
    try (Trainer<ToyBatch> t = new Trainer<>(b, new ToyData(12, 5, 3, 4, true, 5), null, whole, EVAL_EVERY_EPOCH,
        List.of())) {
      t.fit(1);
    }
    assertArrayEquals(b.flatState(), a.flatState(), 1e-6f);
    ToyTask untouched = new ToyTask(5, 3, false, 0, 3);
    assertFalse(java.util.Arrays.equals(untouched.flatState(), a.flatState()), "parameters moved");
  }

  @Test
  void nonFiniteLossStopsTheRunAndKeepsTheLastGoodCheckpoint() throws IOException {
    CheckpointStore store = new CheckpointStore(dir);
    ToyData data = new ToyData(8, 5, 3, 4, false, 7);
    ToyTask task = new ToyTask(5, 3, false, 0, 1);
    StringWriter log = new StringWriter();
    try (Trainer<ToyBatch> t = trainer(task, data, config(3, 1, 0.05),
        List.of(new NanGuard(store), new CheckpointListener(store), new ProgressLogger(new PrintWriter(log))))) {
      t.fit(1);
      byte[] good = Files.readAllBytes(store.file("last"));
      float[] goodWeights = task.flatState();
      data.poison(0, Float.NaN);
      NonFiniteLossException e = assertThrows(NonFiniteLossException.class, t::fit);
      assertTrue(e.getMessage().contains("loss is NaN at epoch 1, iteration 1"), e.getMessage());
      assertTrue(e.getMessage().contains(store.file("last").toString()), e.getMessage());
      assertArrayEquals(good, Files.readAllBytes(store.file("last")), "last good checkpoint untouched");
      assertArrayEquals(goodWeights, task.flatState(), 0f, "the NaN gradient never reached the weights");
      assertArrayEquals(goodWeights, ToyTask.flat(CheckpointStore.load(store.file("last")).model()), 0f);
    }
    assertTrue(log.toString().contains("training stopped: loss is NaN"), log.toString());
  }

  @Test
  void listenersWriteProgressLinesScalarsCurvesAndBestCheckpoints() throws IOException {
    CheckpointStore store = new CheckpointStore(dir);
    StringWriter log = new StringWriter();
    try (Trainer<ToyBatch> t = trainer(new ToyTask(5, 3, true, 0.1, 1), new ToyData(10, 5, 3, 4, true, 7),
        config(1, 1, 0.05), List.of(new ProgressLogger(new PrintWriter(log)), new ScalarsJsonl(dir.resolve("s.jsonl")),
            new CheckpointListener(store), new LearningCurve(dir)))) {
      t.fit();
      assertTrue(Files.exists(store.file("best_top1")));
      assertEquals(t.bestEpoch(), CheckpointStore.load(store.file("best_top1")).epoch());
    }
    String[] lines = log.toString().split("\n");
    // 3 batches per epoch, log_interval 2: iterations 2 and 3 are logged
    assertTrue(lines[1].matches("Epoch\\(train\\) \\[0\\]\\[2/3\\]  lr: 5\\.0000e-02  eta: \\d+:\\d\\d:\\d\\d  time: [0-9.]+"
        + "  data_time: [0-9.]+  loss: [0-9.]+  top1_acc: [0-9.]+"), lines[1]);
    assertTrue(lines[2].startsWith("Epoch(train) [0][3/3]"), lines[2]);
    assertTrue(lines[3].matches("Epoch\\(val\\) \\[0\\]  map: [0-9.]+  top1: [0-9.]+  top5: [0-9.]+  best top1: [0-9.]+ \\(epoch 0\\)"),
        lines[3]);
    assertTrue(lines[4].startsWith("Epoch(train) [1][2/3]  lr: 0.0000e+00"), "last epoch at lr 0: " + lines[4]);
    List<String> jsonl = Files.readAllLines(dir.resolve("s.jsonl"));
    assertEquals(3 + 1 + 3 + 1, jsonl.size(), "a line per iteration and per validation");
    JsonObject first = JsonParser.parseString(jsonl.get(0)).getAsJsonObject();
    assertEquals("train", first.get("mode").getAsString());
    assertTrue(first.has("data_time") && first.has("top1_acc") && first.has("loss"));
    assertEquals("val", JsonParser.parseString(jsonl.get(3)).getAsJsonObject().get("mode").getAsString());
    assertTrue(Files.size(dir.resolve("learning_curve.png")) > 0);
  }

  @Test
  void validationFollowsTheOfficialRule() {
    EvalConfig official = new EvalConfig("map", 5, 10);
    int[] evaluated = java.util.stream.IntStream.rangeClosed(0, 50).filter(e -> official.isEvalEpoch(e, 50)).toArray();
    assertArrayEquals(new int[] {0, 5, 10, 15, 20, 25, 30, 35, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50}, evaluated);
  }

  @Test
  void aFailedValidationKeepsTheTrainedEpochAsLastAndResumeContinuesAfterIt() {
    TrainConfig c = config(2, 1, 0.05);
    ToyData val = new ToyData(9, 5, 3, 4, false, 8);
    BatchSource<ToyBatch> failsAtEpoch1 = new BatchSource<>() {
      @Override
      public int batchesPerEpoch() {
        return val.batchesPerEpoch();
      }

      @Override
      public Iterator<ToyBatch> batches(int epoch) {
        if (epoch == 1) {
          throw new AdaFocusException("val/broken.mp4: cannot decode");
        }
        return val.batches(epoch);
      }
    };
    CheckpointStore store = new CheckpointStore(dir);
    ToyTask task = new ToyTask(5, 3, true, 0.3, 1);
    AdaFocusException e;
    try (Trainer<ToyBatch> t = new Trainer<>(task, new ToyData(14, 5, 3, 4, true, 7), failsAtEpoch1, c,
        EVAL_EVERY_EPOCH, List.of(new CheckpointListener(store)))) {
      e = assertThrows(AdaFocusException.class, t::fit);
    }
    Path last = store.file("last");
    assertTrue(e.getMessage().startsWith("val/broken.mp4: cannot decode"), e.getMessage());
    assertTrue(e.getMessage().contains("epoch 1 was trained but not validated; its weights are saved in " + last
        + ", and 'train --resume " + last + "' continues with epoch 2"), e.getMessage());
    Checkpoint saved = CheckpointStore.load(last);
    assertEquals(1, saved.epoch());
    assertEquals(List.of(0, 1), saved.history().stream().map(EpochRecord::epoch).toList());
    assertTrue(saved.history().get(1).metrics().isEmpty(), "the failed validation left no metrics");
    assertEquals(0, CheckpointStore.load(store.file("best_top1")).epoch(), "the best checkpoint is still epoch 0's");
    ToyTask resumed = new ToyTask(5, 3, true, 0.3, 9);
    try (Trainer<ToyBatch> t = trainer(resumed, new ToyData(14, 5, 3, 4, true, 7), c,
        List.of(new CheckpointListener(store)))) {
      t.resume(saved, last.toString());
      assertArrayEquals(task.flatState(), resumed.flatState(), "last holds the weights trained in epoch 1");
      assertEquals(2, t.startEpoch());
      t.fit();
      assertEquals(3, t.history().size());
    }
  }
}
