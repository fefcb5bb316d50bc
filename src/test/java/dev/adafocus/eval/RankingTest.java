package dev.adafocus.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RankingTest {
  @Test
  void ordersHighestFirstAcrossSigns() {
    assertArrayEquals(new int[] {2, 0, 3, 1}, Ranking.descending(new float[] {1.5f, -7f, 3e8f, -0.25f}));
  }

  @Test
  void equalScoresKeepTheirIndexOrder() {
    assertArrayEquals(new int[] {1, 3, 0, 2, 4}, Ranking.descending(new float[] {2f, 5f, 2f, 5f, -1f}));
  }

  @Test
  void rejectsNaN() {
    assertThrows(IllegalArgumentException.class, () -> Ranking.descending(new float[] {1f, Float.NaN}));
  }
}
