package dev.adafocus.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.AdaFocusException;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SyntheticBenchmarkTest {
  private static SyntheticBenchmark with(int frameSize, int objectSize, double minSpeed, double maxSpeed,
      int clutterSize, double noise, int classes, int train) {
    return new SyntheticBenchmark(frameSize, 8, objectSize, minSpeed, maxSpeed, 20, clutterSize, noise, true, classes,
        train, 10, 0, LabelRule.DIGIT);
  }

  @Test
  void defaultsAreCpuSizedAndValid() {
    SyntheticBenchmark d = SyntheticBenchmark.defaults();
    assertEquals(128, d.frameSize());
    assertEquals(8, d.frames());
    assertEquals(10, d.numClasses());
    assertTrue(d.colourCue());
    assertEquals(d.trainClips(), d.clips(Split.TRAIN));
    assertEquals(d.valClips(), d.clips(Split.VAL));
    SyntheticBenchmark small = d.withClips(7, 3);
    assertEquals(7, small.trainClips());
    assertEquals(3, small.valClips());
    assertEquals(d.objectSize(), small.objectSize());
  }

  @Test
  void badValuesAreRejectedWithTheirName() {
    Map<String, Supplier<SyntheticBenchmark>> bad = Map.of(
        "frameSize", () -> with(127, 28, 2, 4, 12, 0.1, 10, 100),
        "objectSize", () -> with(32, 30, 2, 4, 12, 0.1, 10, 100),
        "speeds", () -> with(128, 28, 5, 4, 12, 0.1, 10, 100),
        "clutterSize", () -> with(128, 28, 2, 4, 29, 0.1, 10, 100),
        "noise", () -> with(128, 28, 2, 4, 12, 1.5, 10, 100),
        "numClasses", () -> with(128, 28, 2, 4, 12, 0.1, 11, 100),
        "trainClips", () -> with(128, 28, 2, 4, 12, 0.1, 10, 0));
    bad.forEach((field, make) -> {
      AdaFocusException e = assertThrows(AdaFocusException.class, make::get, field);
      assertTrue(e.getMessage().startsWith("invalid benchmark configuration: " + field), e.getMessage());
    });
  }
}
