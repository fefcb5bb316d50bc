package dev.adafocus.models.adafocus;

import dev.adafocus.flops.FlopCounter;
import dev.adafocus.models.backbones.Backbone;
import dev.adafocus.nn.Dropout;
import dev.adafocus.nn.Layer;
import dev.adafocus.nn.Linear;
import dev.adafocus.nn.Sequential;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.DoubleArrayRefOptional;
import org.bytedeco.pytorch.LongArrayRef;
import org.bytedeco.pytorch.LongArrayRefOptional;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * f_G: the light network that sees every whole frame (optionally downsampled, bilinear with aligned corners, as the
 * ResNet-50 glance at 96²). Gives the feature map (the policy's input), its spatial mean g_t, and auxiliary logits.
 * State-dict names: {@code global_CNN.*} (backbone) and {@code global_CNN_fc.1.*} (auxiliary head).
 */
public final class GlanceNetwork {
  private final Layer backbone;
  private final Sequential head;
  private final int resizeTo;

  GlanceNetwork(Layer backbone, int numClasses, double fcDropout, int resizeTo) {
    this.backbone = backbone;
    this.head = new Sequential(new Dropout(fcDropout), new Linear(((Backbone) backbone).featureDim(), numClasses));
    this.resizeTo = resizeTo;
  }

  Sequential head() {
    return head;
  }

  /** Glance features of frames [N, 3, S, S]. */
  public Output forward(Tensor frames) {
    try (FlopCounter.Section s = FlopCounter.section("glance")) {
      Tensor x = frames;
      if (resizeTo > 0 && frames.size(2) != resizeTo) {
        try (LongPointer size = new LongPointer(resizeTo, resizeTo)) {
          x = torch.upsample_bilinear2d(frames, new LongArrayRefOptional(new LongArrayRef(size, 2)), true, new DoubleArrayRefOptional());
        }
      }
      Tensor map = ((Backbone) backbone).featureMap(x);
      Tensor vector = map.mean(new long[] {2, 3}, false, new ScalarTypeOptional());
      return new Output(map, vector);
    }
  }

  /** The auxiliary glance classifier (training loss only; its cost is not part of inference). */
  public Tensor auxLogits(Tensor vector) {
    try (FlopCounter.Section s = FlopCounter.section("aux_heads")) {
      return head.forward(vector);
    }
  }

  /** Feature map M_t [N, C, h, w] and pooled vector g_t [N, C]. */
  public record Output(Tensor map, Tensor vector) {}
}
