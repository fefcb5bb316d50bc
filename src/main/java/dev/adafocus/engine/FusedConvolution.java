package dev.adafocus.engine;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.pytorch.Dispatcher;
import org.bytedeco.pytorch.GenericList;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.IntType;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.NumberType;
import org.bytedeco.pytorch.OperatorHandle;
import org.bytedeco.pytorch.OperatorHandleOptional;
import org.bytedeco.pytorch.OperatorName;
import org.bytedeco.pytorch.OptionalType;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.Type;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * A 2-D convolution with its element-wise epilogue computed inside oneDNN's kernel (a "post-op"), for CPU inference:
 * the activation, or the residual sum and activation, are applied while the output is still in cache instead of in
 * separate passes over memory. These are libtorch's {@code mkldnn::_convolution_pointwise} operators, the ones PyTorch's
 * own CPU compiler emits; they have no autograd formula, so they serve eval-mode forwards only.
 */
public final class FusedConvolution {
  /** An activation applied to the convolution's output. */
  public enum Activation {
    NONE("none"), RELU("relu"), RELU6("hardtanh", 0.0, 6.0);

    private final String attr;
    private final double[] scalars;

    Activation(String attr, double... scalars) {
      this.attr = attr;
      this.scalars = scalars;
    }
  }

  /** The two operators, looked up once (null when this libtorch build lacks them). */
  private record Operators(OperatorHandle unary, OperatorHandle binary) {
    static final Operators INSTANCE = lookUp();

    private static Operators lookUp() {
      Engine.init();
      String name = "mkldnn::_convolution_pointwise";
      OperatorHandleOptional unary = Dispatcher.singleton().findSchema(new OperatorName(name, ""));
      OperatorHandleOptional binary = Dispatcher.singleton().findSchema(new OperatorName(name, "binary"));
      return unary.has_value() && binary.has_value() ? new Operators(permanent(unary), permanent(binary)) : null;
    }

    /** A handle that no native scope frees (the lookup may run inside one). */
    private static OperatorHandle permanent(OperatorHandleOptional found) {
      OperatorHandle handle = new OperatorHandle(found.get());
      handle.retainReference();
      return handle;
    }
  }

  /**
   * The arguments that do not change between calls, made once and never freed: building them per call cost about
   * 50 µs per convolution (as much as a small convolution itself), and making the schema's list element types per
   * call leaked about 66 bytes each (both measured).
   */
  private static final class Constants {
    static final Type.TypePtr INT = permanent(new Type.TypePtr(IntType.getIntTypePtr().get()));
    static final Type.TypePtr OPTIONAL_SCALAR =
        permanent(OptionalType.get(new Type.TypePtr(NumberType.getNumberIntTypePtr().get())));
    static final IValue NONE = permanent(new IValue());
    static final IValue ADD = permanent(new IValue("add"));
    static final Map<Activation, IValue[]> EPILOGUES = epilogues();
    static final Map<Long, IValue> PAIRS = new ConcurrentHashMap<>();
    static final Map<Long, IValue> INTEGERS = new ConcurrentHashMap<>();

    /** [attr, scalars] of each activation. */
    private static Map<Activation, IValue[]> epilogues() {
      Map<Activation, IValue[]> m = new EnumMap<>(Activation.class);
      for (Activation a : Activation.values()) {
        GenericList scalars = new GenericList(OPTIONAL_SCALAR);
        for (double v : a.scalars) {
          scalars.push_back(new IValue(new Scalar(v)));
        }
        m.put(a, new IValue[] {permanent(new IValue(a.attr)), permanent(new IValue(scalars))});
      }
      return m;
    }

    /** The int list [v, v]. */
    static IValue pair(long v) {
      return PAIRS.computeIfAbsent(v, k -> {
        GenericList list = new GenericList(INT);
        list.push_back(new IValue(k));
        list.push_back(new IValue(k));
        return permanent(new IValue(list));
      });
    }

    static IValue integer(long v) {
      return INTEGERS.computeIfAbsent(v, k -> permanent(new IValue(k)));
    }

    private static <P extends org.bytedeco.javacpp.Pointer> P permanent(P p) {
      p.retainReference(); // a native scope open during the first call must not free it
      return p;
    }
  }

  /**
   * Whether oneDNN computes bfloat16 convolutions here, probed once with a one-pixel call: libtorch refuses them on CPUs
   * without AVX-512 (BW, VL, DQ) or AVX-NE-CONVERT, and under a lower {@code ONEDNN_MAX_CPU_ISA}.
   */
  private static final class Bfloat16 {
    static final boolean SUPPORTED = probe();

    private static boolean probe() {
      if (Operators.INSTANCE == null) {
        return false;
      }
      try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
        Tensor one = torch.ones(new long[] {1, 1, 1, 1}, new TensorOptions(ScalarType.BFloat16));
        conv(one, one, null, 1, 0, 1, Activation.NONE);
        return true;
      } catch (RuntimeException refused) {
        return false;
      }
    }
  }

  /** Default of the input size (elements) below which convolutions run unfused. */
  public static final long DEFAULT_MINIMUM_ELEMENTS = 1 << 16;

  /**
   * Inputs with fewer elements than this run unfused: the fused operator has a fixed cost per call of about 50 µs on
   * the development machine, more than it saves on small tensors (a 1×1 convolution with ReLU on 8×32×8×8: 47 µs
   * unfused, 105 µs fused; on 8×64×16×16 about equal; from 8×128×32×32 on, fused 1.5–1.8× faster).
   */
  private static volatile long minimumElements = DEFAULT_MINIMUM_ELEMENTS;

  private FusedConvolution() {}

  /**
   * Changes the input size (elements) below which convolutions run unfused (0 fuses every call; tests use it to
   * exercise the fused path on small models).
   */
  public static void setMinimumElements(long elements) {
    minimumElements = elements;
  }

  /** Whether the fused call pays off for {@code x}: it is {@link #supports supported} and large enough. */
  public static boolean worthwhile(Tensor x) {
    return x.numel() >= minimumElements && supports(x);
  }

  /** Whether this libtorch build has the fused operators (CPU builds with oneDNN do). */
  public static boolean available() {
    return Operators.INSTANCE != null;
  }

  /**
   * Whether {@code x} can go through the fused operators: gradients are off (they have no backward), {@code x} is a
   * float32 CPU tensor, or a bfloat16 one where {@link #bfloat16Supported}, and the operators exist.
   */
  public static boolean supports(Tensor x) {
    int type = x.scalar_type().value;
    boolean format = type == ScalarType.Float.value || type == ScalarType.BFloat16.value && bfloat16Supported();
    return !GradMode.is_enabled() && !x.is_cuda() && format && available();
  }

  /**
   * Whether this CPU runs oneDNN's bfloat16 convolutions (natively with AMX or AVX-512 BF16, by conversion with plain
   * AVX-512); elsewhere libtorch computes bfloat16 convolutions with its slow generic kernels.
   */
  public static boolean bfloat16Supported() {
    return Bfloat16.SUPPORTED;
  }

  /**
   * Whether {@link #convAdd} can take {@code x} and {@code residual}: as {@link #supports}, and the residual has more
   * than one spatial position (oneDNN fails to describe a 1×1 channels-last sum operand: "could not create a memory").
   */
  public static boolean supportsSum(Tensor x, Tensor residual) {
    return supports(x) && residual.size(2) * residual.size(3) > 1;
  }

  /** {@link #supportsSum} and large enough (at least {@link #setMinimumElements the minimum size}). */
  public static boolean worthwhileSum(Tensor x, Tensor residual) {
    return x.numel() >= minimumElements && supportsSum(x, residual);
  }

  /** {@code activation(conv2d(x, weight, bias))} with square stride and padding, no dilation. */
  public static Tensor conv(Tensor x, Tensor weight, Tensor bias, long stride, long padding, long groups,
      Activation activation) {
    IValue[] epilogue = Constants.EPILOGUES.get(activation);
    IValueVector stack = new IValueVector(new IValue(x), new IValue(weight), optional(bias), Constants.pair(padding),
        Constants.pair(stride), Constants.pair(1), Constants.integer(groups), epilogue[0], epilogue[1], Constants.NONE);
    operators().unary().callBoxed(stack);
    return result(stack);
  }

  /** {@code activation(conv2d(x, weight, bias) + residual)}: a residual block's last convolution, sum and activation. */
  public static Tensor convAdd(Tensor x, Tensor residual, Tensor weight, Tensor bias, long stride, long padding,
      long groups, Activation activation) {
    IValue[] epilogue = Constants.EPILOGUES.get(activation);
    IValueVector stack = new IValueVector(new IValue(x), new IValue(residual), new IValue(weight), optional(bias),
        Constants.pair(padding), Constants.pair(stride), Constants.pair(1), Constants.integer(groups), Constants.ADD,
        Constants.NONE, epilogue[0], epilogue[1], Constants.NONE);
    operators().binary().callBoxed(stack);
    return result(stack);
  }

  private static Operators operators() {
    if (Operators.INSTANCE == null) {
      throw new IllegalStateException("this libtorch build has no fused convolution operators; check supports() first");
    }
    return Operators.INSTANCE;
  }

  /** The operator's output, as a tensor of its own (the stack's element is a reference into the stack). */
  private static Tensor result(IValueVector stack) {
    return new Tensor(stack.get(0).toTensor());
  }

  private static IValue optional(Tensor t) {
    return t == null ? Constants.NONE : new IValue(t);
  }
}
