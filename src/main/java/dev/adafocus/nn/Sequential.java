package dev.adafocus.nn;

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

  @Override
  public Tensor forward(Tensor x) {
    for (Layer l : layers) {
      x = l.forward(x);
    }
    return x;
  }
}
