package dev.adafocus.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A dense tensor in Java memory: dtype, shape and little-endian row-major bytes. The exchange format between
 * file readers/writers (safetensors, PyTorch checkpoints) and the engine; never holds native memory.
 */
public record HostTensor(DType dtype, long[] shape, ByteBuffer data) {

  public HostTensor {
    shape = shape.clone();
    long n = numel(shape);
    if (data.remaining() != n * dtype.bytes()) {
      throw new IllegalArgumentException("tensor of shape " + Arrays.toString(shape) + " and dtype " + dtype
          + " needs " + n * dtype.bytes() + " bytes, got " + data.remaining());
    }
    data = data.slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  /** Number of elements of a shape (1 for a scalar). */
  public static long numel(long[] shape) {
    long n = 1;
    for (long s : shape) {
      n *= s;
    }
    return n;
  }

  public long numel() {
    return numel(shape);
  }

  @Override
  public long[] shape() {
    return shape.clone();
  }

  /** Wraps float values. */
  public static HostTensor ofFloats(long[] shape, float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return new HostTensor(DType.F32, shape, b);
  }

  /** Wraps double values. */
  public static HostTensor ofDoubles(long[] shape, double[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asDoubleBuffer().put(values);
    return new HostTensor(DType.F64, shape, b);
  }

  /** Wraps long values. */
  public static HostTensor ofLongs(long[] shape, long[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
    b.asLongBuffer().put(values);
    return new HostTensor(DType.I64, shape, b);
  }

  /** The values converted to float (half types widened, integers cast). */
  public float[] toFloats() {
    int n = Math.toIntExact(numel());
    float[] out = new float[n];
    ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      out[i] = (float) element(b, i);
    }
    return out;
  }

  /** The values converted to double. */
  public double[] toDoubles() {
    int n = Math.toIntExact(numel());
    double[] out = new double[n];
    ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      out[i] = element(b, i);
    }
    return out;
  }

  /** The values converted to long (floating types truncated). */
  public long[] toLongs() {
    int n = Math.toIntExact(numel());
    long[] out = new long[n];
    ByteBuffer b = data.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < n; i++) {
      out[i] = dtype == DType.I64 ? b.getLong(i * 8) : (long) element(b, i);
    }
    return out;
  }

  private double element(ByteBuffer b, int i) {
    return switch (dtype) {
      case F16 -> halfToFloat(b.getShort(i * 2));
      case BF16 -> Float.intBitsToFloat((b.getShort(i * 2) & 0xffff) << 16);
      case F32 -> b.getFloat(i * 4);
      case F64 -> b.getDouble(i * 8);
      case I64 -> b.getLong(i * 8);
      case I32 -> b.getInt(i * 4);
      case U8 -> b.get(i) & 0xff;
      case BOOL -> b.get(i) != 0 ? 1 : 0;
    };
  }

  /** IEEE 754 binary16 to float (Java 17 has no built-in conversion). */
  static float halfToFloat(short h) {
    int bits = h & 0xffff;
    int sign = (bits & 0x8000) << 16;
    int exp = (bits >>> 10) & 0x1f;
    int mant = bits & 0x3ff;
    if (exp == 0x1f) {
      return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
    }
    if (exp == 0) {
      if (mant == 0) {
        return Float.intBitsToFloat(sign);
      }
      float v = mant / 1024f / 16384f; // 2^-14 * mant/2^10
      return sign != 0 ? -v : v;
    }
    return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
  }
}
