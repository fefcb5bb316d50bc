package dev.adafocus.engine;

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
   * Nothing is copied unless every name matches in shape; keys for which {@code ignorable} holds may be left over.
   *
   * @throws dev.adafocus.CheckpointException naming missing, unexpected and shape-mismatched keys, all in one message
   */
  public static LoadReport load(Module module, Map<String, HostTensor> state, String source,
      java.util.function.Predicate<String> ignorable) {
    Map<String, Tensor> target = tensors(module);
    List<String> loaded = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<LoadReport.ShapeMismatch> mismatched = new ArrayList<>();
    List<String> unexpected = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (Map.Entry<String, Tensor> e : target.entrySet()) {
      HostTensor h = state.get(e.getKey());
      long[] want = Tensors.shape(e.getValue());
      if (h == null) {
        missing.add(e.getKey());
      } else if (!Arrays.equals(h.shape(), want)) {
        mismatched.add(new LoadReport.ShapeMismatch(e.getKey(), h.shape(), want));
      } else {
        loaded.add(e.getKey());
      }
    }
    for (String k : state.keySet()) {
      if (!target.containsKey(k)) {
        (ignorable.test(k) ? ignored : unexpected).add(k);
      }
    }
    LoadReport report = new LoadReport(loaded, missing, unexpected, mismatched, ignored).requireComplete(source);
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
}
