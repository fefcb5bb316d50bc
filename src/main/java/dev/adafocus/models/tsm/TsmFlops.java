package dev.adafocus.models.tsm;

import dev.adafocus.engine.NativeScope;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Cost of one video through AdaFocusV2-TSM in the papers' convention (see {@code flops.ModelFlops}): multiply-
 * accumulates of conv and linear layers plus one per BatchNorm channel and sample, both TSN heads of each backbone
 * included, measured by running one video (T_g glance and T_f focus frames) with a {@code FlopCounter}.
 *
 * @param perVideoMacs MACs by component: glance (backbone + new_fc), policy, focus (backbone + new_fc), aux_heads
 */
public record TsmFlops(TsmConfig config, Map<String, Long> perVideoMacs) {
  /** Components, in the order of the data flow. */
  public static final String[] COMPONENTS = {"glance", "policy", "focus", "aux_heads"};

  /** Measures a configuration (builds the model; weights do not matter). */
  public static TsmFlops measure(TsmConfig config) {
    try (AdaFocusV2Tsm model = new AdaFocusV2Tsm(config)) {
      model.eval();
      try (NativeScope s = NativeScope.open()) {
        TensorOptions f32 = new TensorOptions(ScalarType.Float);
        long side = config.inputSize();
        var counted = model.countFlops(torch.zeros(new long[] {1, 3L * config.glanceFrames(), side, side}, f32),
            torch.zeros(new long[] {1, 3L * config.focusFrames(), side, side}, f32)).bySection();
        Map<String, Long> parts = new LinkedHashMap<>();
        for (String k : COMPONENTS) {
          parts.put(k, counted.getOrDefault(k, 0L));
        }
        return new TsmFlops(config, parts);
      }
    }
  }

  /** MACs of one video, all components. */
  public long macsPerVideo() {
    return perVideoMacs.values().stream().mapToLong(Long::longValue).sum();
  }

  /** GFLOPs (GMACs) of one video. */
  public double gflopsPerVideo() {
    return macsPerVideo() / 1e9;
  }
}
