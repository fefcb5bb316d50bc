package dev.adafocus.models.backbones;

import org.bytedeco.pytorch.Tensor;

/** A CNN feature extractor: images [N, 3, H, W] → feature map [N, C, h, w]; its pooled vector is the frame feature. */
public interface Backbone {
  /** The last feature map, before pooling. */
  Tensor featureMap(Tensor images);

  /** Channels of the feature map (the feature-vector size). */
  long featureDim();

  /** Spatial size of the feature map for a square input of side {@code inputSize}. */
  long featureMapSize(long inputSize);
}
