package dev.adafocus.data.transforms;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.data.RgbFrame;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MultiScaleCropTest {
  @Test
  void cropSizesFor340x256() {
    List<int[]> pairs = MultiScaleCrop.standard(224).cropSizes(340, 256);
    int[][] want = {{256, 256}, {224, 256}, {256, 224}, {224, 224}, {192, 224}, {224, 192}, {192, 192},
        {168, 192}, {192, 168}, {168, 168}};
    assertEquals(want.length, pairs.size());
    for (int i = 0; i < want.length; i++) {
      assertArrayEquals(want[i], pairs.get(i), "pair " + i);
    }
  }

  @Test
  void sidesWithinThreePixelsSnapToTheOutputSize() {
    List<int[]> pairs = MultiScaleCrop.standard(224).cropSizes(400, 226);
    assertArrayEquals(new int[] {224, 224}, pairs.get(0));
    assertArrayEquals(new int[] {197, 224}, pairs.get(1));
  }

  @Test
  void thirteenFixedOffsets() {
    List<int[]> o = MultiScaleCrop.fixedOffsets(340, 256, 224, 224);
    int[][] want = {{0, 0}, {116, 0}, {0, 32}, {116, 32}, {58, 16}, {0, 16}, {116, 16}, {58, 32}, {58, 0},
        {29, 8}, {87, 8}, {29, 24}, {87, 24}};
    assertEquals(13, o.size());
    for (int i = 0; i < 13; i++) {
      assertArrayEquals(want[i], o.get(i), "offset " + i);
    }
  }

  @Test
  void sampledRegionsStayInsideTheImageAndCoverAllChoices() {
    MultiScaleCrop crop = MultiScaleCrop.standard(224);
    SplittableRandom rng = new SplittableRandom(3);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 4000; i++) {
      MultiScaleCrop.Region r = crop.sample(455, 256, rng);
      assertTrue(r.x() >= 0 && r.y() >= 0 && r.x() + r.w() <= 455 && r.y() + r.h() <= 256, r.toString());
      seen.add(r.toString());
    }
    Set<String> all = new HashSet<>();
    for (int[] wh : crop.cropSizes(455, 256)) {
      for (int[] xy : MultiScaleCrop.fixedOffsets(455, 256, wh[0], wh[1])) {
        all.add(new MultiScaleCrop.Region(xy[0], xy[1], wh[0], wh[1]).toString());
      }
    }
    assertEquals(all, seen);
  }

  @Test
  void oneCropForTheWholeClip() {
    byte[] a = new byte[40 * 30 * 3];
    for (int i = 0; i < a.length; i++) {
      a[i] = (byte) (i * 7);
    }
    RgbFrame f = new RgbFrame(40, 30, a);
    List<RgbFrame> out = MultiScaleCrop.standard(16).apply(List.of(f, f, f), new SplittableRandom(11));
    assertEquals(3, out.size());
    assertEquals(16, out.get(0).width());
    assertArrayEquals(out.get(0).rgb(), out.get(2).rgb());
  }
}
