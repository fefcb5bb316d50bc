package dev.adafocus.config;

import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.backbones.BackboneSpec;

/**
 * The model section: sizes and architectures of the AdaFocusV2 components (official flag names in brackets).
 *
 * @param numClasses classes C
 * @param numSegments frames per video T [--num_segments]
 * @param inputSize frame side fed to the glance network
 * @param patchSize focus patch side P [--patch_size]
 * @param glanceArch glance network [--glance_arch]
 * @param glanceWidthMult glance width multiplier (1 = the ImageNet layout)
 * @param glanceSize input side of the glance network: 0 = the full frame (MobileNetV2), 96 for the ResNet-50 glance
 * @param focusArch focus network
 * @param focusWidthMult focus width multiplier (1 = the ImageNet layout)
 * @param policyHidden policy GRU width [--stn_hidden_dim]
 * @param classifierHidden classifier MLP width
 * @param dropout dropout before the per-step classifier heads [--dropout]
 * @param fcDropout dropout before the glance/focus auxiliary heads [--fc_dropout]
 * @param glancePretrained weights file for the glance network, or null
 * @param focusPretrained weights file for the focus network, or null
 * @param sample coarse-to-fine frame order [--sample]
 */
public record ModelConfig(int numClasses, int numSegments, int inputSize, int patchSize, String glanceArch,
    double glanceWidthMult, int glanceSize, String focusArch, double focusWidthMult, int policyHidden, int classifierHidden, double dropout,
    double fcDropout, String glancePretrained, String focusPretrained, boolean sample) {

  /** The model shape these settings describe. */
  public AdaFocusConfig toAdaFocusConfig() {
    return new AdaFocusConfig(numClasses, numSegments, inputSize, patchSize, new BackboneSpec(glanceArch, glanceWidthMult),
        glanceSize, new BackboneSpec(focusArch, focusWidthMult), policyHidden, classifierHidden, dropout, fcDropout);
  }

  static ModelConfig read(ConfigSection s) {
    int inputSize = s.integer("input_size", 1);
    int patchSize = s.integer("patch_size", 8);
    if (patchSize > inputSize) {
      throw s.error("patch_size", "patch " + patchSize + " is larger than model.input_size " + inputSize);
    }
    int glanceSize = s.integer("glance_size", 0);
    if (glanceSize > inputSize) {
      throw s.error("glance_size", "must be 0 (full frame) or at most model.input_size " + inputSize + ", got " + glanceSize);
    }
    return new ModelConfig(s.integer("num_classes", 2), s.integer("num_segments", 1), inputSize, patchSize,
        arch(s, "glance_arch"), width(s, "glance_width_mult"), glanceSize, arch(s, "focus_arch"),
        width(s, "focus_width_mult"), s.integer("policy_hidden", 1), s.integer("classifier_hidden", 1),
        s.probability("dropout"), s.probability("fc_dropout"), s.str("glance_pretrained"), s.str("focus_pretrained"),
        s.bool("sample"));
  }

  /** A backbone name the model can build (checked by {@link BackboneSpec}, which lists the valid ones). */
  private static String arch(ConfigSection s, String key) {
    try {
      return new BackboneSpec(s.requiredStr(key), 1.0).arch();
    } catch (IllegalArgumentException e) {
      throw s.error(key, e.getMessage());
    }
  }

  private static double width(ConfigSection s, String key) {
    double w = s.dbl(key);
    if (!(w > 0 && w <= 4)) {
      throw s.error(key, "expected a width multiplier in (0, 4], got " + w);
    }
    return w;
  }
}
