package dev.adafocus.bench;

import dev.adafocus.engine.NativeScope;
import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.models.adafocus.AdaFocusLoss;
import dev.adafocus.models.adafocus.AdaFocusV2;
import dev.adafocus.recipe.AdaFocusTask;
import dev.adafocus.train.ParamGroup;
import dev.adafocus.train.Sgd;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;

/**
 * Time of one AdaFocusV2 training step as the trainer runs it (both branches forward, {@link AdaFocusLoss}, backward,
 * the project's SGD with momentum 0.9 and weight decay 1e-4 over the recipe's four parameter groups) on random data,
 * and the resident memory after each step.
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
      List<ParamGroup> groups = new AdaFocusTask(model, null).parameterGroups();
      Map<String, Double> lrs = new HashMap<>();
      groups.forEach(g -> lrs.put(g.name(), 1e-3));
      try (Sgd optimiser = new Sgd(groups, 0.9, 1e-4)) {
        Tensor video = torch.randn(new long[] {batch, 3L * config.frames(), config.inputSize(), config.inputSize()},
            new TensorOptions(ScalarType.Float));
        Tensor labels = torch.randint(config.numClasses(), new long[] {batch}, new TensorOptions(ScalarType.Long));
        double[] millis = new double[iterations];
        long[] resident = new long[warmup + iterations];
        for (int i = 0; i < warmup + iterations; i++) {
          long t0 = System.nanoTime();
          try (NativeScope step = NativeScope.open()) {
            optimiser.zeroGrad();
            AdaFocusLoss.compute(model.forwardTraining(video), labels).total().backward();
            optimiser.step(lrs, Set.of());
          }
          if (i >= warmup) {
            millis[i - warmup] = (System.nanoTime() - t0) / 1e6;
          }
          resident[i] = MemoryTrace.residentNow();
        }
        return new Result(batch, new Samples(millis), new MemoryTrace(resident));
      } finally {
        model.close();
      }
    }
  }
}
