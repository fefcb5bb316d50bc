package dev.adafocus.bench;

import dev.adafocus.engine.NativeScope;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.adafocus.AdaFocusOutput;
import dev.adafocus.models.adafocus.AdaFocusV2;
import org.bytedeco.pytorch.SGD;
import org.bytedeco.pytorch.SGDOptions;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Time of one AdaFocusV2 training step (both branches forward, the loss of the recipe: cross-entropy on every step's
 * logits plus the glance and focus auxiliary cross-entropies, averaged over the two branches; backward; SGD update)
 * on random data, and the resident memory after each step.
 */
public final class TrainingStepBench {
  private TrainingStepBench() {}

  /** Step times (warm-up excluded) and memory after every step (warm-up included). */
  public record Result(int batch, Samples stepMillis, MemoryTrace memory) {}

  public static Result run(AdaFocusConfig config, int batch, int warmup, int iterations) {
    if (batch < 1 || iterations < 2) {
      throw new IllegalArgumentException("training bench needs batch >= 1 and >= 2 iterations");
    }
    try (NativeScope outer = NativeScope.open()) {
      AdaFocusV2 model = new AdaFocusV2(config);
      model.train(true);
      SGDOptions options = new SGDOptions(1e-3);
      options.momentum().put(0.9);
      SGD optimiser = new SGD(model.parameters(), options);
      int frames = config.frames();
      Tensor video = torch.randn(new long[] {batch, 3L * frames, config.inputSize(), config.inputSize()}, new TensorOptions(ScalarType.Float));
      Tensor labels = torch.randint(config.numClasses(), new long[] {batch}, new TensorOptions(ScalarType.Long));
      Tensor frameLabels = labels.unsqueeze(1).expand(batch, frames).reshape(batch * frames);
      double[] millis = new double[iterations];
      long[] resident = new long[warmup + iterations];
      for (int i = 0; i < warmup + iterations; i++) {
        long t0 = System.nanoTime();
        try (NativeScope step = NativeScope.open()) {
          optimiser.zero_grad();
          AdaFocusOutput[] branches = model.forwardTraining(video);
          Tensor loss = branchLoss(branches[0], frameLabels).add(branchLoss(branches[1], frameLabels)).div(
              new org.bytedeco.pytorch.Scalar(2.0));
          loss.backward();
          optimiser.step();
        }
        if (i >= warmup) {
          millis[i - warmup] = (System.nanoTime() - t0) / 1e6;
        }
        resident[i] = MemoryTrace.residentNow();
      }
      optimiser.close();
      model.close();
      return new Result(batch, new Samples(millis), new MemoryTrace(resident));
    }
  }

  private static Tensor branchLoss(AdaFocusOutput o, Tensor frameLabels) {
    Tensor steps = o.stepLogits();
    Tensor stepLoss = torch.cross_entropy(steps.reshape(steps.size(0) * steps.size(1), steps.size(2)), frameLabels);
    return stepLoss.add(torch.cross_entropy(o.glanceLogits(), frameLabels)).add(torch.cross_entropy(o.focusLogits(), frameLabels));
  }
}
