package dev.adafocus.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Module;
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

  /**
   * Splits a module's trainable parameters into groups by state-dict name prefix, e.g. for AdaFocusV2
   * {@code policy_stn → policy, global_CNN → glance, local_CNN → focus, classifier → classifier} (the official
   * {@code get_optim_policies}). The first matching prefix wins; a parameter that matches none is an error, so every
   * parameter is trained exactly once. Groups come in the order of {@code prefixToGroup}; empty groups are dropped.
   */
  public static List<ParamGroup> byPrefix(Module module, Map<String, String> prefixToGroup) {
    Map<String, Map<String, Tensor>> groups = new LinkedHashMap<>();
    prefixToGroup.values().forEach(g -> groups.putIfAbsent(g, new LinkedHashMap<>()));
    Map<String, Tensor> params = new LinkedHashMap<>();
    var dict = module.named_parameters(true);
    for (long i = 0; i < dict.size(); i++) {
      params.put(dict.get(i).key().getString(), new Tensor(dict.get(i).value()));
    }
    for (Map.Entry<String, Tensor> e : params.entrySet()) {
      String group = prefixToGroup.entrySet().stream().filter(p -> e.getKey().startsWith(p.getKey()))
          .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new IllegalArgumentException("parameter '"
              + e.getKey() + "' is in no parameter group (prefixes: " + prefixToGroup.keySet() + ")"));
      groups.get(group).put(e.getKey(), e.getValue());
    }
    List<ParamGroup> out = new ArrayList<>();
    groups.forEach((name, p) -> {
      if (!p.isEmpty()) {
        out.add(new ParamGroup(name, p));
      }
    });
    return out;
  }
}
