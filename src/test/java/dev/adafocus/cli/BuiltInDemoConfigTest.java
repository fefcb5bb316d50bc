package dev.adafocus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.config.ConfigLoader;
import dev.adafocus.config.ExperimentConfig;
import dev.adafocus.flops.ModelFlops;
import dev.adafocus.train.LrSchedule;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's built-in config resolves, and its schedule is the one the README describes. */
class BuiltInDemoConfigTest {
  @Test
  void builtInConfigLoadsWithTheDocumentedSchedule() throws Exception {
    ExperimentConfig c = ConfigLoader.load(DemoCommand.builtInConfig());
    assertEquals("synthetic", c.data().kind());
    assertEquals(c.model().inputSize(), c.data().synthetic().frameSize(), "frames are used at their own size");
    assertEquals(c.model().numSegments(), c.data().synthetic().frames());
    LrSchedule s = new LrSchedule(c.train());
    List<String> groups = List.of("policy", "glance", "focus", "classifier");
    int last = c.train().passes() - 1;
    assertTrue(s.frozen("policy", 0) && !s.frozen("policy", 1), "the policy waits for epoch 0 only");
    assertTrue(s.groupLrs(groups, 1).values().stream().allMatch(lr -> lr > 0), "every group learns from epoch 1");
    assertEquals(4, c.train().passes(), "epochs 0..3");
    assertEquals(0.0, s.baseLr(last), 0.0, "the last pass runs at lr 0");
    assertEquals(0.0679, ModelFlops.measure(c.model().toAdaFocusConfig()).gflopsPerVideo(), 5e-5,
        "the GFLOPs the README's table shows");
  }
}
