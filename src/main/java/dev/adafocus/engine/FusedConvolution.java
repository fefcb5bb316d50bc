package dev.adafocus.engine;

import org.bytedeco.pytorch.Dispatcher;
import org.bytedeco.pytorch.GenericList;
import org.bytedeco.pytorch.GradMode;
import org.bytedeco.pytorch.IValue;
import org.bytedeco.pytorch.IValueVector;
import org.bytedeco.pytorch.IntType;
import org.bytedeco.pytorch.NumberType;
import org.bytedeco.pytorch.OperatorHandle;
import org.bytedeco.pytorch.OperatorHandleOptional;
import org.bytedeco.pytorch.OperatorName;
import org.bytedeco.pytorch.OptionalType;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.Type;
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

  private FusedConvolution() {}

  /** Whether this libtorch build has the fused operators (CPU builds with oneDNN do). */
  public static boolean available() {
    return Operators.INSTANCE != null;
  }

  /**
   * Whether {@code x} can go through the fused operators: gradients are off (they have no backward), {@code x} is a
   * float32 CPU tensor, and the operators exist.
   */
  public static boolean supports(Tensor x) {
    return !GradMode.is_enabled() && !x.is_cuda() && x.scalar_type().value == ScalarType.Float.value && available();
  }

  /**
   * Whether {@link #convAdd} can take {@code x} and {@code residual}: as {@link #supports}, and the residual has more
   * than one spatial position (oneDNN fails to describe a 1×1 channels-last sum operand: "could not create a memory").
   */
  public static boolean supportsSum(Tensor x, Tensor residual) {
    return supports(x) && residual.size(2) * residual.size(3) > 1;
  }

  /** {@code activation(conv2d(x, weight, bias))} with square stride and padding, no dilation. */
  public static Tensor conv(Tensor x, Tensor weight, Tensor bias, long stride, long padding, long groups,
      Activation activation) {
    IValueVector stack = new IValueVector(new IValue(x), new IValue(weight), optional(bias), ints(padding, padding),
        ints(stride, stride), ints(1, 1), new IValue(groups), new IValue(activation.attr), scalars(activation.scalars),
        new IValue());
    operators().unary().callBoxed(stack);
    return result(stack);
  }

  /** {@code activation(conv2d(x, weight, bias) + residual)}: a residual block's last convolution, sum and activation. */
  public static Tensor convAdd(Tensor x, Tensor residual, Tensor weight, Tensor bias, long stride, long padding,
      long groups, Activation activation) {
    IValueVector stack = new IValueVector(new IValue(x), new IValue(residual), new IValue(weight), optional(bias),
        ints(padding, padding), ints(stride, stride), ints(1, 1), new IValue(groups), new IValue("add"), new IValue(),
        new IValue(activation.attr), scalars(activation.scalars), new IValue());
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
    return t == null ? new IValue() : new IValue(t);
  }

  private static IValue ints(long... values) {
    GenericList list = new GenericList(new Type.TypePtr(IntType.getIntTypePtr().get()));
    for (long v : values) {
      list.push_back(new IValue(v));
    }
    return new IValue(list);
  }

  /** A {@code Scalar?[]} list (the schema's element type must match exactly, or the dispatcher refuses the cast). */
  private static IValue scalars(double... values) {
    GenericList list = new GenericList(OptionalType.get(new Type.TypePtr(NumberType.getNumberIntTypePtr().get())));
    for (double v : values) {
      list.push_back(new IValue(new Scalar(v)));
    }
    return new IValue(list);
  }
}
