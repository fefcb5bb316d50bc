package dev.adafocus.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.viz.RunPlots;
import dev.adafocus.viz.ScalarsLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trainer's learning curve comes from its whole history, resumed epochs included. */
class LearningCurveTest {
  @TempDir
  Path dir;

  @Test
  void everyEpochOfTheHistoryIsDrawnWithItsValidation() throws Exception {
    List<EpochRecord> history = List.of(new EpochRecord(0, 0.05, 2.0, Map.of("top1", 30.0)),
        new EpochRecord(1, 0.03, 1.5, Map.of()), new EpochRecord(2, 0.01, 1.2, Map.of("top1", 55.0)));
    List<ScalarsLog.Entry> entries = LearningCurve.entries(history);
    assertEquals(List.of("train", "val", "train", "train", "val"), entries.stream().map(ScalarsLog.Entry::mode).toList());
    assertEquals(List.of(0.0, 0.0, 1.0, 2.0, 2.0), entries.stream().map(ScalarsLog.Entry::epoch).toList());
    assertEquals(1.5, entries.get(2).metrics().get("loss"), 0.0);
    assertEquals(0.03, entries.get(2).metrics().get("lr"), 0.0);
    assertEquals(55.0, entries.get(4).metrics().get("top1"), 0.0);
    Path png = dir.resolve(RunPlots.LEARNING_CURVE_PNG);
    assertTrue(RunPlots.learningCurve(entries, true, png));
    assertTrue(Files.size(png) > 0);
  }
}
