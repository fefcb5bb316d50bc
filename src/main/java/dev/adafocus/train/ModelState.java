package dev.adafocus.train;

import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;

/**
 * A module's state dict (parameters and buffers, by their registered names) as host tensors, and its strict reverse:
 * loading reports every missing, unexpected and shape-mismatched key at once.
 */
public final class ModelState {
  private ModelState() {}

  /** Parameters then buffers (BatchNorm running statistics), recursively, as host copies. */
  public static Map<String, HostTensor> of(Module module) {
    Map<String, HostTensor> out = new LinkedHashMap<>();
    try (NativeScope s = NativeScope.open()) {
      forEach(module.named_parameters(true), (k, t) -> out.put(k, Tensors.toHost(t)));
      forEach(module.named_buffers(true), (k, t) -> out.put(k, Tensors.toHost(t)));
    }
    return out;
  }

  /** Copies {@code state} into the module; any key or shape difference fails with the full list, naming {@code source}. */
  public static void load(Module module, Map<String, HostTensor> state, String source) {
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      Map<String, Tensor> targets = new LinkedHashMap<>();
      forEach(module.named_parameters(true), targets::put);
      forEach(module.named_buffers(true), targets::put);
      List<String> missing = new ArrayList<>();
      List<String> mismatched = new ArrayList<>();
      for (Map.Entry<String, Tensor> e : targets.entrySet()) {
        HostTensor h = state.get(e.getKey());
        if (h == null) {
          missing.add(e.getKey());
        } else if (!Arrays.equals(h.shape(), Tensors.shape(e.getValue()))) {
          mismatched.add(e.getKey() + " (checkpoint " + Arrays.toString(h.shape()) + ", model "
              + Arrays.toString(Tensors.shape(e.getValue())) + ")");
        }
      }
      List<String> unexpected = state.keySet().stream().filter(k -> !targets.containsKey(k)).toList();
      if (!missing.isEmpty() || !unexpected.isEmpty() || !mismatched.isEmpty()) {
        throw new CheckpointException(source + ": checkpoint does not fit the model (another architecture or config?)"
            + list("missing keys", missing) + list("unexpected keys", unexpected)
            + list("shape mismatches", mismatched));
      }
      for (Map.Entry<String, Tensor> e : targets.entrySet()) {
        Tensor t = e.getValue();
        t.copy_(Tensors.fromHost(state.get(e.getKey())).to(t.scalar_type()));
      }
    }
  }

  private static String list(String what, List<String> keys) {
    if (keys.isEmpty()) {
      return "";
    }
    int shown = Math.min(keys.size(), 10);
    return "\n  " + keys.size() + " " + what + ": " + String.join(", ", keys.subList(0, shown))
        + (keys.size() > shown ? ", ..." : "");
  }

  private static void forEach(StringTensorDict dict, java.util.function.BiConsumer<String, Tensor> action) {
    for (long i = 0; i < dict.size(); i++) {
      var item = dict.get(i);
      action.accept(item.key().getString(), item.value());
    }
  }
}
