package dev.adafocus.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.data.synthetic.LabelRule;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import dev.adafocus.models.tsm.AdaFocusV2Tsm;
import dev.adafocus.models.tsm.TsmConfig;
import dev.adafocus.models.tsm.TsmFlops;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** The shipped AdaFocusV2-TSM configs: the ten released recipes (V2/S command, dossier §3) and the CPU-sized ones. */
class ShippedTsmConfigsTest {
  private static final Path CONFIGS = Path.of("configs");

  private static List<Path> released() throws IOException {
    try (Stream<Path> s = Files.list(CONFIGS)) {
      return s.filter(p -> p.getFileName().toString().matches("adafocusv2tsm_mbv2-r50-p\\d+_g8f12-50e_\\w+\\.yaml"))
          .sorted().toList();
    }
  }

  @Test
  void releasedRecipesMatchTheOfficialCommand() throws IOException {
    Map<String, Integer> classes = Map.of("sthv1", 174, "sthv2", 174, "jester", 27);
    java.util.SortedSet<String> names = new java.util.TreeSet<>();
    for (Path p : released()) {
      String n = p.getFileName().toString();
      String dataset = n.replaceAll(".*-50e_(\\w+)\\.yaml", "$1");
      int patch = Integer.parseInt(n.replaceAll(".*-p(\\d+)_.*", "$1"));
      names.add(dataset + "_" + patch);
      ExperimentConfig c = ConfigLoader.load(p);
      ModelConfig m = c.model();
      assertTrue(m.isTsm(), n);
      assertEquals(TsmConfig.official(classes.get(dataset), patch), m.toTsmConfig(), n + ": the released model shape");
      assertFalse(m.sample(), n);
      assertNotNull(m.glancePretrained(), n + ": ImageNet initialisation");
      assertNotNull(m.focusPretrained(), n + ": ImageNet initialisation");
      assertEquals(dataset, c.data().kind(), n);
      assertEquals(32, c.data().batchSize(), n);
      assertFalse(c.data().flip(), n + ": no horizontal flip for Sth-Sth/Jester");
      assertEquals(List.of(1.0, 0.875, 0.75, 0.66), c.data().scales(), n);
      assertNull(c.data().frameTemplate(), n + ": the layout's frame template ({:05d}/{:06d}.jpg)");
      TrainConfig t = c.train();
      assertEquals(50, t.epochs(), n);
      assertEquals(50, t.passes(), n + ": range(0, 50)");
      assertEquals(0.01, t.lr(), 0.0, n);
      assertEquals(5e-4, t.weightDecay(), 0.0, n);
      assertEquals(0.9, t.momentum(), 0.0, n);
      assertEquals("cos", t.lrSchedule(), n);
      assertEquals(0, t.warmupEpochs(), n);
      assertEquals(20.0, t.gradClip(), 0.0, n);
      assertEquals(0.01, t.lrRatios().get("policy"), 0.0, n);
      assertEquals(0.5, t.lrRatios().get("glance"), 0.0, n);
      assertEquals(1.0, t.lrRatios().get("focus"), 0.0, n);
      assertEquals("top1", c.eval().bestMetric(), n);
      assertEquals(1, c.eval().interval(), n + ": --eval-freq=1");
    }
    assertEquals("[jester_128, jester_176, sthv1_128, sthv1_144, sthv1_160, sthv1_176, sthv2_128, sthv2_144, sthv2_160,"
        + " sthv2_176]", names.toString(), "the released models");
  }

  @Test
  void jesterAt128CostsTheOfficialGflops() {
    ExperimentConfig c = ConfigLoader.load(CONFIGS.resolve("adafocusv2tsm_mbv2-r50-p128_g8f12-50e_jester.yaml"));
    double gflops = TsmFlops.measure(c.model().toTsmConfig()).gflopsPerVideo();
    assertEquals(18.5, gflops, 0.01 * 18.5, "V2 Table 5: Jester 128², 18.5 GFLOPs");
  }

  @Test
  void motionBenchmarkConfigsFitTheirModel() {
    for (String name : List.of("adafocusv2tsm_tiny_synthetic_motion", "adafocusv2tsm_ci_synthetic_motion")) {
      ExperimentConfig c = ConfigLoader.load(CONFIGS.resolve(name + ".yaml"));
      var bench = c.data().synthetic();
      assertEquals(LabelRule.DIRECTION, bench.label(), name);
      assertEquals(c.model().numClasses(), bench.numClasses(), name);
      assertEquals(c.model().inputSize(), bench.frameSize(), name);
      assertTrue(bench.frames() >= c.model().focusSegments(), name + ": every focus segment has a frame of its own");
      assertTrue(c.data().batchSize() >= 2, name);
      TsmConfig shape = c.model().toTsmConfig();
      try (NativeScope scope = NativeScope.open(); NoGradGuard g = new NoGradGuard(); AdaFocusV2Tsm model = new AdaFocusV2Tsm(shape)) {
        model.eval();
        long side = shape.inputSize();
        var out = model.forward(torch.zeros(2, 3L * shape.glanceFrames(), side, side),
            torch.zeros(2, 3L * shape.focusFrames(), side, side));
        assertArrayEquals(new long[] {2, shape.numClasses()}, Tensors.shape(out.prediction()), name);
      }
    }
  }

  @Test
  void aTsmConfigIsRefusedWhereAdaFocusV2IsNeeded() {
    ExperimentConfig c = ConfigLoader.load(CONFIGS.resolve("adafocusv2tsm_ci_synthetic_motion.yaml"));
    ConfigException e = assertThrows(ConfigException.class, () -> c.model().toAdaFocusConfig());
    assertTrue(e.getMessage().contains("adafocusv2_tsm"), e.getMessage());
  }
}
