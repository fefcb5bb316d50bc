package dev.adafocus.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.data.RgbFrame;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchmarkGeneratorTest {
  private static final SyntheticBenchmark SMALL = SyntheticBenchmark.defaults().withClips(50, 20);

  @Test
  void sameSeedGivesIdenticalBytesInAnyFrameOrder() {
    SyntheticClip a = new BenchmarkGenerator(SMALL).clip(Split.TRAIN, 7);
    SyntheticClip b = new BenchmarkGenerator(SMALL).clip(Split.TRAIN, 7);
    byte[] lastFirst = b.frame(a.frameCount() - 1).rgb();
    for (int t = 0; t < a.frameCount(); t++) {
      assertArrayEquals(a.frame(t).rgb(), b.frame(t).rgb(), "frame " + t);
      assertEquals(a.box(t), b.box(t));
    }
    assertArrayEquals(lastFirst, a.frame(a.frameCount() - 1).rgb());
  }

  @Test
  void differentIndexSplitOrSeedGivesADifferentClip() {
    BenchmarkGenerator g = new BenchmarkGenerator(SMALL);
    byte[] base = g.clip(Split.TRAIN, 3).frame(0).rgb();
    assertFalse(Arrays.equals(base, g.clip(Split.TRAIN, 13).frame(0).rgb()));
    assertFalse(Arrays.equals(base, g.clip(Split.VAL, 3).frame(0).rgb()));
    SyntheticBenchmark otherSeed = new SyntheticBenchmark(128, 8, 28, 2, 4, 20, 12, 0.1, true, 10, 50, 20, 1, LabelRule.DIGIT);
    assertFalse(Arrays.equals(base, new BenchmarkGenerator(otherSeed).clip(Split.TRAIN, 3).frame(0).rgb()));
  }

  @Test
  void labelsAreBalancedAndMatchTheClips() {
    BenchmarkGenerator g = new BenchmarkGenerator(SMALL);
    int[] counts = new int[SMALL.numClasses()];
    for (int i = 0; i < SMALL.trainClips(); i++) {
      int label = g.label(Split.TRAIN, i);
      assertEquals(label, g.clip(Split.TRAIN, i).label());
      counts[label]++;
    }
    for (int c = 0; c < counts.length; c++) {
      assertEquals(SMALL.trainClips() / SMALL.numClasses(), counts[c], "class " + c);
    }
  }

  @Test
  void groundTruthBoxHoldsTheRedPixels() {
    SyntheticBenchmark clean = new SyntheticBenchmark(96, 6, 24, 2, 4, 30, 12, 0, true, 10, 20, 5, 3, LabelRule.DIGIT);
    BenchmarkGenerator g = new BenchmarkGenerator(clean);
    for (int i = 0; i < clean.trainClips(); i++) {
      SyntheticClip clip = g.clip(Split.TRAIN, i);
      for (int t = 0; t < clip.frameCount(); t++) {
        ObjectBox box = clip.box(t);
        RgbFrame f = clip.frame(t);
        int minX = Integer.MAX_VALUE;
        int maxX = -1;
        int minY = Integer.MAX_VALUE;
        int maxY = -1;
        for (int y = 0; y < f.height(); y++) {
          for (int x = 0; x < f.width(); x++) {
            if (f.at(x, y, 0) - Math.max(f.at(x, y, 1), f.at(x, y, 2)) > 64) {
              assertTrue(box.contains(x, y), "red pixel " + x + "," + y + " outside " + box + " in " + clip);
              minX = Math.min(minX, x);
              maxX = Math.max(maxX, x);
              minY = Math.min(minY, y);
              maxY = Math.max(maxY, y);
            }
          }
        }
        assertTrue(maxX >= 0, "no red pixel in " + clip);
        assertTrue(maxX - minX + 1 >= box.width() - 4 && maxY - minY + 1 >= box.height() - 4,
            "box " + box + " is not tight around the red pixels in " + clip);
      }
    }
  }

  @Test
  void redPixelsStayCentredInTheBoxUnderNoise() {
    BenchmarkGenerator g = new BenchmarkGenerator(SMALL);
    for (int i = 0; i < 10; i++) {
      SyntheticClip clip = g.clip(Split.VAL, i);
      for (int t = 0; t < clip.frameCount(); t++) {
        RgbFrame f = clip.frame(t);
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int y = 0; y < f.height(); y++) {
          for (int x = 0; x < f.width(); x++) {
            if (f.at(x, y, 0) > 160 && Math.max(f.at(x, y, 1), f.at(x, y, 2)) < 100) {
              sx += x;
              sy += y;
              n++;
            }
          }
        }
        assertTrue(n > 20, "too few red pixels in " + clip);
        assertTrue(clip.box(t).contains((int) (sx / n), (int) (sy / n)), "red centroid outside the box in " + clip);
      }
    }
  }

  @Test
  void objectMovesSmoothlyAndStaysInTheFrame() {
    BenchmarkGenerator g = new BenchmarkGenerator(SMALL);
    int moved = 0;
    for (int i = 0; i < SMALL.trainClips(); i++) {
      SyntheticClip clip = g.clip(Split.TRAIN, i);
      for (int t = 0; t < clip.frameCount(); t++) {
        ObjectBox b = clip.box(t);
        assertTrue(b.x() >= 0 && b.y() >= 0 && b.x() + b.width() <= 128 && b.y() + b.height() <= 128, "" + b);
        if (t > 0) {
          ObjectBox p = clip.box(t - 1);
          double step = Math.hypot(b.x() - p.x(), b.y() - p.y());
          assertTrue(step <= SMALL.maxSpeed() + 1.5, "jump of " + step + " px in " + clip);
        }
      }
      ObjectBox first = clip.box(0);
      ObjectBox last = clip.box(clip.frameCount() - 1);
      moved += Math.hypot(first.x() - last.x(), first.y() - last.y()) >= SMALL.minSpeed() ? 1 : 0;
    }
    assertTrue(moved >= SMALL.trainClips() * 9 / 10, "only " + moved + " clips moved");
  }

  @Test
  void clipIsAVideoSourceOfTheConfiguredShape() {
    SyntheticClip clip = new BenchmarkGenerator(SMALL).clip(Split.TRAIN, 0);
    assertEquals(8, clip.frameCount());
    assertEquals(128, clip.width());
    assertEquals(128, clip.height());
    assertThrows(IndexOutOfBoundsException.class, () -> clip.frame(8));
    assertThrows(IndexOutOfBoundsException.class, () -> new BenchmarkGenerator(SMALL).clip(Split.VAL, 20));
  }

  @Test
  void trainAndValUseDisjointDigitImages() {
    DigitGlyphs glyphs = DigitGlyphs.shared();
    Set<String> train = new HashSet<>();
    for (int d = 0; d < 10; d++) {
      assertEquals(300, glyphs.count(Split.TRAIN, d));
      assertEquals(100, glyphs.count(Split.VAL, d));
      for (int k = 0; k < glyphs.count(Split.TRAIN, d); k++) {
        train.add(Arrays.toString(glyphs.glyph(Split.TRAIN, d, k)));
      }
    }
    for (int d = 0; d < 10; d++) {
      for (int k = 0; k < glyphs.count(Split.VAL, d); k++) {
        assertFalse(train.contains(Arrays.toString(glyphs.glyph(Split.VAL, d, k))), "val digit " + d + "/" + k);
      }
    }
    assertNotEquals(0, train.size());
  }
}
