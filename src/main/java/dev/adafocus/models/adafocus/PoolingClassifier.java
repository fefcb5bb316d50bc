package dev.adafocus.models.adafocus;

import dev.adafocus.flops.FlopCounter;
import dev.adafocus.nn.Activation;
import dev.adafocus.nn.BatchNorm;
import dev.adafocus.nn.Dropout;
import dev.adafocus.nn.Layer;
import dev.adafocus.nn.Linear;
import dev.adafocus.nn.Sequential;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorVector;
import org.bytedeco.pytorch.global.torch;

/**
 * f_C: a shared Linear → BN1d → ReLU on concat(g_t, l_t), a cumulative element-wise max over the steps, and one
 * Dropout + Linear head per step, so there is a prediction after every frame; the video prediction is the last step's.
 * State-dict names: {@code classifier.mlp.layers.{0,1}}, {@code classifier.classifiers.{t}.1}.
 */
public final class PoolingClassifier extends Layer {
  private final Mlp mlp;
  private final Sequential classifiers;

  PoolingClassifier(long inFeatures, int hidden, int numClasses, int steps, double dropout) {
    mlp = add("mlp", new Mlp(inFeatures, hidden));
    classifiers = add("classifiers", new Sequential());
    for (int t = 0; t < steps; t++) {
      classifiers.append(new Sequential(new Dropout(dropout), new Linear(hidden, numClasses)));
    }
  }

  /** The shared MLP on per-frame features [N, D] → [N, hidden]. */
  public Tensor embed(Tensor features) {
    try (FlopCounter.Section s = FlopCounter.section("classifier")) {
      return mlp.forward(features);
    }
  }

  /** Logits of step {@code t} (0-based) from the running max [B, hidden]. */
  public Tensor head(int t, Tensor pooled) {
    try (FlopCounter.Section s = FlopCounter.section("classifier")) {
      return classifiers.get(t).forward(pooled);
    }
  }

  /** All steps: per-frame features [B·T, D] (video-major) → per-step logits [B, T, C]. */
  public Tensor forward(Tensor features, long frames) {
    Tensor z = embed(features);
    long batch = z.size(0) / frames;
    Tensor pooled = torch.cummax(z.view(batch, frames, z.size(1)), 1).get0();
    TensorVector logits = new TensorVector();
    for (int t = 0; t < frames; t++) {
      logits.push_back(head(t, pooled.select(1, t)));
    }
    return torch.stack(logits, 1);
  }

  @Override
  public Tensor forward(Tensor x) {
    throw new UnsupportedOperationException("use forward(features, frames)");
  }

  /** Linear → BN1d → ReLU, registered as {@code layers.{0,1,2}}. */
  static final class Mlp extends Layer {
    private final Sequential layers;

    Mlp(long in, int hidden) {
      layers = add("layers", new Sequential(new Linear(in, hidden), new BatchNorm(hidden), Activation.relu()));
    }

    @Override
    public Tensor forward(Tensor x) {
      return layers.forward(x);
    }
  }
}
