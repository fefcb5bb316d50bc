package dev.adafocus.nn;

import org.bytedeco.pytorch.Tensor;

/** A network piece with a single-tensor forward. */
public abstract class Layer extends Net {
  /** Applies the layer. */
  public abstract Tensor forward(Tensor x);
}
