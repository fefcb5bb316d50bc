package dev.adafocus.engine;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.LongPointer;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/** The few conversions between Java arrays / host tensors and engine tensors that the rest of the code needs. */
public final class Tensors {
  private Tensors() {}

  /** A new float32 CPU tensor holding a copy of {@code values}. */
  public static Tensor floats(float[] values, long... shape) {
    Engine.init();
    check(values.length, shape);
    try (FloatPointer p = new FloatPointer(values)) {
      return torch.from_blob(p, shape, new TensorOptions(ScalarType.Float)).clone();
    }
  }

  /** A new float64 CPU tensor holding a copy of {@code values}. */
  public static Tensor doubles(double[] values, long... shape) {
    Engine.init();
    check(values.length, shape);
    try (DoublePointer p = new DoublePointer(values)) {
      return torch.from_blob(p, shape, new TensorOptions(ScalarType.Double)).clone();
    }
  }

  /** A new int64 CPU tensor holding a copy of {@code values}. */
  public static Tensor longs(long[] values, long... shape) {
    Engine.init();
    check(values.length, shape);
    try (LongPointer p = new LongPointer(values)) {
      return torch.from_blob(p, shape, new TensorOptions(ScalarType.Long)).clone();
    }
  }

  /** Copies a tensor's values (any float type, any device) to a Java float array, row-major. */
  public static float[] toFloats(Tensor t) {
    try (NativeScope s = NativeScope.open()) {
      Tensor c = t.detach().to(ScalarType.Float).cpu().contiguous();
      float[] out = new float[Math.toIntExact(c.numel())];
      new FloatPointer(c.data_ptr_float()).get(out);
      return out;
    }
  }

  /** Copies a tensor's values to a Java double array, row-major. */
  public static double[] toDoubles(Tensor t) {
    try (NativeScope s = NativeScope.open()) {
      Tensor c = t.detach().to(ScalarType.Double).cpu().contiguous();
      double[] out = new double[Math.toIntExact(c.numel())];
      new DoublePointer(c.data_ptr_double()).get(out);
      return out;
    }
  }

  /** Copies an integer tensor's values to a Java long array, row-major. */
  public static long[] toLongs(Tensor t) {
    try (NativeScope s = NativeScope.open()) {
      Tensor c = t.detach().to(ScalarType.Long).cpu().contiguous();
      long[] out = new long[Math.toIntExact(c.numel())];
      new LongPointer(c.data_ptr_long()).get(out);
      return out;
    }
  }

  /** The shape as a Java array. */
  public static long[] shape(Tensor t) {
    return t.sizes().vec().get();
  }

  /** An engine tensor from a host tensor (F16/BF16 widened to float32; integer types to int64). */
  public static Tensor fromHost(HostTensor h) {
    return switch (h.dtype()) {
      case F64 -> doubles(h.toDoubles(), h.shape());
      case I64, I32, U8, BOOL -> longs(h.toLongs(), h.shape());
      default -> floats(h.toFloats(), h.shape());
    };
  }

  /** A host copy of an engine tensor: float64 stays float64, integer types become int64, the rest float32. */
  public static HostTensor toHost(Tensor t) {
    long[] shape = shape(t);
    // the binding returns fresh enum wrappers: compare the native values, not the references
    int st = t.scalar_type().value;
    if (st == ScalarType.Double.value) {
      return HostTensor.ofDoubles(shape, toDoubles(t));
    }
    if (st == ScalarType.Long.value || st == ScalarType.Int.value || st == ScalarType.Byte.value || st == ScalarType.Bool.value) {
      return HostTensor.ofLongs(shape, toLongs(t));
    }
    return HostTensor.ofFloats(shape, toFloats(t));
  }

  private static void check(int length, long[] shape) {
    if (HostTensor.numel(shape) != length) {
      throw new IllegalArgumentException("shape " + java.util.Arrays.toString(shape) + " needs "
          + HostTensor.numel(shape) + " values, got " + length);
    }
  }


}
