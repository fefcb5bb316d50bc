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
        float[] prob = MeanAveragePrecision.softmax(logits[i]);
        int[] ranked = Ranking.descending(logits[i]);
        int[] top = java.util.Arrays.copyOf(ranked, Math.min(5, ranked.length));
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

  private static String quote(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
      return "\"" + s.replace("\"", "\"\"") + "\"";
    }
    return s;
  }
}
