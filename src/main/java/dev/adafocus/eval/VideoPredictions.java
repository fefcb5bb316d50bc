package dev.adafocus.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-video outputs of a model over some videos: identity, ground truth and the logits of every step t = 1..T
 * (the video prediction is the last step's).
 *
 * @param videoIndex position of each video in its list file
 * @param videoNames the list file's video id/path of each video
 * @param labels up to 3 label slots per video, slot 0 the primary label, -1 for an empty slot
 * @param stepLogits [video][step][class]
 */
public record VideoPredictions(long[] videoIndex, String[] videoNames, int[][] labels, float[][][] stepLogits) {
  /** Label slots per video (official multi-label format). */
  public static final int LABEL_SLOTS = 3;

  public VideoPredictions {
    int n = videoIndex.length;
    if (videoNames.length != n || labels.length != n || stepLogits.length != n) {
      throw new IllegalArgumentException("inconsistent prediction batch: " + n + " indices, " + videoNames.length
          + " names, " + labels.length + " label rows, " + stepLogits.length + " logit rows");
    }
    for (int[] l : labels) {
      if (l.length != LABEL_SLOTS) {
        throw new IllegalArgumentException("each video needs " + LABEL_SLOTS + " label slots (-1 = empty), got " + l.length);
      }
    }
  }

  public int size() {
    return videoIndex.length;
  }

  /** Number of steps T (0 when empty). */
  public int steps() {
    return size() == 0 ? 0 : stepLogits[0].length;
  }

  /** Number of classes C (0 when empty). */
  public int classes() {
    return size() == 0 ? 0 : stepLogits[0][0].length;
  }

  /** The video predictions: the last step's logits, [video][class]. */
  public float[][] finalLogits() {
    float[][] out = new float[size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = stepLogits[i][stepLogits[i].length - 1];
    }
    return out;
  }

  /** The primary label (slot 0) of every video. */
  public int[] primaryLabels() {
    int[] out = new int[size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = labels[i][0];
    }
    return out;
  }

  /** The batches joined in order. */
  public static VideoPredictions concat(List<VideoPredictions> parts) {
    List<Long> idx = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<int[]> labels = new ArrayList<>();
    List<float[][]> logits = new ArrayList<>();
    for (VideoPredictions p : parts) {
      for (int i = 0; i < p.size(); i++) {
        idx.add(p.videoIndex[i]);
        names.add(p.videoNames[i]);
        labels.add(p.labels[i]);
        logits.add(p.stepLogits[i]);
      }
    }
    return new VideoPredictions(idx.stream().mapToLong(Long::longValue).toArray(), names.toArray(String[]::new),
        labels.toArray(int[][]::new), logits.toArray(float[][][]::new));
  }
}
