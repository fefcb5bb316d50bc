package dev.adafocus.eval;

/**
 * Top-k accuracy in percent against one target class per video (the official {@code accuracy(output, target[:, 0])}).
 *
 * <p>Ties: a video counts as correct when its target is among the first {@code k} classes of the ranking by score,
 * descending, with equal scores ordered by class index (lower first). So the target's rank is the number of classes
 * scoring strictly higher plus the number of equal-scoring classes with a lower index.
 */
public final class TopK {
  private TopK() {}

  /** Percentage of videos whose target class is among the top {@code k} scores; {@code scores[i]} holds C classes. */
  public static double accuracy(float[][] scores, int[] targets, int k) {
    if (scores.length == 0) {
      throw new IllegalArgumentException("top-k accuracy of zero videos is undefined");
    }
    if (targets.length != scores.length) {
      throw new IllegalArgumentException(scores.length + " score rows but " + targets.length + " targets");
    }
    int numClasses = scores[0].length;
    if (k < 1 || k > numClasses) {
      throw new IllegalArgumentException("k must be in 1.." + numClasses + ", got " + k);
    }
    int correct = 0;
    for (int i = 0; i < scores.length; i++) {
      float[] row = scores[i];
      if (row.length != numClasses) {
        throw new IllegalArgumentException("video " + i + " has " + row.length + " scores, video 0 has " + numClasses);
      }
      int target = targets[i];
      if (target < 0 || target >= numClasses) {
        throw new IllegalArgumentException("video " + i + ": target " + target + " outside 0.." + (numClasses - 1));
      }
      if (rankOf(row, target) < k) {
        correct++;
      }
    }
    return 100.0 * correct / scores.length;
  }

  /** 0-based position of class {@code c} in the descending ranking of {@code row}, equal scores by class index. */
  static int rankOf(float[] row, int c) {
    float s = row[c];
    int rank = 0;
    for (int j = 0; j < row.length; j++) {
      if (row[j] > s || (row[j] == s && j < c)) {
        rank++;
      }
    }
    return rank;
  }
}
