package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.exit.ExitThresholds;
import dev.adafocus.exit.LogitsDump;
import dev.adafocus.exit.Score;
import dev.adafocus.exit.StepCosts;
import dev.adafocus.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainTestCommandsTest {
  private static final String CONFIG = "src/test/resources/configs/toy_linear.yaml";

  @TempDir
  Path dir;

  @Test
  void trainResumeAndTestEndToEnd() throws IOException {
    CliRun first = CliRun.of("train", CONFIG, "--work-dir", dir.toString(), "--json");
    assertEquals(0, first.code(), first.err());
    Path runDir = Path.of(first.json().get("run_dir").getAsString());
    assertEquals(dir, runDir.getParent());
    for (String f : List.of("config.yaml", "train.log", "scalars.jsonl", "last.safetensors", "best_top1.safetensors",
        "learning_curve.png")) {
      assertTrue(Files.isRegularFile(runDir.resolve(f)), f);
    }
    assertEquals(1, first.json().get("last_epoch").getAsInt());
    assertTrue(first.out().contains("Epoch(train) [0][1/3]"), first.out());
    assertTrue(Files.readString(runDir.resolve("train.log")).contains("Epoch(val) [1]"));
    assertTrue(Files.readString(runDir.resolve("config.yaml")).contains("kind: toy"));

    CliRun resumed = CliRun.of("train", CONFIG, "--work-dir", dir.toString(), "--resume", "--cfg-options", "train.epochs=2",
        "--json");
    assertEquals(0, resumed.code(), resumed.err());
    assertTrue(resumed.out().contains("resumed from " + runDir.resolve("last.safetensors") + " at epoch 2"),
        resumed.out());
    assertEquals(2, resumed.json().get("last_epoch").getAsInt());

    Path dump = dir.resolve("dump");
    CliRun test = CliRun.of("test", CONFIG, runDir.resolve("best_top1.safetensors").toString(), "--dump", dump.toString(),
        "--json");
    assertEquals(0, test.code(), test.err());
    assertEquals(6, test.json().get("videos").getAsInt());
    assertEquals(first.json().get("best_value").getAsDouble(), test.json().get("top1").getAsDouble(), 1e-9,
        "the best checkpoint reproduces its validation score");
    assertEquals(7, Files.readAllLines(dump.resolve("predictions.csv")).size(), "header + one line per video");
    LogitsDump logits = LogitsDump.read(dump.resolve("step_logits.safetensors"));
    assertEquals(6, logits.videos());
    assertEquals(2, logits.steps());
    assertEquals(3, logits.classes());
    assertEquals(3, logits.labels()[0].length);
    assertEquals(-1, logits.labels()[0][1], "empty label slots are -1");

    // the checkpoint records the model settings it was trained with
    Path last = runDir.resolve("last.safetensors");
    CliRun otherShape = CliRun.of("train", CONFIG, "--work-dir", dir.resolve("other").toString(), "--resume", last.toString(),
        "--cfg-options", "train.epochs=3", "model.classifier_hidden=64");
    assertEquals(3, otherShape.code(), otherShape.err());
    assertTrue(otherShape.err().contains(last + ": trained with other model settings than " + CONFIG + " gives "
        + "(model.classifier_hidden: checkpoint "), otherShape.err());
    assertTrue(Files.notExists(dir.resolve("other")), "no run folder for a resume that cannot start");
    CliRun warned = CliRun.of("test", CONFIG, last.toString(), "--cfg-options", "model.classifier_hidden=64");
    assertEquals(0, warned.code(), warned.err());
    assertTrue(warned.out().contains("warning: " + last + " was trained with other model settings than " + CONFIG
        + " gives (model.classifier_hidden: checkpoint "), warned.out());
    assertTrue(!test.out().contains("warning:"), "no warning when the settings match: " + test.out());
  }

  @Test
  void helpShowsTheMmaction2ShapedUsage() {
    CliRun train = CliRun.of("train", "--help");
    assertEquals(0, train.code());
    assertTrue(train.out().contains("Usage: adafocus train [-hV] [--json] [--resume[=CKPT]]"), train.out());
    for (String option : List.of("--work-dir=DIR", "--cfg-options=KEY=VALUE", "--seed=<seed>", "--device=<device>",
        "--threads=<threads>", "CONFIG")) {
      assertTrue(train.out().contains(option), option + " in\n" + train.out());
    }
    CliRun test = CliRun.of("test", "--help");
    assertEquals(0, test.code());
    assertTrue(test.out().replaceAll("\\s+", " ").contains("CONFIG CHECKPOINT") && test.out().contains("--dump=DIR"),
        test.out());
  }

  @Test
  void badInputGivesExitCode3AndAClearMessage() throws IOException {
    Path occupied = Files.writeString(dir.resolve("occupied"), "x");
    CliRun unwritable = CliRun.of("train", CONFIG, "--work-dir", occupied.resolve("runs").toString());
    assertEquals(3, unwritable.code());
    assertTrue(unwritable.err().contains("is not writable") && unwritable.err().contains("--work-dir"),
        unwritable.err());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count(), "nothing was trained or written");
    }

    CliRun missing = CliRun.of("train", CONFIG, "--work-dir", dir.toString(), "--resume", dir.resolve("nope.safetensors").toString());
    assertEquals(3, missing.code());
    assertTrue(missing.err().contains("nope.safetensors: --resume checkpoint not found"), missing.err());
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(1, s.count(), "no run folder for a run that cannot start");
    }

    CliRun typo = CliRun.of("train", CONFIG, "--work-dir", dir.toString(), "--cfg-options", "train.epoch=3");
    assertEquals(3, typo.code());
    assertTrue(typo.err().contains("did you mean 'train.epochs'?"), typo.err());

    CliRun trained = CliRun.of("train", CONFIG, "--work-dir", dir.resolve("w").toString(), "--json");
    Path ckpt = Path.of(trained.json().get("run_dir").getAsString()).resolve("last.safetensors");
    CliRun other = CliRun.of("test", CONFIG, ckpt.toString(), "--cfg-options", "model.num_classes=4");
    assertEquals(3, other.code());
    assertTrue(other.err().contains(ckpt.toString()) && other.err().contains("with a different shape")
        && other.err().contains("fc.weight (file [3, 5], model [4, 5])"), other.err());

    Path runs = dir.resolve("w");
    CliRun finished = CliRun.of("train", CONFIG, "--work-dir", runs.toString(), "--resume", ckpt.toString());
    assertEquals(3, finished.code(), finished.err());
    assertTrue(finished.err().contains("error: " + ckpt + ": nothing left to train: this checkpoint finished epoch 1"
        + " and the schedule of train.epochs=1 (" + CONFIG + ") ends with epoch 1"), finished.err());
    CliRun auto = CliRun.of("train", CONFIG, "--work-dir", runs.toString(), "--resume");
    assertEquals(3, auto.code(), auto.err());
    assertTrue(auto.err().contains("nothing left to train"), auto.err());
    CliRun wrongShape = CliRun.of("train", CONFIG, "--work-dir", runs.toString(), "--resume", ckpt.toString(),
        "--cfg-options", "model.num_classes=4", "--cfg-options", "train.epochs=3");
    assertEquals(3, wrongShape.code(), wrongShape.err());
    assertTrue(wrongShape.err().contains(ckpt + ": trained with other model settings than " + CONFIG + " gives "
        + "(model.num_classes: checkpoint 3, config 4)"), wrongShape.err());
    Path corrupt = Files.writeString(dir.resolve("corrupt.safetensors"), "not a checkpoint");
    CliRun unreadable = CliRun.of("train", CONFIG, "--work-dir", runs.toString(), "--resume", corrupt.toString(),
        "--cfg-options", "train.epochs=3");
    assertEquals(3, unreadable.code(), unreadable.err());
    assertTrue(unreadable.err().contains(corrupt.toString()), unreadable.err());
    try (Stream<Path> s = Files.list(runs)) {
      assertEquals(1, s.count(), "no run folder for a resume that cannot start");
    }
  }

  @Test
  void aTsmConfigWhereAdaFocusV2IsNeededIsBadInputNamingTheFile() throws IOException {
    String tsm = Path.of("configs", "adafocusv2tsm_ci_synthetic_motion.yaml").toString();
    Path thresholds = dir.resolve("t.json");
    new ExitThresholds(1, new double[] {0, -1e8}, StepCosts.linear(1, 2), new Score(1, 50, 50), new double[] {1, 0})
        .write(thresholds);
    CliRun test = CliRun.of("test", tsm, dir.resolve("none.safetensors").toString(), "--thresholds", thresholds.toString());
    CliRun demo = CliRun.of("demo", "--config", tsm, "--work-dir", dir.resolve("w").toString());
    for (CliRun r : List.of(test, demo)) {
      assertEquals(3, r.code(), r.err());
      assertTrue(r.err().contains("error: " + tsm + ": model.kind is adafocusv2_tsm"), r.err());
    }
    assertTrue(Files.notExists(dir.resolve("w")), "the demo trained nothing");
  }

  @Test
  void thresholdsForAnotherNumberOfStepsAreBadInputNamingTheFile() throws IOException {
    String ci = Path.of("configs", "adafocusv2_ci_synthetic.yaml").toString();
    Path thresholds = dir.resolve("t.json");
    new ExitThresholds(1, new double[] {0, 0, 0, 0, 0, -1e8}, StepCosts.linear(1, 6), new Score(1, 50, 50),
        new double[] {0, 0, 0, 0, 0, 1}).write(thresholds);
    CliRun test = CliRun.of("test", ci, dir.resolve("none.safetensors").toString(), "--thresholds",
        thresholds.toString());
    CliRun demo = CliRun.of("demo", ci, dir.resolve("none.safetensors").toString(), dir.resolve("v.mp4").toString(),
        "--thresholds", thresholds.toString());
    for (CliRun r : List.of(test, demo)) {
      assertEquals(3, r.code(), r.err());
      assertTrue(r.err().contains("error: " + thresholds + ": exit thresholds are for 6 steps but the model has 4 frames"
          + " (model.num_segments in " + ci + ")"), r.err());
    }
  }

  @Test
  void aLabelMapOfAnotherClassCountIsBadInputNamingTheFile() throws IOException {
    String ci = Path.of("configs", "adafocusv2_ci_synthetic.yaml").toString();
    Path labels = Files.writeString(dir.resolve("labels.txt"), "cat\ndog\n");
    CliRun demo = CliRun.of("demo", ci, dir.resolve("none.safetensors").toString(), dir.resolve("v.mp4").toString(),
        labels.toString());
    assertEquals(3, demo.code(), demo.err());
    assertTrue(demo.err().contains("error: " + labels + ": the label map (LABEL_MAP) names 2 classes but the model has "),
        demo.err());
    assertTrue(demo.err().contains("(model.num_classes in " + ci + ")"), demo.err());
  }

  @Test
  void aMissingPretrainedFileStopsTrainingNamingItsKeyButNotEvaluation() {
    String missing = dir.resolve("mobilenetv2.pth.tar").toString();
    CliRun train = CliRun.of("train", CONFIG, "--work-dir", dir.resolve("w").toString(), "--cfg-options",
        "model.glance_pretrained=" + missing);
    assertEquals(3, train.code(), train.err());
    assertTrue(train.err().contains("error: " + missing + ": no such file (model.glance_pretrained in " + CONFIG
        + "; give another file with --cfg-options model.glance_pretrained=FILE"), train.err());
    assertTrue(Files.notExists(dir.resolve("w")), "no run folder for a run that cannot start");
    // evaluation reads no ImageNet weights (the checkpoint sets every weight): the missing file here is the checkpoint
    String ci = Path.of("configs", "adafocusv2_ci_synthetic.yaml").toString();
    CliRun test = CliRun.of("test", ci, dir.resolve("none.safetensors").toString(), "--cfg-options",
        "model.focus_pretrained=" + missing);
    assertEquals(3, test.code(), test.err());
    assertTrue(test.err().contains("none.safetensors") && !test.err().contains("focus_pretrained"), test.err());
  }

  @Test
  void aMisspeltParameterGroupIsBadInputNamingItsKeyAndTheConfig() throws IOException {
    Path typo = Files.writeString(dir.resolve("typo.yaml"), Files.readString(Path.of(CONFIG))
        .replace("lr_ratios: {glance: 0.5, classifier: 5.0}", "lr_ratios: {glance: 0.5, classifier: 5.0, polcy: 0.1}"));
    CliRun train = CliRun.of("train", typo.toString(), "--work-dir", dir.resolve("w").toString());
    CliRun test = CliRun.of("test", typo.toString(), dir.resolve("none.safetensors").toString());
    for (CliRun r : List.of(train, test)) {
      assertEquals(3, r.code(), r.err());
      assertTrue(r.err().contains("error: " + typo + ": 'train.lr_ratios.polcy' is not a parameter group of this model;"
          + " valid names: glance, classifier"), r.err());
    }
    CliRun frozen = CliRun.of("train", CONFIG, "--work-dir", dir.resolve("w").toString(), "--cfg-options",
        "train.frozen_from_epoch.glanse=1");
    assertEquals(3, frozen.code(), frozen.err());
    assertTrue(frozen.err().contains("error: --cfg-options train.frozen_from_epoch.glanse: 'train.frozen_from_epoch."
        + "glanse' is not a parameter group of this model (did you mean 'glance'?); valid names: glance, classifier"
        + " (config " + CONFIG + ")"), frozen.err());
    assertTrue(Files.notExists(dir.resolve("w")), "no run folder for a run that cannot start");
  }

  @Test
  void aMissingListFileOrLabelMapStopsTrainingBeforeTheRunFolder() {
    for (String key : List.of("data.train_list", "data.val_list", "data.label_map")) {
      String missing = dir.resolve(key + ".txt").toString();
      CliRun train = CliRun.of("train", CONFIG, "--work-dir", dir.resolve("w").toString(), "--cfg-options",
          key + "=" + missing);
      assertEquals(3, train.code(), train.err());
      assertTrue(train.err().contains("error: " + missing + ": no such file (" + key + " in " + CONFIG), train.err());
      assertTrue(Files.notExists(dir.resolve("w")), key + ": no run folder for a run that cannot start");
    }
  }
}
