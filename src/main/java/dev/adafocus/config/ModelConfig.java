package dev.adafocus.config;

import java.util.List;

/**
 * The model section: sizes and architectures of the AdaFocusV2 components (official flag names in brackets).
 *
 * @param numClasses classes C
 * @param numSegments frames per video T [--num_segments]
 * @param inputSize frame side fed to the glance network
 * @param patchSize focus patch side P [--patch_size]
 * @param glanceArch glance network [--glance_arch]
 * @param glanceWidthMult MobileNetV2 width multiplier
 * @param glanceSize input side of a ResNet glance (frames are shrunk to it)
 * @param focusArch focus network
 * @param policyHidden policy GRU width [--stn_hidden_dim]
 * @param classifierHidden classifier MLP width
 * @param dropout dropout before the per-step classifier heads [--dropout]
 * @param fcDropout dropout before the glance/focus auxiliary heads [--fc_dropout]
 * @param glancePretrained weights file for the glance network, or null
 * @param focusPretrained weights file for the focus network, or null
 * @param sample coarse-to-fine frame order [--sample]
 */
public record ModelConfig(int numClasses, int numSegments, int inputSize, int patchSize, String glanceArch,
    double glanceWidthMult, int glanceSize, String focusArch, int policyHidden, int classifierHidden, double dropout,
    double fcDropout, String glancePretrained, String focusPretrained, boolean sample) {

  /** Glance networks the model can build. */
  public static final List<String> GLANCE_ARCHS = List.of("mobilenet_v2", "resnet18", "resnet34", "resnet50");
  /** Focus networks the model can build. */
  public static final List<String> FOCUS_ARCHS = List.of("resnet18", "resnet34", "resnet50", "resnet101");

  static ModelConfig read(ConfigSection s) {
    int inputSize = s.integer("input_size", 1);
    int patchSize = s.integer("patch_size", 1);
    if (patchSize > inputSize) {
      throw s.error("patch_size", "patch " + patchSize + " is larger than model.input_size " + inputSize);
    }
    double widthMult = s.dbl("glance_width_mult");
    if (!(widthMult > 0)) {
      throw s.error("glance_width_mult", "expected a number > 0, got " + widthMult);
    }
    return new ModelConfig(s.integer("num_classes", 1), s.integer("num_segments", 1), inputSize, patchSize,
        s.oneOf("glance_arch", GLANCE_ARCHS), widthMult, s.integer("glance_size", 1),
        s.oneOf("focus_arch", FOCUS_ARCHS), s.integer("policy_hidden", 1), s.integer("classifier_hidden", 1),
        s.probability("dropout"), s.probability("fc_dropout"), s.str("glance_pretrained"), s.str("focus_pretrained"),
        s.bool("sample"));
  }
}
