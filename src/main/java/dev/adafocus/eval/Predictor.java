package dev.adafocus.eval;

/**
 * A model seen by the evaluator: switches train/eval mode and turns one batch into per-step logits.
 *
 * @param <B> the batch type
 */
public interface Predictor<B> {
  /** Puts the model in training (true) or evaluation (false) mode (dropout, BatchNorm statistics). */
  void setTraining(boolean training);

  /** Eval-mode forward of one batch; called with gradients off and inside a native scope. */
  VideoPredictions predict(B batch);
}
