package dev.adafocus.bench;

import dev.adafocus.models.adafocus.AdaFocusConfig;
import dev.adafocus.nn.Precision;
import java.util.HashSet;
import java.util.List;

/**
 * What {@code adafocus bench} measures.
 *
 * @param model the AdaFocusV2 shape (its patch size is replaced by each of {@code patchSizes}); the baselines are its
 *     focus backbone and its glance backbone on all T whole frames of side S
 * @param patchSizes patch sides P of the AdaFocusV2 variants
 * @param batchSizes batch sizes (1 gives the per-video latency, larger ones the throughput)
 * @param warmup untimed calls per model and batch size
 * @param repeats timed calls per model and batch size
 * @param ablation also time the focus baseline without the inference optimisations, and the first AdaFocusV2
 *     variant without them and with each one turned off alone (BatchNorm folding, channels-last, InferenceMode)
 * @param trainBatch videos per training step (0 = skip the training-step measurement)
 * @param trainIterations timed training steps
 * @param memoryIterations batch-1 inference iterations for the memory trace (0 = skip)
 * @param precision the format every timed model's CNN backbones compute in (the training step stays float32)
 * @param stages also time each stage of every AdaFocusV2 variant alone (glance, policy, crop, focus, classifier), to
 *     show where its time goes and how fast each stage runs per FLOP against the reference
 */
public record BenchPlan(AdaFocusConfig model, List<Integer> patchSizes, List<Integer> batchSizes, int warmup, int repeats,
    boolean ablation, int trainBatch, int trainIterations, int memoryIterations, Precision precision,
    boolean stages) {
  public BenchPlan {
    if (patchSizes.isEmpty() || batchSizes.isEmpty()) {
      throw new IllegalArgumentException("need at least one patch size and one batch size");
    }
    for (int p : patchSizes) {
      if (p < 8 || p > model.inputSize()) {
        throw new IllegalArgumentException("patch sizes must be in [8, input size " + model.inputSize() + "], got " + p);
      }
    }
    for (int b : batchSizes) {
      if (b < 1) {
        throw new IllegalArgumentException("batch sizes must be >= 1, got " + b);
      }
    }
    if (warmup < 0 || repeats < 1 || trainBatch < 0 || trainIterations < 2 && trainBatch > 0 || memoryIterations == 1
        || memoryIterations < 0) {
      throw new IllegalArgumentException("need warmup >= 0, repeats >= 1, train iterations >= 2, memory iterations 0 or >= 2");
    }
    if (new HashSet<>(patchSizes).size() < patchSizes.size()
        || new HashSet<>(batchSizes).size() < batchSizes.size()) {
      throw new IllegalArgumentException("patch sizes and batch sizes must not repeat, got " + patchSizes + " and "
          + batchSizes);
    }
    patchSizes = List.copyOf(patchSizes);
    batchSizes = List.copyOf(batchSizes);
  }

  /** The model with patch side {@code p} (validated like any configuration). */
  public AdaFocusConfig withPatch(int p) {
    AdaFocusConfig c = model;
    return new AdaFocusConfig(c.numClasses(), c.frames(), c.inputSize(), p, c.glance(), c.glanceSize(), c.focus(),
        c.policyHidden(), c.classifierHidden(), c.dropout(), c.fcDropout());
  }
}
