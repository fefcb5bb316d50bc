package dev.adafocus.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TopKTest {
  // target ranks by hand: video 0 -> 0, video 1 -> 1 (0.5 > 0.3), video 2 -> 0, video 3 -> 1 (tie, class 0 first)
  private static final float[][] SCORES = {
      {0.1f, 0.9f, 0.0f},
      {0.5f, 0.2f, 0.3f},
      {0.2f, 0.3f, 0.5f},
      {1.0f, 1.0f, 0.0f}};
  private static final int[] TARGETS = {1, 2, 2, 1};

  @Test
  void top1CountsOnlyTargetsRankedFirst() {
    assertEquals(50.0, TopK.accuracy(SCORES, TARGETS, 1), 1e-12);
  }

  @Test
  void top2AlsoCountsSecondPlaces() {
    assertEquals(100.0, TopK.accuracy(SCORES, TARGETS, 2), 1e-12);
  }

  @Test
  void equalScoresRankTheLowerClassIndexFirst() {
    float[][] tie = {{1f, 1f, 0f}};
    assertEquals(100.0, TopK.accuracy(tie, new int[] {0}, 1), 1e-12);
    assertEquals(0.0, TopK.accuracy(tie, new int[] {1}, 1), 1e-12);
  }

  @Test
  void rejectsTargetsOutsideTheClassRangeAndBadK() {
    assertThrows(IllegalArgumentException.class, () -> TopK.accuracy(SCORES, new int[] {1, 2, 3, 1}, 1));
    assertThrows(IllegalArgumentException.class, () -> TopK.accuracy(SCORES, TARGETS, 4));
    assertThrows(IllegalArgumentException.class, () -> TopK.accuracy(SCORES, new int[] {1}, 1));
  }
}
