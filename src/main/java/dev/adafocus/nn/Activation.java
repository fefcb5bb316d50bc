package dev.adafocus.nn;

import dev.adafocus.engine.FusedConvolution;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** Parameter-free element-wise layers (they occupy an index in a Sequential, as in PyTorch). */
public final class Activation extends Layer {
  /** The supported functions. */
  public enum Kind { RELU, RELU6, TANH, SIGMOID, FLATTEN, IDENTITY }

  private final Kind kind;
  private boolean fused;

  public Activation(Kind kind) {
    this.kind = kind;
  }

  public static Activation relu() {
    return new Activation(Kind.RELU);
  }

  public static Activation relu6() {
    return new Activation(Kind.RELU6);
  }

  public static Activation tanh() {
    return new Activation(Kind.TANH);
  }

  public static Activation sigmoid() {
    return new Activation(Kind.SIGMOID);
  }

  /** Flattens all dimensions after the first. */
  public static Activation flatten() {
    return new Activation(Kind.FLATTEN);
  }

  /** The fused-convolution epilogue computing this function, or null if it has none. */
  FusedConvolution.Activation fusable() {
    return switch (kind) {
      case RELU -> FusedConvolution.Activation.RELU;
      case RELU6 -> FusedConvolution.Activation.RELU6;
      default -> null;
    };
  }

  /** Marks this layer as computed by the preceding convolution ({@link ActivationFusion}): it passes its input on. */
  void markFused() {
    fused = true;
  }

  @Override
  public Tensor forward(Tensor x) {
    if (fused) {
      return x;
    }
    return switch (kind) {
      case RELU -> torch.relu(x);
      case RELU6 -> torch.hardtanh(x, new Scalar(0.0), new Scalar(6.0));
      case TANH -> torch.tanh(x);
      case SIGMOID -> torch.sigmoid(x);
      case FLATTEN -> x.flatten(1, -1);
      case IDENTITY -> x;
    };
  }
}
