package dev.adafocus.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MeanAveragePrecisionTest {
  /*
   * Softmax probabilities by hand:
   *   video 0 [2,0,1,0]: 0.610 0.083 0.224 0.083
   *   video 1 [3,3,3,3]: 0.25 each
   *   video 2 [0,2,0,0]: 0.096 0.711 0.096 0.096
   * class 0 ranking v0,v1,v2, positive {v0}        -> AP 1   (raw logits would rank v1 first -> AP 1/2)
   * class 1 ranking v2,v1,v0, positives {v1,v2}    -> AP 1
   * class 2 ranking v1,v0,v2, positives {v1,v2}    -> AP (1/1 + 2/3) / 2 = 5/6
   * class 3 no positives                            -> AP 0, still counted in the mean
   */
  private static final float[][] SCORES = {
      {2f, 0f, 1f, 0f},
      {3f, 3f, 3f, 3f},
      {0f, 2f, 0f, 0f}};
  private static final int[][] LABELS = {
      {0, -1, -1},
      {1, 2, -1},
      {1, 2, -1}};

  @Test
  void perClassApUsesSoftmaxAndAllLabelSlots() {
    assertArrayEquals(new double[] {100, 100, 500.0 / 6, 0},
        MeanAveragePrecision.perClass(SCORES, LABELS, 4), 1e-9);
  }

  @Test
  void meanRunsOverAllClassesIncludingEmptyOnes() {
    assertEquals((100 + 100 + 500.0 / 6 + 0) / 4, MeanAveragePrecision.compute(SCORES, LABELS, 4), 1e-9);
  }

  @Test
  void labelsAreNotReindexed() {
    // Only class 2 occurs. Re-indexing it to 0 would rank video 1 first for class 0 (AP 1/2, mAP 50/3);
    // used as given, class 2 ranks video 0 first (AP 1, mAP 100/3).
    float[][] scores = {{0f, 0f, 5f}, {5f, 0f, 0f}};
    int[][] labels = {{2, -1, -1}, {-1, -1, -1}};
    assertEquals(100.0 / 3, MeanAveragePrecision.compute(scores, labels, 3), 1e-9);
  }

  @Test
  void equalProbabilitiesKeepTheVideoOrder() {
    // Both videos score 1/2 for class 0; video 0 stays first, so the positive video 1 sits at rank 2: AP 1/2.
    float[][] scores = {{0f, 0f}, {0f, 0f}};
    int[][] labels = {{-1}, {0}};
    assertArrayEquals(new double[] {50, 0}, MeanAveragePrecision.perClass(scores, labels, 2), 1e-9);
  }

  @Test
  void rejectsLabelsOutsideTheClassRange() {
    assertThrows(IllegalArgumentException.class,
        () -> MeanAveragePrecision.compute(SCORES, new int[][] {{0}, {4}, {1}}, 4));
    assertThrows(IllegalArgumentException.class,
        () -> MeanAveragePrecision.compute(SCORES, new int[][] {{0}, {-2}, {1}}, 4));
    assertThrows(IllegalArgumentException.class, () -> MeanAveragePrecision.compute(SCORES, LABELS, 5));
  }
}
