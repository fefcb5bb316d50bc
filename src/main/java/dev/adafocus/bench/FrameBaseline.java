package dev.adafocus.bench;

import dev.adafocus.engine.NativeScope;
import dev.adafocus.flops.FlopCounter;
import dev.adafocus.models.backbones.Backbone;
import dev.adafocus.models.backbones.BackboneSpec;
import dev.adafocus.nn.Layer;
import dev.adafocus.nn.Linear;
import dev.adafocus.nn.Net;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The full-frame baseline the paper compares with: one CNN on every whole frame, a linear classifier per frame, and
 * the logits averaged over the T frames (TSN consensus).
 */
public final class FrameBaseline extends Net {
  private final Layer backbone;
  private final Linear head;
  private final int frames;
  private final int inputSize;

  public FrameBaseline(BackboneSpec spec, int numClasses, int frames, int inputSize) {
    this.backbone = add("backbone", spec.build());
    this.head = add("head", new Linear(((Backbone) backbone).featureDim(), numClasses));
    this.frames = frames;
    this.inputSize = inputSize;
  }

  /** Video logits from frames [B, T·3, S, S]: [B, C]. */
  public Tensor forward(Tensor video) {
    long batch = video.size(0);
    Tensor logits = head.forward(backbone.forward(video.reshape(batch * frames, 3, inputSize, inputSize)));
    return logits.view(batch, frames, logits.size(1)).mean(new long[] {1}, false, new ScalarTypeOptional());
  }

  /** GFLOPs (multiply-accumulates, the papers' convention: conv/linear layers + one per BN channel) of one video. */
  public double gflopsPerVideo() {
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard(); FlopCounter c = FlopCounter.start()) {
      head.forward(backbone.forward(torch.zeros(new long[] {1, 3, inputSize, inputSize}, new TensorOptions(ScalarType.Float))));
      return c.total() / 1e9 * frames;
    }
  }
}
