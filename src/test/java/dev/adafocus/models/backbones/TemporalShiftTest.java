package dev.adafocus.models.backbones;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.StateDicts;
import dev.adafocus.engine.Tensors;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** The shift moves exactly the specified channels in time, and the TSM backbones put it where the official code does. */
class TemporalShiftTest {
  private static final int VIDEOS = 2;
  private static final int T = 3;
  private static final int C = 16;
  private static final int HW = 2;

  /** A distinct, non-zero value for every (video, frame, channel, pixel). */
  private static double value(int n, int t, int c, int p) {
    return 1 + n * 1000 + t * 100 + c + p * 0.25;
  }

  private static double[] input() {
    double[] x = new double[VIDEOS * T * C * HW * HW];
    int i = 0;
    for (int n = 0; n < VIDEOS; n++) {
      for (int t = 0; t < T; t++) {
        for (int c = 0; c < C; c++) {
          for (int p = 0; p < HW * HW; p++) {
            x[i++] = value(n, t, c, p);
          }
        }
      }
    }
    return x;
  }

  @Test
  void firstEighthComesFromTheNextFrameSecondFromThePreviousRestStays() {
    try (NativeScope s = NativeScope.open()) {
      double[] out = Tensors.toDoubles(TemporalShift.shift(Tensors.doubles(input(), VIDEOS * T, C, HW, HW), T, 8));
      int fold = C / 8;
      int i = 0;
      for (int n = 0; n < VIDEOS; n++) {
        for (int t = 0; t < T; t++) {
          for (int c = 0; c < C; c++) {
            for (int p = 0; p < HW * HW; p++) {
              double expected;
              if (c < fold) {
                expected = t + 1 < T ? value(n, t + 1, c, p) : 0;
              } else if (c < 2 * fold) {
                expected = t > 0 ? value(n, t - 1, c, p) : 0;
              } else {
                expected = value(n, t, c, p);
              }
              assertEquals(expected, out[i++], 0.0, "video " + n + " frame " + t + " channel " + c + " pixel " + p);
            }
          }
        }
      }
    }
  }

  @Test
  void foldIsTheFloorOfChannelsOverDivisor() {
    try (NativeScope s = NativeScope.open()) {
      // 16 channels, divisor 5: fold 3, so channels 0..2 back, 3..5 forward, 6..15 unchanged
      double[] out = Tensors.toDoubles(TemporalShift.shift(Tensors.doubles(input(), VIDEOS * T, C, HW, HW), T, 5));
      int plane = HW * HW;
      int frame1 = C * plane;
      assertEquals(value(0, 2, 2, 0), out[frame1 + 2 * plane], 0.0);
      assertEquals(value(0, 0, 5, 0), out[frame1 + 5 * plane], 0.0);
      assertEquals(value(0, 1, 6, 0), out[frame1 + 6 * plane], 0.0);
    }
  }

  @Test
  void gradientIsTheOppositeShift() {
    try (NativeScope s = NativeScope.open()) {
      Tensor x = Tensors.doubles(input(), VIDEOS * T, C, HW, HW).set_requires_grad(true);
      Tensor weights = Tensors.doubles(input(), VIDEOS * T, C, HW, HW).mul(new org.bytedeco.pytorch.Scalar(0.01));
      TemporalShift.shift(x, T, 8).mul(weights).sum().backward();
      double[] grad = Tensors.toDoubles(x.grad());
      double[] w = Tensors.toDoubles(weights);
      // d/dx[t, c<fold] = w[t-1] (x[t] feeds out[t-1]); d/dx[t, fold<=c<2fold] = w[t+1]; unshifted: w[t]
      int frame = C * HW * HW;
      for (int t = 0; t < T; t++) {
        int back = t * frame;
        int fwd = t * frame + 2 * HW * HW;
        int rest = t * frame + 5 * HW * HW;
        assertEquals(t > 0 ? w[back - frame] : 0, grad[back], 1e-12, "back-shifted channel, frame " + t);
        assertEquals(t + 1 < T ? w[fwd + frame] : 0, grad[fwd], 1e-12, "forward-shifted channel, frame " + t);
        assertEquals(w[rest], grad[rest], 1e-12, "unshifted channel, frame " + t);
      }
    }
  }

  @Test
  void rejectsABatchThatIsNotWholeVideos() {
    try (NativeScope s = NativeScope.open()) {
      Tensor x = torch.zeros(new long[] {5, C, HW, HW});
      assertThrows(IllegalArgumentException.class, () -> TemporalShift.shift(x, T, 8));
    }
  }

  @Test
  void mobileNetShiftsExactlyTheExpandedResidualBlocks() {
    Set<String> shifted = shiftedKeys(new BackboneSpec("mobilenet_v2", 1.0).buildTsm(TemporalShift.Config.of(8)));
    // blocks with expansion 6, stride 1 and in == out (features 1 has no expansion; 2, 4, 7, 11, 14, 17 change shape)
    Set<String> expected = List.of(3, 5, 6, 8, 9, 10, 12, 13, 15, 16).stream()
        .map(b -> "features." + b + ".conv.0.net.weight").collect(Collectors.toCollection(TreeSet::new));
    assertEquals(expected, shifted);
  }

  @Test
  void resNetShiftsConv1OfEveryBottleneckOnly() {
    KeySets r = new KeySets(new BackboneSpec("resnet50", 1.0).buildTsm(TemporalShift.Config.of(12)));
    Set<String> expected = new TreeSet<>();
    int[] depths = {3, 4, 6, 3};
    for (int s = 0; s < 4; s++) {
      for (int b = 0; b < depths[s]; b++) {
        expected.add("layer" + (s + 1) + "." + b + ".conv1.net.weight");
      }
    }
    assertEquals(expected, r.shifted);
    assertTrue(r.keys.contains("layer2.0.downsample.0.weight"), "the identity path keeps its plain key");
    assertTrue(r.keys.contains("layer1.0.conv2.weight"));
  }

  @Test
  void tsmVariantsHaveNoImageNetHeadAndPlainBuildsAreUnchanged() {
    Set<String> tsmMobile = StateDicts.tensors(new BackboneSpec("mobilenet_v2", 0.25).buildTsm(TemporalShift.Config.of(2))).keySet();
    Set<String> tsmRes = StateDicts.tensors(new BackboneSpec("resnet10", 0.25).buildTsm(TemporalShift.Config.of(2))).keySet();
    assertFalse(tsmMobile.stream().anyMatch(k -> k.startsWith("classifier.")));
    assertFalse(tsmRes.stream().anyMatch(k -> k.startsWith("fc.")));
    Set<String> plainMobile = StateDicts.tensors(new BackboneSpec("mobilenet_v2", 0.25).build()).keySet();
    assertTrue(plainMobile.contains("classifier.weight"));
    assertFalse(plainMobile.stream().anyMatch(k -> k.contains(".net.")));
    // apart from the shift's ".net" segment and the head, the layouts are identical
    Set<String> renamed = tsmMobile.stream().map(k -> k.replace(".net.", ".")).collect(Collectors.toSet());
    Set<String> plainWithoutHead = plainMobile.stream().filter(k -> !k.startsWith("classifier.")).collect(Collectors.toSet());
    assertEquals(plainWithoutHead, renamed);
  }

  @Test
  void shiftedBackboneMixesFramesOfOneVideoOnly() {
    org.bytedeco.pytorch.Module net = new BackboneSpec("resnet10", 0.25).buildTsm(TemporalShift.Config.of(2));
    net.eval();
    try (NativeScope s = NativeScope.open()) {
      Tensor a = torch.randn(new long[] {4, 3, 32, 32});
      Tensor b = a.clone();
      b.narrow(0, 3, 1).add_(new org.bytedeco.pytorch.Scalar(1.0)); // change frame 1 of video 1
      Tensor fa = ((Backbone) net).featureMap(a);
      Tensor fb = ((Backbone) net).featureMap(b);
      double video0 = fa.narrow(0, 0, 2).sub(fb.narrow(0, 0, 2)).abs().max().item_double();
      double otherFrame = fa.narrow(0, 2, 1).sub(fb.narrow(0, 2, 1)).abs().max().item_double();
      assertEquals(0.0, video0, "another video must not see the change");
      assertTrue(otherFrame > 0, "the other frame of the same video must see the change through the shift");
    }
  }

  private static Set<String> shiftedKeys(org.bytedeco.pytorch.Module m) {
    return new KeySets(m).shifted;
  }

  /** The keys of a module and those that pass through a shift. */
  private static final class KeySets {
    final Set<String> keys;
    final Set<String> shifted;

    KeySets(org.bytedeco.pytorch.Module m) {
      keys = StateDicts.tensors(m).keySet();
      shifted = keys.stream().filter(k -> k.contains(".net.")).collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
