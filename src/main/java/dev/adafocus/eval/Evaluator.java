package dev.adafocus.eval;

import dev.adafocus.engine.NativeScope;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.pytorch.NoGradGuard;

/**
 * Runs a model in eval mode over a split and scores the video predictions (last step): top-1 and top-5 against the
 * primary label, mAP over all label slots (official semantics, labels not re-indexed).
 */
public final class Evaluator {
  private Evaluator() {}

  /** The pass of {@code epoch} over {@code data}; each batch runs in its own native scope with gradients off. */
  public static <B> EvalResult evaluate(Predictor<B> model, BatchSource<B> data, int epoch) {
    model.setTraining(false);
    List<VideoPredictions> parts = new ArrayList<>();
    Iterator<B> it = data.batches(epoch);
    try {
      for (int i = 0; i < data.batchesPerEpoch(); i++) {
        B batch = it.next();
        try (NativeScope s = NativeScope.open(); NoGradGuard g = new NoGradGuard()) {
          parts.add(model.predict(batch));
        } finally {
          closeIfNeeded(batch);
        }
      }
    } finally {
      closeIfNeeded(it);
    }
    VideoPredictions all = VideoPredictions.concat(parts);
    return new EvalResult(metrics(all), all);
  }

  /** top1, top5 (top-k with k = min(5, C)) and map, in percent. */
  public static Map<String, Double> metrics(VideoPredictions p) {
    if (p.size() == 0) {
      throw new IllegalArgumentException("no videos to evaluate");
    }
    float[][] scores = p.finalLogits();
    int[] targets = p.primaryLabels();
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("top1", TopK.accuracy(scores, targets, 1));
    m.put("top5", TopK.accuracy(scores, targets, Math.min(5, p.classes())));
    m.put("map", MeanAveragePrecision.compute(scores, p.labels(), p.classes()));
    return m;
  }

  /** Closes a batch, iterator or model that holds resources; anything else is left alone. */
  public static void closeIfNeeded(Object batch) {
    if (batch instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("cannot release " + batch + ": " + e.getMessage(), e);
      }
    }
  }
}
