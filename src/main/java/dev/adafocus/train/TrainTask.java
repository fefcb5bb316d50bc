package dev.adafocus.train;

import dev.adafocus.eval.Predictor;
import java.util.List;
import org.bytedeco.pytorch.Module;

/**
 * A trainable model as the {@link Trainer} sees it: its module (whose parameters and buffers are checkpointed by
 * their registered names), its parameter groups with learning-rate multipliers, and the training forward that returns
 * the loss. The trainer does everything else (backward, accumulation, clipping, optimiser step, seeding).
 *
 * @param <B> the batch type
 */
public interface TrainTask<B> extends Predictor<B> {
  /** The module whose state dict is saved and restored. */
  Module module();

  /** Every trainable parameter exactly once, grouped by learning-rate multiplier name ({@code train.lr_ratios}). */
  List<ParamGroup> parameterGroups();

  /** Training-mode forward of one batch; called inside a native scope after libtorch's generator was seeded. */
  StepResult trainStep(B batch);

  /** Work done once before the first epoch of a fresh (not resumed) run, e.g. a warm-up stage; logs to {@code log}. */
  default void beforeTraining(java.io.PrintWriter log) {}
}
