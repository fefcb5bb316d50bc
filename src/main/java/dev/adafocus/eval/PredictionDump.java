package dev.adafocus.eval;

import dev.adafocus.AdaFocusException;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.io.Safetensors;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Writes evaluation outputs: a per-video CSV ({@code video_index,video,labels,top5_classes,top5_scores}; labels and
 * classes separated by {@code ;}, scores are softmax probabilities of the video prediction) and the per-step logits
 * as safetensors: {@code logits} F32 [N, T, C], {@code labels} I64 [N, 3] (-1 = empty, slot 0 primary),
 * {@code video_index} I64 [N].
 */
public final class PredictionDump {
  /** File name of the CSV inside a dump folder. */
  public static final String CSV = "predictions.csv";
  /** File name of the per-step logits inside a dump folder. */
  public static final String STEP_LOGITS = "step_logits.safetensors";

  private PredictionDump() {}

  /** Writes both files into {@code dir} (created if needed). */
  public static void writeAll(Path dir, VideoPredictions p) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new AdaFocusException("cannot create the dump folder " + dir + ": " + e.getMessage(), e);
    }
    writeCsv(dir.resolve(CSV), p);
    writeStepLogits(dir.resolve(STEP_LOGITS), p);
  }

  /** The per-video CSV. */
  public static void writeCsv(Path file, VideoPredictions p) {
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

  /** The per-step logits file read by conditional exit. */
  public static void writeStepLogits(Path file, VideoPredictions p) {
    int n = p.size();
    int t = p.steps();
    int c = p.classes();
    float[] logits = new float[n * t * c];
    long[] labels = new long[n * VideoPredictions.LABEL_SLOTS];
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < t; s++) {
        System.arraycopy(p.stepLogits()[i][s], 0, logits, (i * t + s) * c, c);
      }
      for (int k = 0; k < VideoPredictions.LABEL_SLOTS; k++) {
        labels[i * VideoPredictions.LABEL_SLOTS + k] = p.labels()[i][k];
      }
    }
    Map<String, HostTensor> tensors = new LinkedHashMap<>();
    tensors.put("logits", HostTensor.ofFloats(new long[] {n, t, c}, logits));
    tensors.put("labels", HostTensor.ofLongs(new long[] {n, VideoPredictions.LABEL_SLOTS}, labels));
    tensors.put("video_index", HostTensor.ofLongs(new long[] {n}, p.videoIndex().clone()));
    try {
      Safetensors.write(file, tensors, null);
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
