package dev.adafocus.recipe;

import dev.adafocus.data.synthetic.BenchmarkGenerator;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.models.adafocus.PatchCrop;
import dev.adafocus.train.ParamGroup;
import dev.adafocus.train.Sgd;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.pytorch.LongOptional;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.global.torch;

/**
 * Built-in benchmark only: trains the focus network (and its auxiliary head) on patches centred on the object, so it
 * recognises the object before the policy starts to learn — the role ImageNet initialisation plays for real data.
 * The patches are cut with the model's own crop around the ground-truth locations, shifted by up to a third of the
 * patch side, so the network also learns partial views: its loss then falls smoothly as a patch moves onto the object,
 * which is the signal the policy later learns from through the differentiable crop.
 */
public final class FocusWarmup {
  private FocusWarmup() {}

  /** Runs {@code iterations} SGD steps on batches of {@code clips} clips × all their frames; logs to {@code log}. */
  public static void run(AdaFocusV2 model, BenchmarkGenerator gen, int iterations, int clips, double lr, long seed,
      PrintWriter log) {
    int side = model.config().inputSize();
    int p = model.config().patchSize();
    List<ParamGroup> groups = ParamGroup.byPrefix(model, Map.of("local_CNN", "focus", "global_CNN", "other",
        "policy_stn.", "other", "classifier.", "other"));
    Sgd sgd = new Sgd(groups.stream().filter(g -> g.name().equals("focus")).toList(), 0.9, 1e-4);
    SplittableRandom rng = new SplittableRandom(seed ^ 0x666f637573L);
    model.train(true);
    long start = System.nanoTime();
    for (int it = 0; it < iterations; it++) {
      try (NativeScope s = NativeScope.open()) {
        WarmupBatch b = WarmupBatch.sample(gen, clips, side, p, p / 3.0, rng);
        long n = b.rows();
        Tensor patches = PatchCrop.crop(b.frames(), b.locations(), p);
        Tensor logits = model.focus().auxLogits(model.focus().forward(patches));
        Tensor target = b.labels();
        Tensor loss = torch.cross_entropy_loss(logits, target);
        sgd.zeroGrad();
        loss.backward();
        sgd.step(Map.of("focus", lr), java.util.Set.of());
        if (log != null && (it % 25 == 0 || it == iterations - 1)) {
          double acc = logits.argmax(new LongOptional(1), false).eq(target).sum().item_double() / n;
          log.printf(Locale.ROOT, "Focus warm-up [%d/%d]  loss: %.4f  acc: %.1f%%  time: %.1fs%n", it + 1, iterations,
              loss.item_double(), 100 * acc, (System.nanoTime() - start) / 1e9);
          log.flush();
        }
      }
    }
  }
}
