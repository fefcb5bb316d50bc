package dev.adafocus.train;

import dev.adafocus.config.TrainConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-epoch learning rates, as the official code: {@code lr_e = 0.5·lr·(1 + cos(π·e/epochs))} for e = 0..epochs
 * (so the extra last epoch runs at lr 0), times each group's multiplier. Optional additions (0 = official): a linear
 * warm-up {@code lr·(e+1)/(warmup+1)} for e &lt; warmup, a policy group frozen (lr 0) for the first epochs, and any
 * group frozen from a given epoch on ({@code train.frozen_from_epoch}).
 */
public final class LrSchedule {
  /** Name of the parameter group that {@code policy_freeze_epochs} freezes. */
  public static final String POLICY_GROUP = "policy";

  private final TrainConfig config;

  public LrSchedule(TrainConfig config) {
    this.config = config;
  }

  /** The base learning rate of epoch {@code e} (before group multipliers). */
  public double baseLr(int epoch) {
    double lr = config.lr();
    if (epoch < config.warmupEpochs()) {
      return lr * (epoch + 1) / (config.warmupEpochs() + 1);
    }
    if (config.lrSchedule().equals("constant")) {
      return lr;
    }
    return 0.5 * lr * (1 + Math.cos(Math.PI * epoch / config.epochs()));
  }

  /** Whether a group is frozen (not updated at all) in epoch {@code e}. */
  public boolean frozen(String group, int epoch) {
    Integer from = config.frozenFromEpoch().get(group);
    return group.equals(POLICY_GROUP) && epoch < config.policyFreezeEpochs() || from != null && epoch >= from;
  }

  /** The learning rate of each named group in epoch {@code e}; a group without a configured ratio is an error. */
  public Map<String, Double> groupLrs(Iterable<String> groups, int epoch) {
    Map<String, Double> out = new LinkedHashMap<>();
    java.util.Set<String> unknown = new java.util.TreeSet<>(config.frozenFromEpoch().keySet());
    groups.forEach(unknown::remove);
    if (!unknown.isEmpty()) {
      throw new dev.adafocus.config.ConfigException("train.frozen_from_epoch names no parameter group of this model: "
          + unknown + " (groups: " + groups + ")");
    }
    for (String g : groups) {
      Double ratio = config.lrRatios().get(g);
      if (ratio == null) {
        throw new dev.adafocus.config.ConfigException("train.lr_ratios has no multiplier for parameter group '" + g
            + "' (configured: " + config.lrRatios().keySet() + ")");
      }
      out.put(g, frozen(g, epoch) ? 0.0 : baseLr(epoch) * ratio);
    }
    return out;
  }
}
