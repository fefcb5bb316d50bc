package dev.adafocus.flops;

import dev.adafocus.engine.NativeScope;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.adafocus.AdaFocusV2;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Cost of an AdaFocusV2 configuration in the papers' convention, measured by running one frame through the model with
 * a {@link FlopCounter}: multiply-accumulates of conv, linear and GRU layers, plus one per BatchNorm channel and sample,
 * including the two auxiliary heads (the official per-frame constants count them). Every step costs the same (one
 * glance frame, one policy step, one patch, one MLP row, one step head), so the cost after k frames is k × per frame.
 */
public record ModelFlops(AdaFocusConfig config, Map<String, Long> perFrameMacs) {
  /** Components, in the order of the paper's figure. */
  public static final String[] COMPONENTS = {"glance", "policy", "focus", "classifier", "aux_heads"};

  /** Measures a configuration (builds a one-frame copy of the model; weights do not matter). */
  public static ModelFlops measure(AdaFocusConfig config) {
    AdaFocusConfig oneFrame = new AdaFocusConfig(config.numClasses(), 1, config.inputSize(), config.patchSize(),
        config.glance(), config.glanceSize(), config.focus(), config.policyHidden(), config.classifierHidden(),
        config.dropout(), config.fcDropout());
    AdaFocusV2 model = new AdaFocusV2(oneFrame);
    try {
      model.eval();
      try (NativeScope s = NativeScope.open()) {
        FlopCounter c = model.countFlops(torch.zeros(new long[] {1, 3, config.inputSize(), config.inputSize()},
            new TensorOptions(ScalarType.Float)));
        Map<String, Long> parts = new LinkedHashMap<>();
        Map<String, Long> counted = c.bySection();
        for (String k : COMPONENTS) {
          parts.put(k, counted.getOrDefault(k, 0L));
        }
        return new ModelFlops(config, parts);
      }
    } finally {
      model.close();
    }
  }

  /** MACs of one frame (= one step), all components. */
  public long macsPerFrame() {
    return perFrameMacs.values().stream().mapToLong(Long::longValue).sum();
  }

  /** GFLOPs (GMACs) of one frame. */
  public double gflopsPerFrame() {
    return macsPerFrame() / 1e9;
  }

  /** GFLOPs of a whole video (T frames). */
  public double gflopsPerVideo() {
    return gflopsPerFrame() * config.frames();
  }

  /** GFLOPs spent after processing the first {@code k} frames (k = 1..T): the cost of exiting at step k. */
  public double gflopsAfterSteps(int k) {
    if (k < 1 || k > config.frames()) {
      throw new IllegalArgumentException("step must be in 1.." + config.frames() + ", got " + k);
    }
    return gflopsPerFrame() * k;
  }
}
