package dev.adafocus.viz;

/** One entry of a top-k prediction: a class name and its score (a softmax probability or a raw logit). */
public record ClassScore(String name, double score) {
  public ClassScore {
    if (name == null) {
      throw new IllegalArgumentException("class name must not be null");
    }
  }
}
