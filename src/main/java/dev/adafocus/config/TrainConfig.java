package dev.adafocus.config;

import java.util.List;
import java.util.Map;

/**
 * The train section: optimiser, schedule and run settings.
 *
 * @param epochs length of the cosine schedule; the loop runs epochs 0..epochs inclusive (epochs + 1 passes, the last at
 *     lr 0, as the V2/A code) unless {@code finalZeroLrEpoch} is off
 * @param lr base learning rate
 * @param momentum SGD momentum
 * @param weightDecay L2 weight decay on every parameter (biases and BatchNorm included)
 * @param lrRatios learning-rate multiplier per parameter group (policy, glance, focus, classifier)
 * @param lrSchedule {@code cos} (per-epoch cosine) or {@code constant}
 * @param warmupEpochs epochs of linear warm-up before the cosine (0 = official)
 * @param policyFreezeEpochs first epochs in which the policy group is not updated (0 = official)
 * @param gradClip maximum total gradient norm, or null for no clipping
 * @param accumulationSteps micro-batches whose gradients are summed per optimiser step
 * @param seed root of every random stream (data order, augmentation, random patches, dropout)
 * @param threads intra-op threads (0 = library default)
 * @param device {@code cpu}, {@code cuda} or {@code cuda:N}
 * @param logInterval iterations between progress lines
 * @param focusWarmupIters built-in benchmark only: iterations that train the focus network on patches centred on the
 *     object before the run (the analogue of its ImageNet initialisation); 0 = none
 * @param focusWarmupLr learning rate of that warm-up
 * @param finalZeroLrEpoch whether the extra last epoch at lr 0 runs (V2/A {@code range(0, epochs + 1)}); off:
 *     epochs 0..epochs-1 (V2/S {@code range(0, epochs)})
 * @param frozenFromEpoch per parameter group, the epoch from which it is no longer updated (absent = trained to the
 *     end; empty = official)
 */
public record TrainConfig(int epochs, double lr, double momentum, double weightDecay, Map<String, Double> lrRatios,
    String lrSchedule, int warmupEpochs, int policyFreezeEpochs, Double gradClip, int accumulationSteps, long seed,
    int threads, String device, int logInterval, int focusWarmupIters, double focusWarmupLr,
    boolean finalZeroLrEpoch, Map<String, Integer> frozenFromEpoch) {

  /** Supported learning-rate schedules. */
  public static final List<String> SCHEDULES = List.of("cos", "constant");

  /** Number of training epochs the loop runs (epochs 0..passes-1). */
  public int passes() {
    return finalZeroLrEpoch ? epochs + 1 : epochs;
  }

  static TrainConfig read(ConfigSection s) {
    int epochs = s.integer("epochs", 1);
    Double clip = s.nullableDbl("grad_clip");
    if (clip != null && !(clip > 0)) {
      throw s.error("grad_clip", "expected a number > 0 or null (no clipping), got " + clip);
    }
    int warmup = s.integer("warmup_epochs", 0);
    if (warmup > epochs) {
      throw s.error("warmup_epochs", "warm-up of " + warmup + " epochs is longer than train.epochs " + epochs);
    }
    return new TrainConfig(epochs, s.nonNegative("lr"), s.nonNegative("momentum"), s.nonNegative("weight_decay"),
        s.numberMap("lr_ratios"), s.oneOf("lr_schedule", SCHEDULES), warmup, s.integer("policy_freeze_epochs", 0),
        clip, s.integer("accumulation_steps", 1), s.lng("seed"), s.integer("threads", 0),
        device(s), s.integer("log_interval", 1), s.integer("focus_warmup_iters", 0), s.nonNegative("focus_warmup_lr"),
        s.bool("final_zero_lr_epoch"), frozenFrom(s));
  }

  private static Map<String, Integer> frozenFrom(ConfigSection s) {
    Map<String, Integer> out = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, Double> e : s.numberMap("frozen_from_epoch").entrySet()) {
      double v = e.getValue();
      if (v != Math.rint(v)) {
        throw s.error("frozen_from_epoch", "expected a whole epoch number for group '" + e.getKey() + "', got " + v);
      }
      out.put(e.getKey(), (int) v);
    }
    return java.util.Collections.unmodifiableMap(out);
  }

  private static String device(ConfigSection s) {
    String d = s.requiredStr("device");
    if (!d.matches("cpu|cuda(:\\d+)?")) {
      throw s.error("device", "'" + d + "' is not a device; use cpu, cuda or cuda:N");
    }
    return d;
  }
}
