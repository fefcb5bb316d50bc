package dev.adafocus.testing;

import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.backbones.BackboneSpec;

/** Small model shapes for fast tests. */
public final class TinyModels {
  private TinyModels() {}

  /** 5 classes, 3 frames of 32², 16² patches, MobileNetV2×0.25 glance, ResNet-10×0.25 focus. */
  public static AdaFocusConfig tiny() {
    return new AdaFocusConfig(5, 3, 32, 16, new BackboneSpec("mobilenet_v2", 0.25), 0,
        new BackboneSpec("resnet10", 0.25), 16, 32, 0.2, 0.2);
  }
}
