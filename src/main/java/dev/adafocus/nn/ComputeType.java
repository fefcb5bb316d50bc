package dev.adafocus.nn;

import java.util.function.UnaryOperator;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * The format a {@link Precision.Convertible} network computes in, and the casts at its boundary: inputs are cast into
 * that format on entry and outputs back to the input's format on exit. Until set, tensors pass through untouched.
 */
public final class ComputeType {
  private ScalarType dtype;

  /** Computes in {@code dtype} from now on. */
  public void set(ScalarType dtype) {
    this.dtype = dtype;
  }

  /** {@code forward(x)}, run in this format and returned in {@code x}'s. */
  public Tensor map(UnaryOperator<Tensor> forward, Tensor x) {
    if (dtype == null || x.scalar_type().value == dtype.value) {
      return forward.apply(x);
    }
    return forward.apply(x.to(dtype)).to(x.scalar_type());
  }
}
