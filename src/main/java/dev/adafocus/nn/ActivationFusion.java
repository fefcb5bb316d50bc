package dev.adafocus.nn;

import dev.adafocus.engine.FusedConvolution;
import java.util.List;
import org.bytedeco.pytorch.Module;

/**
 * Eval-time fusion of activations into the convolutions that feed them, after {@link BatchNormFolding}: each
 * convolution then runs with its activation (and, in residual blocks, the shortcut sum) as a oneDNN post-op, saving
 * the separate passes over the activations ({@code engine.FusedConvolution}; on devices without those operators the
 * same layers run unfused).
 *
 * <p>In a {@link Sequential}, a {@link Conv2d} followed by its folded {@link BatchNorm} and a ReLU or ReLU6
 * {@link Activation} is fused (the activation layer becomes the identity). Layers whose forward combines these in code,
 * such as ResNet's blocks, implement {@link Fusable} and fuse their own convolutions. Like folding, this is for
 * inference only: a fused convolution refuses to run in training mode.
 */
public final class ActivationFusion {
  /** A layer that fuses the activations of its own convolutions (their BatchNorms already folded). */
  public interface Fusable {
    /** Fuses what this layer's forward allows; returns how many convolutions it fused. */
    int fuseActivations();
  }

  private ActivationFusion() {}

  /** Fuses every eligible convolution under {@code root} (fold its BatchNorms first); returns how many it fused. */
  public static int fuse(Net root) {
    int count = root instanceof Fusable f ? f.fuseActivations() : 0;
    List<Module> children = root.registeredChildren();
    for (int i = 0; i < children.size(); i++) {
      if (root instanceof Sequential && i + 2 < children.size()
          && children.get(i) instanceof Conv2d conv && !conv.hasFusedActivation()
          && children.get(i + 1) instanceof BatchNorm bn && bn.isFolded()
          && children.get(i + 2) instanceof Activation act && act.fusable() != null) {
        conv.fuseActivation(act.fusable());
        act.markFused();
        count++;
      } else if (children.get(i) instanceof Net net) {
        count += fuse(net);
      }
    }
    return count;
  }

  /** Fuses {@code activation} into {@code conv} when {@code bn}, the BatchNorm between them, has been folded. */
  public static int fuseIfFolded(Layer conv, BatchNorm bn, FusedConvolution.Activation activation) {
    if (conv instanceof Conv2d c && bn.isFolded() && !c.hasFusedActivation()) {
      c.fuseActivation(activation);
      return 1;
    }
    return 0;
  }
}
