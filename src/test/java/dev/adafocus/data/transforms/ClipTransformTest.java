package dev.adafocus.data.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.adafocus.data.RgbFrame;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClipTransformTest {
  private static RgbFrame ramp(int w, int h, int seed) {
    byte[] b = new byte[w * h * 3];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (i * 13 + seed);
    }
    return new RgbFrame(w, h, b);
  }

  @Test
  void centreCropRoundsHalfToEven() {
    RgbFrame f = ramp(7, 6, 0);
    RgbFrame c = new CenterCrop(4).apply(List.of(f), new SplittableRandom(0)).get(0);
    // round((7-4)/2) = round(1.5) = 2, round((6-4)/2) = 1
    assertEquals(f.at(2, 1, 0), c.at(0, 0, 0));
    assertEquals(f.at(5, 4, 2), c.at(3, 3, 2));
  }

  @Test
  void cropOutsideTheFrameIsBlack() {
    RgbFrame c = FrameOps.crop(ramp(4, 4, 1), -1, 2, 3, 3);
    assertEquals(0, c.at(0, 0, 0));
    assertEquals(0, c.at(1, 2, 1));
    assertEquals(ramp(4, 4, 1).at(1, 3, 2), c.at(2, 1, 2));
  }

  @Test
  void scaleShorterSideTruncatesTheLongSide() {
    RgbFrame f = ramp(37, 29, 0);
    RgbFrame s = new ScaleShorterSide(20).apply(List.of(f), new SplittableRandom(0)).get(0);
    assertEquals(25, s.width());
    assertEquals(20, s.height());
  }

  @Test
  void flipIsClipConsistentAndHappensHalfTheTime() {
    RgbFrame a = ramp(5, 3, 0);
    RgbFrame b = ramp(5, 3, 9);
    SplittableRandom rng = new SplittableRandom(5);
    int flipped = 0;
    for (int i = 0; i < 400; i++) {
      List<RgbFrame> out = new HorizontalFlip().apply(List.of(a, b), rng);
      boolean fa = out.get(0) != a;
      boolean fb = out.get(1) != b;
      assertEquals(fa, fb);
      if (fa) {
        flipped++;
        assertEquals(a.at(4, 1, 2), out.get(0).at(0, 1, 2));
        assertEquals(b.at(0, 2, 0), out.get(1).at(4, 2, 0));
      }
    }
    assertNotEquals(0, flipped);
    assertEquals(200, flipped, 40);
  }

  @Test
  void normalizeWritesFrameMajorChannelPlanes() {
    RgbFrame f0 = new RgbFrame(2, 1, new byte[] {0, (byte) 255, 0, 10, 20, 30});
    RgbFrame f1 = new RgbFrame(2, 1, new byte[] {(byte) 255, 0, 0, 0, 0, 0});
    float[] dst = new float[1 + 2 * 3 * 2];
    int n = Normalize.IMAGENET.write(List.of(f0, f1), dst, 1);
    assertEquals(12, n);
    assertEquals((0f - 0.485f) / 0.229f, dst[1], 1e-6);
    assertEquals((10 / 255f - 0.485f) / 0.229f, dst[2], 1e-6);
    assertEquals((1f - 0.456f) / 0.224f, dst[3], 1e-6);
    assertEquals((30 / 255f - 0.406f) / 0.225f, dst[6], 1e-6);
    assertEquals((1f - 0.485f) / 0.229f, dst[7], 1e-6);
    assertArrayEquals(new float[] {0}, new float[] {dst[0]});
  }
}
