package dev.adafocus.engine;

import dev.adafocus.CheckpointException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.StringTensorDict;
import org.bytedeco.pytorch.Tensor;

/** Moves a module's parameters and buffers to and from name → host-tensor maps (state dicts). */
public final class StateDicts {
  private StateDicts() {}

  /** Every parameter and buffer of {@code module}, by dotted state-dict name, in registration order. */
  public static Map<String, Tensor> tensors(Module module) {
    Map<String, Tensor> out = new LinkedHashMap<>();
    collect(module.named_parameters(true), out);
    collect(module.named_buffers(true), out);
    return out;
  }

  /** A host copy of the module's state dict. */
  public static Map<String, HostTensor> export(Module module) {
    Map<String, HostTensor> out = new LinkedHashMap<>();
    for (Map.Entry<String, Tensor> e : tensors(module).entrySet()) {
      out.put(e.getKey(), Tensors.toHost(e.getValue()));
    }
    return out;
  }

  /**
   * Copies {@code state} into the module's tensors by name (values converted to each tensor's dtype and device).
   * Nothing is copied unless every name matches in shape; keys in {@code ignorable} may be absent from the module.
   *
   * @return the report (always clean when it returns)
   * @throws CheckpointException naming missing, unexpected and shape-mismatched keys, all in one message
   */
  public static LoadReport load(Module module, Map<String, HostTensor> state, String source, java.util.function.Predicate<String> ignorable) {
    Map<String, Tensor> target = tensors(module);
    List<String> missing = new ArrayList<>();
    List<String> mismatched = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (Map.Entry<String, Tensor> e : target.entrySet()) {
      HostTensor h = state.get(e.getKey());
      if (h == null) {
        missing.add(e.getKey());
      } else if (!Arrays.equals(h.shape(), Tensors.shape(e.getValue()))) {
        mismatched.add(e.getKey() + " (checkpoint " + Arrays.toString(h.shape()) + ", model "
            + Arrays.toString(Tensors.shape(e.getValue())) + ")");
      }
    }
    for (String k : state.keySet()) {
      if (!target.containsKey(k)) {
        (ignorable.test(k) ? ignored : unexpected).add(k);
      }
    }
    LoadReport report = new LoadReport(source, missing, unexpected, mismatched, ignored);
    if (!report.clean()) {
      throw new CheckpointException(report.message());
    }
    try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
      for (Map.Entry<String, Tensor> e : target.entrySet()) {
        Tensor dst = e.getValue();
        dst.copy_(Tensors.fromHost(state.get(e.getKey())).to(dst.device(), dst.scalar_type()));
      }
    }
    return report;
  }

  private static void collect(StringTensorDict dict, Map<String, Tensor> out) {
    for (long i = 0; i < dict.size(); i++) {
      var item = dict.get(i);
      out.put(item.key().getString(), new Tensor(item.value()));
    }
  }

  /** Outcome of matching a state dict against a model. */
  public record LoadReport(String source, List<String> missing, List<String> unexpected, List<String> shapeMismatched,
      List<String> ignored) {
    /** True when every model tensor was found with the right shape and no unknown key was left over. */
    public boolean clean() {
      return missing.isEmpty() && unexpected.isEmpty() && shapeMismatched.isEmpty();
    }

    /** One readable message listing every problem (at most 10 names per kind, with counts). */
    public String message() {
      StringBuilder sb = new StringBuilder(source).append(": state dict does not fit the model");
      part(sb, "missing", missing);
      part(sb, "unexpected", unexpected);
      part(sb, "shape mismatch", shapeMismatched);
      if (!clean()) {
        sb.append("\n  (is this a checkpoint of another architecture or configuration? check num_classes, frames,"
            + " patch size and backbones)");
      }
      return sb.toString();
    }

    private static void part(StringBuilder sb, String what, List<String> keys) {
      if (keys.isEmpty()) {
        return;
      }
      sb.append("\n  ").append(what).append(" (").append(keys.size()).append("): ");
      sb.append(String.join(", ", keys.subList(0, Math.min(10, keys.size()))));
      if (keys.size() > 10) {
        sb.append(", …");
      }
    }
  }
}
