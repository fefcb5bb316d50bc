package dev.adafocus.models.tsm;

import dev.adafocus.flops.FlopCounter;
import dev.adafocus.models.backbones.Backbone;
import dev.adafocus.nn.Dropout;
import dev.adafocus.nn.Layer;
import dev.adafocus.nn.Linear;
import dev.adafocus.nn.Net;
import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.ScalarTypeOptional;
import org.bytedeco.pytorch.Tensor;

/**
 * A TSN wrapper around a TSM backbone ({@code base_model}): pooled frame features → dropout → two linear heads,
 * averaged over the frames of each video (TSN "avg" consensus). {@code new_fc} sees the features with the gradient
 * stopped (a jointly trained linear probe: its loss does not reach the backbone); {@code new_new_fc} sees them
 * attached and trains the backbone. Both heads start at N(0, 0.001) weights and zero bias.
 */
public final class TsnNetwork extends Net {
  private static final double HEAD_STD = 0.001;

  private final Layer baseModel;
  private final Dropout dropout;
  private final Linear newFc;
  private final Linear newNewFc;
  private final int segments;
  private final String section;

  /**
   * @param baseModel a TSM backbone built for {@code segments} frames per video (a {@link Layer} that is a {@link Backbone})
   * @param segments frames per video
   * @param section the FLOPs section of the backbone and of {@code new_fc} ("glance" or "focus")
   */
  TsnNetwork(Layer baseModel, int segments, int numClasses, double dropout, String section) {
    this.baseModel = add("base_model", baseModel);
    this.dropout = add("dropout", new Dropout(dropout));
    long dim = ((Backbone) baseModel).featureDim();
    this.newFc = add("new_fc", new Linear(dim, numClasses));
    this.newNewFc = add("new_new_fc", new Linear(dim, numClasses));
    this.segments = segments;
    this.section = section;
    try (NoGradGuard g = new NoGradGuard()) {
      for (Linear head : new Linear[] {newFc, newNewFc}) {
        head.weight().normal_(0, HEAD_STD, new GeneratorOptional());
        head.bias().zero_();
      }
    }
  }

  /**
   * @param frames [B·T, 3, H, W], video-major, T = {@link #segments()}
   * @return the feature maps and the two consensus logits
   */
  public Output forward(Tensor frames) {
    Tensor map;
    Tensor logits;
    try (FlopCounter.Section s = FlopCounter.section(section)) {
      map = ((Backbone) baseModel).featureMap(frames);
      Tensor features = dropout.forward(map.mean(new long[] {2, 3}, false, new ScalarTypeOptional()));
      logits = consensus(newFc.forward(features.detach()));
      try (FlopCounter.Section aux = FlopCounter.section("aux_heads")) {
        return new Output(map, logits, consensus(newNewFc.forward(features)));
      }
    }
  }

  /** Average over the frames of each video: [B·T, C] → [B, C]. */
  private Tensor consensus(Tensor perFrame) {
    return perFrame.view(perFrame.size(0) / segments, segments, perFrame.size(1)).mean(new long[] {1}, false, new ScalarTypeOptional());
  }

  /**
   * @param maps backbone feature maps [B·T, D, h, w]
   * @param logits consensus of {@code new_fc} on detached features [B, C] (part of the final prediction)
   * @param auxLogits consensus of {@code new_new_fc} [B, C] (auxiliary loss only)
   */
  public record Output(Tensor maps, Tensor logits, Tensor auxLogits) {}
}
