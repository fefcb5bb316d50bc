package dev.adafocus.recipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.adafocus.config.ConfigLoader;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.eval.Evaluator;
import dev.adafocus.io.Safetensors;
import dev.adafocus.io.TorchCheckpointWriter;
import dev.adafocus.testing.CliRun;
import dev.adafocus.train.Checkpoint;
import dev.adafocus.train.CheckpointStore;
import dev.adafocus.train.Experiment;
import dev.adafocus.train.Experiments;
import dev.adafocus.train.TestRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * AdaFocusV2-TSM end to end on the motion-direction benchmark (the class is the direction the target moves in):
 * {@code train} and {@code test} from the command line, an exact resume, and the official V2/S checkpoint layout.
 */
class TsmEndToEndTest {
  static final Path CI_CONFIG = Path.of("configs", "adafocusv2tsm_ci_synthetic_motion.yaml");

  @TempDir
  Path dir;

  @Test
  void trainFitsTheTrainingClipsAndTestScoresTheFinalPrediction() throws IOException {
    CliRun train = CliRun.of("train", CI_CONFIG.toString(), "--work-dir", dir.toString(), "--json");
    assertEquals(0, train.code(), train.err());
    Path runDir = Path.of(train.json().get("run_dir").getAsString());
    Path ckpt = runDir.resolve("last.safetensors");
    assertEquals(23, CheckpointStore.load(ckpt).epoch(), "24 epochs, 0..23: the TSM schedule has no extra lr-0 epoch");

    List<JsonObject> steps = Files.readAllLines(runDir.resolve("scalars.jsonl")).stream()
        .map(l -> JsonParser.parseString(l).getAsJsonObject()).filter(o -> o.get("mode").getAsString().equals("train"))
        .toList();
    assertEquals(24, steps.size(), "one batch of 8 clips per epoch");
    for (JsonObject s : steps) {
      for (String k : List.of("loss", "loss_prediction", "loss_glance", "loss_focus")) {
        assertTrue(Double.isFinite(s.get(k).getAsDouble()), k + " at epoch " + s.get("epoch"));
      }
      double px = s.get("patch_x").getAsDouble();
      assertTrue(px > 0 && px < 1, "patch locations are normalised: " + px);
    }
    double first = steps.get(0).get("loss").getAsDouble();
    double lastFour = steps.subList(20, 24).stream().mapToDouble(s -> s.get("loss").getAsDouble()).average().orElseThrow();
    assertTrue(lastFour < 0.75 * first, "the loss falls: first " + first + ", mean of the last four " + lastFour);

    CliRun onTrain = CliRun.of("test", CI_CONFIG.toString(), ckpt.toString(), "--split", "train", "--json");
    assertEquals(0, onTrain.code(), onTrain.err());
    assertEquals(8, onTrain.json().get("videos").getAsInt());
    double top1 = onTrain.json().get("top1").getAsDouble();
    assertTrue(top1 > 50, "the fitted training clips are classified far above chance (25 %): top-1 " + top1);

    CliRun onVal = CliRun.of("test", CI_CONFIG.toString(), ckpt.toString(), "--json");
    assertEquals(0, onVal.code(), onVal.err());
    for (String k : List.of("top1", "top5", "map")) {
      double v = onVal.json().get(k).getAsDouble();
      assertTrue(v >= 0 && v <= 100, k + " = " + v);
    }
    assertEquals(100.0, onVal.json().get("top5").getAsDouble(), 0.0, "4 classes: the top 5 always hold the label");
  }

  @Test
  void anOfficialV2sCheckpointGivesTheSamePredictionsAsTheSameWeightsInSafetensors() throws IOException {
    Map<String, HostTensor> state;
    Experiment<?> e = Experiments.create(ConfigLoader.load(CI_CONFIG));
    try {
      state = StateDicts.export(e.task().module());
    } finally {
      Evaluator.closeIfNeeded(e.task());
    }
    Path ours = dir.resolve("weights.safetensors");
    Safetensors.write(ours, state, Map.of());
    // V2/S main.py saves {'epoch', 'arch', 'state_dict' (DataParallel: "module." keys), 'optimizer', 'best_prec1'}
    Map<String, HostTensor> official = new LinkedHashMap<>();
    state.forEach((k, v) -> official.put("module." + k, v));
    Path theirs = dir.resolve("sthv1_p16.pth.tar");
    TorchCheckpointWriter.write(theirs, official, Map.of("epoch", 50L, "arch", "resnet50", "best_prec1", 47.0));
    for (Path weights : List.of(ours, theirs)) {
      CliRun test = CliRun.of("test", CI_CONFIG.toString(), weights.toString(), "--dump",
          dir.resolve(weights.getFileName() + ".dump").toString());
      assertEquals(0, test.code(), test.err());
    }
    List<String> a = Files.readAllLines(dir.resolve("weights.safetensors.dump").resolve(TestRun.CSV));
    assertEquals(9, a.size(), "a header and 8 validation videos");
    assertEquals(a, Files.readAllLines(dir.resolve("sthv1_p16.pth.tar.dump").resolve(TestRun.CSV)));
  }

  @Test
  void theAdaFocusV2DemoRefusesATsmConfigBeforeTraining() {
    Path work = dir.resolve("work");
    CliRun demo = CliRun.of("demo", "--config", CI_CONFIG.toString(), "--work-dir", work.toString());
    assertEquals(3, demo.code());
    assertTrue(demo.err().contains("model.kind is adafocusv2_tsm"), demo.err());
    assertFalse(Files.exists(work), "nothing was trained or written");
  }

  @Test
  void resumedRunEqualsTheUninterruptedRun() {
    ExperimentConfig c = ConfigLoader.load(CI_CONFIG, Map.of(), List.of("train.epochs=2"));
    Map<String, HostTensor> full = AdaFocusResumeTest.train(c, dir.resolve("full"), -1, null);
    AdaFocusResumeTest.train(c, dir.resolve("part"), 1, null);
    Checkpoint saved = CheckpointStore.load(new CheckpointStore(dir.resolve("part")).file("last"));
    assertEquals(0, saved.epoch());
    Map<String, HostTensor> resumed = AdaFocusResumeTest.train(c, dir.resolve("part"), -1, saved);
    assertEquals(full.keySet(), resumed.keySet());
    for (String k : full.keySet()) {
      assertArrayEquals(full.get(k).toFloats(), resumed.get(k).toFloats(), 0f, k);
    }
  }
}
