package dev.adafocus.eval;

import dev.adafocus.AdaFocusException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The per-video predictions CSV: {@code video_index,video,labels,top5_classes,top5_scores}; labels and classes are
 * separated by {@code ;}, scores are softmax probabilities of the video prediction (the last step's logits).
 */
public final class PredictionsCsv {
  private PredictionsCsv() {}

  /** Writes the CSV of {@code p} to {@code file}. */
  public static void write(Path file, VideoPredictions p) {
    float[][] logits = p.finalLogits();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("video_index,video,labels,top5_classes,top5_scores\n");
      for (int i = 0; i < p.size(); i++) {
        double[] prob = softmax(logits[i]);
        int[] top = topIndices(prob, Math.min(5, prob.length));
        StringJoiner labels = new StringJoiner(";");
        for (int l : p.labels()[i]) {
          if (l >= 0) {
            labels.add(Integer.toString(l));
          }
        }
        StringJoiner classes = new StringJoiner(";");
        StringJoiner scores = new StringJoiner(";");
        for (int c : top) {
          classes.add(Integer.toString(c));
          scores.add(String.format(Locale.ROOT, "%.6f", prob[c]));
        }
        w.write(p.videoIndex()[i] + "," + quote(p.videoNames()[i]) + "," + labels + "," + classes + "," + scores + "\n");
      }
    } catch (IOException e) {
      throw new AdaFocusException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  static double[] softmax(float[] logits) {
    double max = Double.NEGATIVE_INFINITY;
    for (float v : logits) {
      max = Math.max(max, v);
    }
    double sum = 0;
    double[] out = new double[logits.length];
    for (int i = 0; i < logits.length; i++) {
      out[i] = Math.exp(logits[i] - max);
      sum += out[i];
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  /** Indices of the k largest values, largest first (lower index first among equals). */
  static int[] topIndices(double[] v, int k) {
    int[] out = new int[k];
    boolean[] used = new boolean[v.length];
    for (int j = 0; j < k; j++) {
      int best = -1;
      for (int i = 0; i < v.length; i++) {
        if (!used[i] && (best < 0 || v[i] > v[best])) {
          best = i;
        }
      }
      used[best] = true;
      out[j] = best;
    }
    return out;
  }

  private static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
