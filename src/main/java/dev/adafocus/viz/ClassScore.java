package dev.adafocus.viz;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** One entry of a top-k prediction: a class name and its score (a softmax probability or a raw logit). */
public record ClassScore(String name, double score) {
  public ClassScore {
    if (name == null) {
      throw new IllegalArgumentException("class name must not be null");
    }
  }

  /** The {@code k} highest of {@code scores} (one per class, named by {@code names}), best first. */
  public static List<ClassScore> topK(double[] scores, List<String> names, int k) {
    if (scores.length != names.size()) {
      throw new IllegalArgumentException(scores.length + " scores but " + names.size() + " class names");
    }
    List<ClassScore> top = new ArrayList<>();
    IntStream.range(0, scores.length).boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i))
        .limit(k)
        .forEach(i -> top.add(new ClassScore(names.get(i), scores[i])));
    return top;
  }
}
