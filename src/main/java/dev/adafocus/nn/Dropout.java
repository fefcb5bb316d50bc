package dev.adafocus.nn;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/** Dropout with probability p, active only in training mode. */
public final class Dropout extends Layer {
  private final double p;

  public Dropout(double p) {
    if (p < 0 || p >= 1) {
      throw new IllegalArgumentException("dropout probability must be in [0, 1), got " + p);
    }
    this.p = p;
  }

  @Override
  public Tensor forward(Tensor x) {
    return p == 0 ? x : torch.dropout(x, p, is_training());
  }
}
