package dev.adafocus.nn;

import static dev.adafocus.nn.BatchNormFoldingTest.assertSameOutputs;
import static dev.adafocus.nn.BatchNormFoldingTest.copyOf;
import static dev.adafocus.nn.BatchNormFoldingTest.randomiseBatchNorms;
import static dev.adafocus.nn.BatchNormFoldingTest.video;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.adafocus.engine.Engine;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.backbones.MobileNetV2;
import dev.adafocus.models.backbones.ResNet;
import dev.adafocus.models.backbones.TemporalShift;
import dev.adafocus.testing.TinyModels;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** Running a CNN on a batch chunk by chunk must give what one call gives, and only where frames are independent. */
class BatchChunkingTest {
  @Test
  void chunkedModelGivesTheSameOutputs() {
    Engine.seed(31);
    try (NativeScope s = NativeScope.open()) {
      AdaFocusV2 reference = new AdaFocusV2(TinyModels.tiny());
      randomiseBatchNorms(reference);
      AdaFocusV2 chunked = copyOf(reference, TinyModels.tiny());
      assertEquals(2, BatchChunking.apply(chunked, 4), "the glance and the focus backbone");
      // 3 videos x 3 frames = 9 frames and 9 patches: chunks of 4, 4 and 1
      assertSameOutputs(reference, chunked, video(TinyModels.tiny(), 3));
    }
  }

  @Test
  void mapSplitsOnlyWithoutGradientsAndConcatenatesInOrder() {
    Tensor x = torch.arange(new org.bytedeco.pytorch.Scalar(10)).to(torch.ScalarType.Float).reshape(10, 1);
    List<Long> sizes = new ArrayList<>();
    Tensor once = BatchChunking.map(t -> { sizes.add(t.size(0)); return t.mul(new org.bytedeco.pytorch.Scalar(2)); }, x, 4);
    assertEquals(List.of(10L), sizes, "gradients on: one call");
    sizes.clear();
    try (NoGradGuard g = new NoGradGuard()) {
      Tensor chunked = BatchChunking.map(t -> { sizes.add(t.size(0)); return t.mul(new org.bytedeco.pytorch.Scalar(2)); }, x, 4);
      assertEquals(List.of(4L, 4L, 2L), sizes);
      assertArrayEquals(Tensors.toFloats(once), Tensors.toFloats(chunked), 0f);
      sizes.clear();
      BatchChunking.map(t -> { sizes.add(t.size(0)); return t; }, x, 0);
      assertEquals(List.of(10L), sizes, "0 turns chunking off");
    }
  }

  @Test
  void temporallyShiftedBackbonesAreNotChunked() {
    TemporalShift.Config shift = new TemporalShift.Config(4, 8);
    assertFalse(new MobileNetV2(0.25, 64, 0, shift).chunkImages(4), "a shift mixes the frames of a video");
    assertFalse(new ResNet(ResNet.Block.BASIC, new int[] {1, 1, 1, 1}, 8, 0, false, shift).chunkImages(4));
  }
}
