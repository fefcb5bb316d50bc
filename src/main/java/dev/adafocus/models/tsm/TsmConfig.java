package dev.adafocus.models.tsm;

import dev.adafocus.models.backbones.BackboneSpec;

/**
 * Shape of an AdaFocusV2-TSM model.
 *
 * @param numClasses classes C (174 for Something-Something V1/V2, 27 for Jester)
 * @param glanceFrames frames the glance network sees per video (8; the official {@code --num_segments})
 * @param focusFrames frames the focus network sees per video, sampled independently (12 = 1.5 × 8)
 * @param inputSize side S of the square input frames (224)
 * @param patchSize side P of the focus patch (128, 144, 160 or 176 in the released models)
 * @param glance glance backbone, a TSM network on whole S² frames (MobileNetV2)
 * @param focus focus backbone, a TSM network on P² patches (ResNet-50)
 * @param shiftDiv the temporal shift moves 1/shiftDiv of the channels each way (8)
 * @param dropout dropout on the pooled features before the two TSN heads (0.5)
 */
public record TsmConfig(int numClasses, int glanceFrames, int focusFrames, int inputSize, int patchSize,
    BackboneSpec glance, BackboneSpec focus, int shiftDiv, double dropout) {

  public TsmConfig {
    require(numClasses >= 2, "num_classes must be >= 2, got " + numClasses);
    require(glanceFrames >= 1 && focusFrames >= 1, "glance and focus frame counts must be >= 1, got "
        + glanceFrames + " and " + focusFrames);
    require(patchSize >= 8 && patchSize <= inputSize, "patch_size must be in [8, input_size=" + inputSize + "], got " + patchSize);
    require(shiftDiv >= 2, "shift_div must be >= 2, got " + shiftDiv);
    require(dropout >= 0 && dropout < 1, "dropout must be in [0, 1), got " + dropout);
  }

  /**
   * The released recipe: TSM-MobileNetV2 glance on 8 frames at 224², TSM-ResNet-50 focus on 12 frames, shift 1/8,
   * dropout 0.5.
   */
  public static TsmConfig official(int numClasses, int patchSize) {
    return new TsmConfig(numClasses, 8, focusFramesFor(8), 224, patchSize, new BackboneSpec("mobilenet_v2", 1.0),
        new BackboneSpec("resnet50", 1.0), 8, 0.5);
  }

  /** The official focus frame count for a glance frame count: ⌊1.5 · glanceFrames⌋. */
  public static int focusFramesFor(int glanceFrames) {
    return (int) (glanceFrames * 1.5);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
