package dev.adafocus.models.tsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.Engine;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.models.backbones.BackboneSpec;
import dev.adafocus.models.backbones.TemporalShift;
import dev.adafocus.nn.Layer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/**
 * TSN average consensus alone cannot tell a video from its time reversal; the temporal shift can (so motion direction
 * is learnable).
 */
class TsnNetworkTest {
  private static final int T = 4;

  /** max |logits(video) − logits(reversed video)| / max |logits(video)| over both heads, in eval mode. */
  private static double reversalDifference(Layer backbone) {
    try (TsnNetwork tsn = new TsnNetwork(backbone, T, 5, 0.5, "glance"); NativeScope s = NativeScope.open()) {
      tsn.eval();
      Tensor frames = torch.randn(new long[] {2 * T, 3, 32, 32});
      long[] reversedOrder = new long[2 * T];
      for (int v = 0; v < 2; v++) {
        for (int t = 0; t < T; t++) {
          reversedOrder[v * T + t] = v * T + (T - 1 - t);
        }
      }
      Tensor reversed = frames.index_select(0, dev.adafocus.engine.Tensors.longs(reversedOrder, 2 * T));
      TsnNetwork.Output a = tsn.forward(frames);
      TsnNetwork.Output b = tsn.forward(reversed);
      double scale = Math.max(a.logits().abs().max().item_double(), a.auxLogits().abs().max().item_double());
      assertTrue(scale > 0);
      return Math.max(a.logits().sub(b.logits()).abs().max().item_double(),
          a.auxLogits().sub(b.auxLogits()).abs().max().item_double()) / scale;
    }
  }

  @Test
  void plainBackboneIsBlindToTheOrderOfFrames() {
    Engine.seed(21);
    assertEquals(0.0, reversalDifference(new BackboneSpec("resnet10", 0.25).build()), 1e-5);
  }

  @Test
  void shiftedBackboneSeesTheOrderOfFrames() {
    Engine.seed(21);
    double d = reversalDifference(new BackboneSpec("resnet10", 0.25).buildTsm(TemporalShift.Config.of(T)));
    assertTrue(d > 1e-2, "time reversal must change the logits, relative change " + d);
  }
}
