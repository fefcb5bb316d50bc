package dev.adafocus.nn;

import org.bytedeco.pytorch.GeneratorOptional;
import org.bytedeco.pytorch.MemoryFormatOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** Parameter initialisers (drawn from libtorch's global generator, so {@code Engine.seed} makes them reproducible). */
public final class Init {
  private Init() {}

  /** U(-bound, bound). */
  public static Tensor uniform(double bound, long... shape) {
    return torch.empty(shape, new TensorOptions(ScalarType.Float), new MemoryFormatOptional()).uniform_(-bound, bound, new GeneratorOptional());
  }

  /** A tensor filled with {@code value}. */
  public static Tensor constant(double value, long... shape) {
    return torch.full(shape, new org.bytedeco.pytorch.Scalar(value), new TensorOptions(ScalarType.Float));
  }

  /** PyTorch's default for Linear/Conv weights and biases: kaiming-uniform(a=sqrt 5), i.e. U(±1/sqrt(fan_in)). */
  public static Tensor pytorchDefault(long fanIn, long... shape) {
    return uniform(1.0 / Math.sqrt(fanIn), shape);
  }
}
