package dev.adafocus.config;

import dev.adafocus.data.ClipSampling;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.backbones.BackboneSpec;
import dev.adafocus.models.tsm.TsmConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model section: which model ({@code kind}) and the sizes and architectures of its components (official flag
 * names in brackets).
 *
 * @param kind {@link #ADAFOCUS_V2} (ActivityNet/FCVID/Mini-Kinetics) or {@link #ADAFOCUS_V2_TSM} (Sth-Sth/Jester)
 * @param numClasses classes C
 * @param numSegments frames per video T [--num_segments]; for the TSM model the glance frames
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
 * @param sample coarse-to-fine frame order [--sample] (AdaFocusV2 only)
 * @param focusSegments TSM model: focus frames per video, sampled independently of the glance frames (12)
 * @param shiftDiv TSM model: the temporal shift moves 1/shiftDiv of the channels each way [--shift_div]
 */
public record ModelConfig(String kind, int numClasses, int numSegments, int inputSize, int patchSize, String glanceArch,
    double glanceWidthMult, int glanceSize, String focusArch, double focusWidthMult, int policyHidden, int classifierHidden, double dropout,
    double fcDropout, String glancePretrained, String focusPretrained, boolean sample, int focusSegments, int shiftDiv) {

  /** {@code model.kind} of AdaFocusV2 (the default). */
  public static final String ADAFOCUS_V2 = "adafocusv2";
  /** {@code model.kind} of AdaFocusV2-TSM. */
  public static final String ADAFOCUS_V2_TSM = "adafocusv2_tsm";
  /** Supported model kinds. */
  public static final List<String> KINDS = List.of(ADAFOCUS_V2, ADAFOCUS_V2_TSM);

  /** Whether these settings describe AdaFocusV2-TSM. */
  public boolean isTsm() {
    return kind.equals(ADAFOCUS_V2_TSM);
  }

  /**
   * The settings that fix the model's shape and what it sees, by config key, as text: what a training checkpoint
   * records, so that resuming or evaluating it under other settings is noticed.
   */
  public Map<String, String> architecture() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("model.kind", kind);
    m.put("model.num_classes", String.valueOf(numClasses));
    m.put("model.num_segments", String.valueOf(numSegments));
    m.put("model.input_size", String.valueOf(inputSize));
    m.put("model.patch_size", String.valueOf(patchSize));
    m.put("model.glance_arch", glanceArch);
    m.put("model.glance_width_mult", String.valueOf(glanceWidthMult));
    m.put("model.glance_size", String.valueOf(glanceSize));
    m.put("model.focus_arch", focusArch);
    m.put("model.focus_width_mult", String.valueOf(focusWidthMult));
    m.put("model.policy_hidden", String.valueOf(policyHidden));
    m.put("model.classifier_hidden", String.valueOf(classifierHidden));
    m.put("model.sample", String.valueOf(sample));
    m.put("model.focus_segments", String.valueOf(focusSegments));
    m.put("model.shift_div", String.valueOf(shiftDiv));
    return m;
  }

  /** The settings of {@link #architecture} that differ from {@code recorded}, as "key: recorded X, now Y". */
  public List<String> differencesFrom(Map<String, String> recorded) {
    List<String> out = new ArrayList<>();
    architecture().forEach((key, now) -> {
      String then = recorded.get(key);
      if (then != null && !then.equals(now)) {
        out.add(key + ": checkpoint " + then + ", config " + now);
      }
    });
    return out;
  }

  /** These settings without ImageNet weight files (the model starts from random weights). */
  public ModelConfig withoutPretrained() {
    return new ModelConfig(kind, numClasses, numSegments, inputSize, patchSize, glanceArch, glanceWidthMult, glanceSize,
        focusArch, focusWidthMult, policyHidden, classifierHidden, dropout, fcDropout, null, null, sample, focusSegments,
        shiftDiv);
  }

  /** The AdaFocusV2 shape these settings describe; a TSM config is an error (commands that need AdaFocusV2 call this). */
  public AdaFocusConfig toAdaFocusConfig() {
    if (isTsm()) {
      throw new ConfigException("model.kind is " + ADAFOCUS_V2_TSM + ": this needs an AdaFocusV2 model (model.kind "
          + ADAFOCUS_V2 + "); the TSM model supports train, test and flops-tsm");
    }
    return new AdaFocusConfig(numClasses, numSegments, inputSize, patchSize, new BackboneSpec(glanceArch, glanceWidthMult),
        glanceSize, new BackboneSpec(focusArch, focusWidthMult), policyHidden, classifierHidden, dropout, fcDropout);
  }

  /** The AdaFocusV2-TSM shape: {@code num_segments} glance frames, {@code focus_segments} focus frames, dropout. */
  public TsmConfig toTsmConfig() {
    return new TsmConfig(numClasses, numSegments, focusSegments, inputSize, patchSize,
        new BackboneSpec(glanceArch, glanceWidthMult), new BackboneSpec(focusArch, focusWidthMult), shiftDiv, dropout);
  }

  /**
   * How this model's clips are drawn: one view of {@code num_segments} frames (AdaFocusV2, coarse-to-fine if
   * {@code sample}), or the TSM model's glance and focus views, sampled independently.
   */
  public ClipSampling clipSampling(boolean training) {
    return isTsm() ? ClipSampling.twoView(numSegments, focusSegments, training)
        : ClipSampling.single(numSegments, training, sample);
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
    String kind = s.oneOf("kind", KINDS);
    if (kind.equals(ADAFOCUS_V2_TSM) && glanceSize != 0) {
      throw s.error("glance_size", "must be 0: the TSM glance network sees whole frames");
    }
    return new ModelConfig(kind, s.integer("num_classes", 2), s.integer("num_segments", 1), inputSize, patchSize,
        arch(s, "glance_arch"), width(s, "glance_width_mult"), glanceSize, arch(s, "focus_arch"),
        width(s, "focus_width_mult"), s.integer("policy_hidden", 1), s.integer("classifier_hidden", 1),
        s.probability("dropout"), s.probability("fc_dropout"), s.str("glance_pretrained"), s.str("focus_pretrained"),
        s.bool("sample"), s.integer("focus_segments", 1), s.integer("shift_div", 2));
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
