package dev.adafocus.recipe;

import dev.adafocus.data.synthetic.BenchmarkGenerator;
import dev.adafocus.engine.Engine;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.nn.Linear;
import dev.adafocus.train.ParamGroup;
import dev.adafocus.train.Sgd;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Built-in benchmark only: teaches the glance network where the object is before the run — the role ImageNet
 * initialisation plays for real data, whose features already respond to objects. A temporary linear head reads the
 * object's patch location from the glance feature map (mean squared error, thrown away afterwards). The policy never
 * sees these locations: it still learns where to look only through the differentiable crop.
 */
public final class GlanceWarmup {
  private GlanceWarmup() {}

  /**
   * Runs {@code iterations} SGD steps on batches of {@code clips} clips × all their frames; logs to {@code log}.
   * Returns the mean location error (pixels) of the last batch, measured before its update (NaN for no iterations).
   */
  public static double run(AdaFocusV2 model, BenchmarkGenerator gen, int iterations, int clips, double lr, long seed,
      PrintWriter log) {
    int side = model.config().inputSize();
    int p = model.config().patchSize();
    SplittableRandom rng = new SplittableRandom(seed ^ 0x676c616e6365L);
    double error = Double.NaN;
    model.train(true);
    Engine.seed(seed ^ 0x676c616e6365L);
    try (Linear head = new Linear(mapFeatures(model, side), 2)) {
      Map<String, Tensor> params = new LinkedHashMap<>(ParamGroup.byPrefix(model, Map.of("global_CNN", "glance",
          "local_CNN", "other", "policy_stn.", "other", "classifier.", "other")).stream()
          .filter(g -> g.name().equals("glance")).findFirst().orElseThrow().params());
      ParamGroup.byPrefix(head, Map.of("", "head")).forEach(g -> g.params().forEach((k, v) -> params.put("head." + k, v)));
      try (Sgd sgd = new Sgd(List.of(new ParamGroup("glance", params)), 0.9, 1e-4)) {
        long start = System.nanoTime();
        for (int it = 0; it < iterations; it++) {
          try (NativeScope s = NativeScope.open()) {
            WarmupBatch b = WarmupBatch.sample(gen, clips, side, p, 0, rng);
            Tensor map = model.glance().forward(b.frames()).map();
            Tensor predicted = torch.sigmoid(head.forward(map.flatten(1, -1)));
            Tensor loss = torch.mse_loss(predicted, b.locations());
            sgd.zeroGrad();
            loss.backward();
            sgd.step(Map.of("glance", lr), java.util.Set.of());
            error = predicted.sub(b.locations()).abs().mean().item_double() * (side - p);
            if (log != null && (it % 25 == 0 || it == iterations - 1)) {
              log.printf(Locale.ROOT, "Glance warm-up [%d/%d]  loss: %.5f  error: %.1f px  time: %.1fs%n", it + 1,
                  iterations, loss.item_double(), error, (System.nanoTime() - start) / 1e9);
              log.flush();
            }
          }
        }
      }
    }
    return error;
  }

  /** Size of one frame's flattened glance feature map. */
  private static long mapFeatures(AdaFocusV2 model, int side) {
    try (NativeScope s = NativeScope.open(); org.bytedeco.pytorch.NoGradGuard g = new org.bytedeco.pytorch.NoGradGuard()) {
      boolean training = model.is_training();
      model.train(false);
      long n = model.glance().forward(dev.adafocus.engine.Tensors.floats(new float[3 * side * side], 1, 3, side, side)).map().numel();
      model.train(training);
      return n;
    }
  }
}
