package dev.adafocus.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.StateDicts;
import dev.adafocus.engine.Tensors;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.bytedeco.pytorch.Module;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Parameter gradients of a model, and the float32-against-float64 check that guards against broken CPU kernels. */
public final class GradientCheck {
  private GradientCheck() {}

  /** Clears the gradients, back-propagates {@code loss} and returns every defined parameter gradient by name. */
  public static Map<String, double[]> gradients(Module model, Supplier<Tensor> loss) {
    model.zero_grad(true);
    loss.get().backward();
    Map<String, double[]> out = new LinkedHashMap<>();
    for (var e : StateDicts.tensors(model).entrySet()) {
      Tensor g = e.getValue().grad();
      if (g.defined()) {
        out.put(e.getKey(), Tensors.toDoubles(g.to(ScalarType.Double)));
      }
    }
    return out;
  }

  /**
   * Asserts max|g32 − g64| / max|g64| < {@code tol} for every gradient whose reference is not negligible.
   *
   * @return how many gradients were compared
   */
  public static int assertFloat32MatchesFloat64(Map<String, double[]> g32, Map<String, double[]> g64, double tol) {
    int checked = 0;
    for (var e : g64.entrySet()) {
      double[] ref = e.getValue();
      double[] ours = g32.get(e.getKey());
      double maxRef = 0;
      double maxDiff = 0;
      for (int i = 0; i < ref.length; i++) {
        maxRef = Math.max(maxRef, Math.abs(ref[i]));
        maxDiff = Math.max(maxDiff, Math.abs(ours[i] - ref[i]));
      }
      if (maxRef > 1e-6) {
        assertTrue(maxDiff / maxRef < tol, e.getKey() + ": float32 gradient off by " + maxDiff / maxRef
            + " (see README: CPU correctness; is ONEDNN_MAX_CPU_ISA set?)");
        checked++;
      }
    }
    return checked;
  }
}
