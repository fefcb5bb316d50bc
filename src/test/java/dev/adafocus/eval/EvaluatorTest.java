package dev.adafocus.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluatorTest {
  @TempDir
  Path dir;

  /** Three videos, 6 classes, 2 steps; the last step is the video prediction. */
  static VideoPredictions handCase() {
    float[][] last = {{0, 0, 5, 0, 0, 0}, {0, 5, 0, 0, 3, 0}, {-5, 1, 2, 3, 4, 5}};
    float[][][] steps = new float[3][2][];
    for (int i = 0; i < 3; i++) {
      steps[i][0] = new float[6];
      steps[i][1] = last[i];
    }
    return new VideoPredictions(new long[] {0, 1, 2}, new String[] {"v_a", "one, two", "v_c"},
        new int[][] {{2, -1, -1}, {4, 1, -1}, {0, -1, -1}}, steps);
  }

  @Test
  void metricsOfAHandComputedMultiLabelCase() {
    Map<String, Double> m = Evaluator.metrics(handCase());
    assertEquals(100.0 / 3, m.get("top1"), 1e-9, "only video 0's primary label is its arg-max");
    assertEquals(200.0 / 3, m.get("top5"), 1e-9, "video 2's label is its lowest score");
    // per-class AP: c0 = 1/3 (positive ranked 3rd), c1 = 1, c2 = 1, c3 = 0 (no positive), c4 = 1/2, c5 = 0
    assertEquals((1.0 / 3 + 1 + 1 + 0 + 0.5 + 0) / 6 * 100, m.get("map"), 1e-9);
  }

  @Test
  void evaluateRunsEveryBatchInEvalModeAndClosesThem() {
    VideoPredictions all = handCase();
    int[] closed = {0};
    boolean[] training = {true};
    record Batch(int from, int to, int[] closed) implements AutoCloseable {
      @Override
      public void close() {
        closed[0]++;
      }
    }
    Predictor<Batch> model = new Predictor<>() {
      @Override
      public void setTraining(boolean t) {
        training[0] = t;
      }

      @Override
      public VideoPredictions predict(Batch b) {
        int n = b.to() - b.from();
        long[] idx = new long[n];
        String[] names = new String[n];
        int[][] labels = new int[n][];
        float[][][] logits = new float[n][][];
        for (int i = 0; i < n; i++) {
          idx[i] = all.videoIndex()[b.from() + i];
          names[i] = all.videoNames()[b.from() + i];
          labels[i] = all.labels()[b.from() + i];
          logits[i] = all.stepLogits()[b.from() + i];
        }
        return new VideoPredictions(idx, names, labels, logits);
      }
    };
    BatchSource<Batch> data = new BatchSource<>() {
      @Override
      public int batchesPerEpoch() {
        return 2;
      }

      @Override
      public Iterator<Batch> batches(int epoch) {
        return List.of(new Batch(0, 2, closed), new Batch(2, 3, closed)).iterator();
      }
    };
    EvalResult r = Evaluator.evaluate(model, data, 1);
    assertFalse(training[0]);
    assertEquals(2, closed[0]);
    assertEquals(Evaluator.metrics(all), r.metrics());
    assertArrayEquals(new long[] {0, 1, 2}, r.predictions().videoIndex());
  }

  @Test
  void theCsvListsLabelsTopFiveClassesAndProbabilities() throws IOException {
    Path file = dir.resolve("predictions.csv");
    PredictionsCsv.write(file, handCase());
    List<String> csv = Files.readAllLines(file);
    assertEquals("video_index,video,labels,top5_classes,top5_scores", csv.get(0));
    assertEquals(4, csv.size());
    double e5 = Math.exp(5);
    double e3 = Math.exp(3);
    double sum = e5 + e3 + 4;
    assertEquals(String.format(java.util.Locale.ROOT, "1,\"one, two\",4;1,1;4;0;2;3,%.6f;%.6f;%.6f;%.6f;%.6f", e5 / sum,
        e3 / sum, 1 / sum, 1 / sum, 1 / sum), csv.get(2));
    assertTrue(csv.get(1).startsWith("0,v_a,2,2;"), csv.get(1));
  }
}
