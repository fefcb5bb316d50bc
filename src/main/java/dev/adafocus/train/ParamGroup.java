package dev.adafocus.train;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.pytorch.Tensor;

/**
 * A named set of trainable parameters sharing one learning-rate multiplier ({@code train.lr_ratios.<name>}).
 *
 * @param name group name: policy, glance, focus or classifier for AdaFocusV2
 * @param params parameters by state-dict name, in a fixed order
 */
public record ParamGroup(String name, Map<String, Tensor> params) {
  public ParamGroup {
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }
}
