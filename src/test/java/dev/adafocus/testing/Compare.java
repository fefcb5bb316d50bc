package dev.adafocus.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.Tensors;
import org.bytedeco.pytorch.Tensor;

/** Tolerance checks used by parity tests: max|ours − ref| / max|ref| per tensor. */
public final class Compare {
  private Compare() {}

  /** The relative error of {@code ours} against {@code ref}. */
  public static double relError(float[] ours, float[] ref) {
    double maxDiff = 0;
    double maxRef = 0;
    for (int i = 0; i < ref.length; i++) {
      maxDiff = Math.max(maxDiff, Math.abs((double) ours[i] - ref[i]));
      maxRef = Math.max(maxRef, Math.abs(ref[i]));
    }
    return maxDiff / Math.max(maxRef, 1e-30);
  }

  /** Asserts shape equality and relative error ≤ tol. */
  public static void assertClose(String what, HostTensor ref, Tensor ours, double tol) {
    assertArrayEquals(ref.shape(), Tensors.shape(ours), what + ": shape");
    double err = relError(Tensors.toFloats(ours), ref.toFloats());
    assertTrue(err <= tol, what + ": relative error " + err + " > " + tol);
  }
}
