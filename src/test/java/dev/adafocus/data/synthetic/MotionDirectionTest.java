package dev.adafocus.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.AdaFocusException;
import org.junit.jupiter.api.Test;

/** The motion variant of the built-in benchmark: the class is the direction of a straight, bounce-free motion. */
class MotionDirectionTest {
  private static SyntheticBenchmark motion(int classes, double minSpeed, double maxSpeed) {
    return new SyntheticBenchmark(64, 8, 16, minSpeed, maxSpeed, 6, 8, 0.05, true, classes, 40, 8, 5,
        LabelRule.DIRECTION);
  }

  @Test
  void eachClipMovesStraightInItsClassDirectionAndStaysInTheFrame() {
    for (int classes : new int[] {4, 8}) {
      SyntheticBenchmark config = motion(classes, 2, 4);
      BenchmarkGenerator g = new BenchmarkGenerator(config);
      for (Split split : Split.values()) {
        for (int i = 0; i < config.clips(split); i++) {
          SyntheticClip clip = g.clip(split, i);
          double angle = 2 * Math.PI * clip.label() / classes;
          double ux = Math.cos(angle);
          double uy = Math.sin(angle);
          for (int t = 0; t < clip.frameCount(); t++) {
            ObjectBox b = clip.box(t);
            assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.width() <= 64 && b.y() + b.height() <= 64, clip + " frame " + t);
            if (t > 0) {
              ObjectBox p = clip.box(t - 1);
              double along = (b.centreX() - p.centreX()) * ux + (b.centreY() - p.centreY()) * uy;
              assertTrue(along >= 2 - 1, clip + ": step " + t + " moves " + along + " px along its direction");
            }
          }
          ObjectBox first = clip.box(0);
          ObjectBox last = clip.box(clip.frameCount() - 1);
          double dx = last.centreX() - first.centreX();
          double dy = last.centreY() - first.centreY();
          double across = Math.abs(-dx * uy + dy * ux);
          assertTrue(across <= 1, clip + ": " + across + " px off its straight line");
        }
      }
    }
  }

  @Test
  void classesAreBalancedAndNamedByDirection() {
    BenchmarkGenerator g = new BenchmarkGenerator(motion(4, 2, 4));
    int[] counts = new int[4];
    for (int i = 0; i < 40; i++) {
      counts[g.clip(Split.TRAIN, i).label()]++;
    }
    assertEquals(java.util.List.of(10, 10, 10, 10), java.util.Arrays.stream(counts).boxed().toList());
    String[] four = new String[4];
    for (int c = 0; c < 4; c++) {
      four[c] = LabelRule.DIRECTION.className(c, 4);
    }
    assertEquals("[right, down, left, up]", java.util.Arrays.toString(four));
    assertEquals("down-right", LabelRule.DIRECTION.className(1, 8));
    assertEquals("direction_120deg", LabelRule.DIRECTION.className(1, 3));
    assertEquals("seven", LabelRule.DIGIT.className(7, 10));
  }

  @Test
  void aPathThatCannotStayStraightInsideTheFrameIsRejected() {
    AdaFocusException tooFast = assertThrows(AdaFocusException.class, () -> motion(4, 2, 7));
    assertTrue(tooFast.getMessage().contains("straight path"), tooFast.getMessage());
    AdaFocusException still = assertThrows(AdaFocusException.class, () -> motion(4, 0, 3));
    assertTrue(still.getMessage().contains("minSpeed > 0"), still.getMessage());
  }
}
