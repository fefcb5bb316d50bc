package dev.adafocus.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.adafocus.AdaFocusV2;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

class ShippedConfigsTest {
  private static final Path CONFIGS = Path.of("configs");

  private static List<Path> leaves() throws IOException {
    try (Stream<Path> s = Files.list(CONFIGS)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void everyShippedConfigLoads() throws IOException {
    List<Path> leaves = leaves();
    assertTrue(leaves.size() >= 24, "released recipes + CPU configs, found " + leaves);
    for (Path p : leaves) {
      ExperimentConfig c = ConfigLoader.load(p);
      assertEquals(p.getFileName().toString().replace(".yaml", ""), c.name());
      int shapePatch = c.model().isTsm() ? c.model().toTsmConfig().patchSize() : c.model().toAdaFocusConfig().patchSize();
      assertEquals(c.model().patchSize(), shapePatch, "a buildable model shape: " + p);
    }
  }

  @Test
  void benchmarkConfigsFitTheirModel() {
    for (String name : List.of("adafocusv2_tiny_synthetic", "adafocusv2_ci_synthetic")) {
      ExperimentConfig c = ConfigLoader.load(CONFIGS.resolve(name + ".yaml"));
      assertEquals("synthetic", c.data().kind(), name);
      assertEquals(c.model().numSegments(), c.data().synthetic().frames(), name);
      assertEquals(c.model().inputSize(), c.data().synthetic().frameSize(), name);
      assertEquals(c.model().numClasses(), c.data().synthetic().numClasses(), name);
      assertEquals("top1", c.eval().bestMetric(), name);
      AdaFocusConfig shape = c.model().toAdaFocusConfig();
      try (NativeScope scope = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
        AdaFocusV2 model = new AdaFocusV2(shape);
        model.train(false);
        Tensor video = torch.zeros(1, 3L * shape.frames(), shape.inputSize(), shape.inputSize());
        assertArrayEquals(new long[] {1, shape.frames(), shape.numClasses()},
            Tensors.shape(model.forward(video).stepLogits()), name + " builds and runs the real model");
      }
    }
  }

  @Test
  void releasedRecipesMatchTheOfficialCommands() throws IOException {
    int released = 0;
    for (Path p : leaves()) {
      String n = p.getFileName().toString();
      if (!n.endsWith("-50e_actnet.yaml") && !n.endsWith("-50e_fcvid.yaml") && !n.endsWith("-50e_minik.yaml")) {
        continue;
      }
      released++;
      ExperimentConfig c = ConfigLoader.load(p);
      int patch = Integer.parseInt(n.replaceAll(".*-p(\\d+)_.*", "$1"));
      assertEquals(patch, c.model().patchSize(), n);
      assertEquals(n.startsWith("adafocusv2_mbv2") ? "mobilenet_v2" : "resnet50", c.model().glanceArch(), n);
      assertEquals("resnet50", c.model().focusArch(), n);
      assertEquals(n.startsWith("adafocusv2_mbv2") ? 0 : 96, c.model().glanceSize(), n);
      assertEquals(16, c.model().numSegments(), n);
      assertEquals(2048, c.model().policyHidden(), n);
      assertEquals(0.2, c.model().dropout(), 0.0, n);
      assertEquals(0.2, c.model().fcDropout(), 0.0, n);
      assertTrue(c.model().sample(), n);
      boolean minik = n.endsWith("minik.yaml");
      assertEquals(minik ? 0.003 : 0.002, c.train().lr(), 0.0, n);
      assertEquals(minik ? 48 : 32, c.data().batchSize(), n);
      assertEquals(minik ? "top1" : "map", c.eval().bestMetric(), n);
      assertEquals(n.endsWith("fcvid.yaml") ? 239 : 200, c.model().numClasses(), n);
      assertEquals(50, c.train().epochs(), n);
      assertEquals(Map.of("policy", 0.1, "glance", 0.5, "focus", 1.0, "classifier", 5.0), c.train().lrRatios(), n);
      assertEquals(1e-4, c.train().weightDecay(), 0.0, n);
      assertEquals(0.9, c.train().momentum(), 0.0, n);
      assertEquals(null, c.train().gradClip(), n);
      assertEquals(5, c.eval().interval(), n);
      assertEquals(10, c.eval().lastEpochs(), n);
    }
    assertEquals(10, released, "actnet p96/128/160 x 2 glances + fcvid/minik p128 x 2 glances");
  }
}
