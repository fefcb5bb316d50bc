package dev.adafocus.models.adafocus;

import dev.adafocus.flops.FlopCounter;
import dev.adafocus.nn.Dropout;
import dev.adafocus.nn.Layer;
import dev.adafocus.nn.Linear;
import dev.adafocus.nn.Sequential;
import org.bytedeco.pytorch.Tensor;

/**
 * f_L: the heavy network that sees only the P×P patches and returns their pooled features l_t; plus the auxiliary
 * focus head. State-dict names: {@code local_CNN.*} (backbone) and {@code local_CNN_fc.1.*}.
 */
public final class FocusNetwork {
  private final Layer backbone;
  private final Sequential head;

  FocusNetwork(Layer backbone, long featureDim, int numClasses, double fcDropout) {
    this.backbone = backbone;
    this.head = new Sequential(new Dropout(fcDropout), new Linear(featureDim, numClasses));
  }

  Sequential head() {
    return head;
  }

  /** Pooled features of patches [N, 3, P, P] → [N, D_L]. */
  public Tensor forward(Tensor patches) {
    try (FlopCounter.Section s = FlopCounter.section("focus")) {
      return backbone.forward(patches);
    }
  }

  /** The auxiliary focus classifier (training loss only). */
  public Tensor auxLogits(Tensor features) {
    try (FlopCounter.Section s = FlopCounter.section("aux_heads")) {
      return head.forward(features);
    }
  }
}
