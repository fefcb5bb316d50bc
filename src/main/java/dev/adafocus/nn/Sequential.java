package dev.adafocus.nn;

import dev.adafocus.engine.NativeScope;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Tensor;

/** Layers applied in order, registered under "0", "1", ... as in PyTorch's nn.Sequential. */
public final class Sequential extends Layer {
  private final List<Layer> layers = new ArrayList<>();

  public Sequential(Layer... layers) {
    for (Layer l : layers) {
      append(l);
    }
  }

  /** Appends a layer under the next index. */
  public Sequential append(Layer layer) {
    layers.add(add(Integer.toString(layers.size()), layer));
    return this;
  }

  /** The layer at {@code index}. */
  public Layer get(int index) {
    return layers.get(index);
  }

  public int size() {
    return layers.size();
  }

  /**
   * Runs the layers in order, each in its own native scope: a layer's temporaries are freed when it returns and its
   * output as soon as the next layer has consumed it (autograd holds its own references to what backward needs), so
   * the peak memory of a deep network is about one layer's activations instead of all of them, as in PyTorch. Each
   * layer returns either its input itself or a tensor created during its call.
   */
  @Override
  public Tensor forward(Tensor x) {
    return forward(x, 0, layers.size());
  }

  /** Runs layers {@code from} (inclusive) to {@code to} (exclusive) as {@link #forward(Tensor)} runs them all. */
  public Tensor forward(Tensor x, int from, int to) {
    try (NativeScope chain = NativeScope.open()) {
      Tensor y = x;
      for (Layer l : layers.subList(from, to)) {
        Tensor next;
        try (NativeScope step = NativeScope.open()) {
          next = l.forward(y);
          if (next != y) {
            step.keep(next);
          }
        }
        if (next != y && y != x) {
          chain.release(y);
        }
        y = next;
      }
      return y == x ? x : chain.keep(y);
    }
  }
}
