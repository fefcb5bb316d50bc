package dev.adafocus.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassScoreTest {
  @Test
  void topKIsBestFirstWithTiesInClassOrder() {
    List<ClassScore> top = ClassScore.topK(new double[] {0.1, 0.5, 0.2, 0.5}, List.of("a", "b", "c", "d"), 3);
    assertEquals(List.of(new ClassScore("b", 0.5), new ClassScore("d", 0.5), new ClassScore("c", 0.2)), top);
    assertEquals(2, ClassScore.topK(new double[] {1, 2}, List.of("x", "y"), 5).size());
  }
}
