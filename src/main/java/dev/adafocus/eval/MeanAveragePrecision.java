package dev.adafocus.eval;

/**
 * Multi-label mean average precision in percent, with the official {@code cal_map} semantics (dossier §4.4).
 *
 * <ol>
 *   <li>Each video's scores are turned into probabilities by a softmax over its classes (computed in double).
 *   <li>The ground truth is multi-hot over all label slots of a video; slot value -1 means empty.
 *   <li>For each class, videos are sorted by that class's probability rounded to float32 (the official precision),
 *       descending, equal probabilities keeping the video order; AP = (sum of precision@i at the positive positions)
 *       / max(#positives, 1).
 *   <li>mAP = mean of AP over all classes, classes without positives counting 0, times 100.
 * </ol>
 *
 * <p>Labels are used as given: the official code's re-indexing of labels by rank among those present in the evaluated
 * set (an identity map when every class occurs) is deliberately not reproduced.
 */
public final class MeanAveragePrecision {
  private MeanAveragePrecision() {}

  /** mAP in percent; {@code labels[i]} lists video i's label slots (-1 = empty), each in 0..numClasses-1. */
  public static double compute(float[][] scores, int[][] labels, int numClasses) {
    double[] ap = perClass(scores, labels, numClasses);
    double sum = 0;
    for (double a : ap) {
      sum += a;
    }
    return sum / numClasses;
  }

  /** Average precision of every class, in percent (0 for a class with no positive video). */
  public static double[] perClass(float[][] scores, int[][] labels, int numClasses) {
    if (numClasses < 1) {
      throw new IllegalArgumentException("numClasses must be positive, got " + numClasses);
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("mAP of zero videos is undefined");
    }
    if (labels.length != scores.length) {
      throw new IllegalArgumentException(scores.length + " score rows but " + labels.length + " label rows");
    }
    int n = scores.length;
    float[][] probs = new float[n][];
    boolean[][] truth = new boolean[n][numClasses];
    for (int i = 0; i < n; i++) {
      if (scores[i].length != numClasses) {
        throw new IllegalArgumentException("video " + i + " has " + scores[i].length + " scores, expected " + numClasses);
      }
      probs[i] = softmax(scores[i]);
      for (int label : labels[i]) {
        if (label < -1 || label >= numClasses) {
          throw new IllegalArgumentException("video " + i + ": label " + label + " outside -1.." + (numClasses - 1));
        }
        if (label >= 0) {
          truth[i][label] = true;
        }
      }
    }
    double[] ap = new double[numClasses];
    float[] column = new float[n];
    for (int c = 0; c < numClasses; c++) {
      for (int i = 0; i < n; i++) {
        column[i] = probs[i][c];
      }
      int[] order = Ranking.descending(column);
      int positives = 0;
      double precisionSum = 0;
      for (int rank = 0; rank < n; rank++) {
        if (truth[order[rank]][c]) {
          positives++;
          precisionSum += (double) positives / (rank + 1);
        }
      }
      ap[c] = 100.0 * precisionSum / Math.max(positives, 1);
    }
    return ap;
  }

  /** Probabilities of one row of logits (computed in double, returned as float). */
  public static float[] softmax(float[] row) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : row) {
      max = Math.max(max, v);
    }
    double[] e = new double[row.length];
    double sum = 0;
    for (int j = 0; j < row.length; j++) {
      e[j] = Math.exp(row[j] - max);
      sum += e[j];
    }
    float[] p = new float[row.length];
    for (int j = 0; j < row.length; j++) {
      p[j] = (float) (e[j] / sum);
    }
    return p;
  }
}
