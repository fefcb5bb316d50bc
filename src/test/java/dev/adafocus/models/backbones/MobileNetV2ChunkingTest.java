package dev.adafocus.models.backbones;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.Engine;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import dev.adafocus.nn.BatchChunking;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** MobileNetV2's early layers run in chunks sized to the activation budget, with the outputs of one call. */
class MobileNetV2ChunkingTest {
  @Test
  void earlyActivationIsTheExpansionAtHalfTheInputSide() {
    // the ImageNet model's widest early activation: block 2 expands 16 to 96 channels at 112x112 for a 224x224 input
    assertEquals(96L * 112 * 112 * Float.BYTES, MobileNetV2.mobilenetV2().earlyActivationBytes(224L * 224));
    assertEquals(6, BatchChunking.imagesWithin(BatchChunking.ACTIVATION_BUDGET_BYTES, 96L * 112 * 112 * 4, 16),
        "six 224x224 frames fit the budget");
  }

  @Test
  void budgetedChunksGiveTheSameFeatureMap() {
    Engine.seed(5);
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      MobileNetV2 net = new MobileNetV2(0.5, 64, 0);
      net.eval();
      Tensor images = torch.randn(7, 3, 32, 32);
      float[] whole = Tensors.toFloats(net.featureMap(images));
      assertTrue(net.chunkImages(4));
      long perImage = net.earlyActivationBytes(32L * 32);
      net.chunks().setBudgetBytes(2 * perImage); // early layers in chunks of 2, the rest in chunks of 4
      assertArrayEquals(whole, Tensors.toFloats(net.featureMap(images)), 1e-5f);
      net.chunks().setBudgetBytes(1); // one image at a time
      assertArrayEquals(whole, Tensors.toFloats(net.featureMap(images)), 1e-5f);
    }
  }

  @Test
  void imagesWithinStaysBetweenOneAndTheChunkSize() {
    assertEquals(3, BatchChunking.imagesWithin(100, 30, 16));
    assertEquals(1, BatchChunking.imagesWithin(100, 300, 16), "an image larger than the budget still runs");
    assertEquals(16, BatchChunking.imagesWithin(1000, 1, 16), "never more than the chunk size");
  }
}
