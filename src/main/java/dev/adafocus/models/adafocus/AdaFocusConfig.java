package dev.adafocus.models.adafocus;

import dev.adafocus.models.backbones.BackboneSpec;

/**
 * Shape of an AdaFocusV2 model (ActivityNet/FCVID/Mini-Kinetics variant).
 *
 * @param numClasses classes C
 * @param frames frames per video T (one policy step and one classifier head per frame)
 * @param inputSize side S of the square input frames
 * @param patchSize side P of the focus patch
 * @param glance glance backbone (MobileNetV2 at S², or a ResNet on frames resized to {@code glanceSize})
 * @param glanceSize input side of the glance network; 0 = the full frame (MobileNetV2), 96 for the ResNet-50 glance
 * @param focus focus backbone, applied to the P×P patches
 * @param policyHidden policy encoder / GRU width ({@code --stn_hidden_dim}, 2048 in every released model)
 * @param classifierHidden width of the classifier's shared MLP (4096)
 * @param dropout dropout before each step head (0.2)
 * @param fcDropout dropout before the auxiliary glance/focus heads (0.2)
 */
public record AdaFocusConfig(int numClasses, int frames, int inputSize, int patchSize, BackboneSpec glance,
    int glanceSize, BackboneSpec focus, int policyHidden, int classifierHidden, double dropout, double fcDropout) {

  public AdaFocusConfig {
    require(numClasses >= 2, "num_classes must be >= 2, got " + numClasses);
    require(frames >= 1, "frames (num_segments) must be >= 1, got " + frames);
    require(patchSize >= 8 && patchSize <= inputSize, "patch_size must be in [8, input_size=" + inputSize + "], got " + patchSize);
    require(glanceSize >= 0 && glanceSize <= inputSize, "glance_size must be 0 (full frame) or in [1, input_size], got " + glanceSize);
    require(policyHidden >= 1 && classifierHidden >= 1, "hidden sizes must be positive");
    require(dropout >= 0 && dropout < 1 && fcDropout >= 0 && fcDropout < 1, "dropouts must be in [0, 1)");
  }

  /** The official ActivityNet model with the MobileNetV2 glance: 200 classes, T=16, 224², patch P. */
  public static AdaFocusConfig officialMobileNet(int patchSize, int numClasses, int frames) {
    return new AdaFocusConfig(numClasses, frames, 224, patchSize, new BackboneSpec("mobilenet_v2", 1.0), 0,
        new BackboneSpec("resnet50", 1.0), 2048, 4096, 0.2, 0.2);
  }

  /** The official model with the ResNet-50 glance on 96² frames. */
  public static AdaFocusConfig officialResNet(int patchSize, int numClasses, int frames) {
    return new AdaFocusConfig(numClasses, frames, 224, patchSize, new BackboneSpec("resnet50", 1.0), 96,
        new BackboneSpec("resnet50", 1.0), 2048, 4096, 0.2, 0.2);
  }

  /** Input side the glance backbone sees. */
  public int glanceInput() {
    return glanceSize == 0 ? inputSize : glanceSize;
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
