package dev.adafocus.exit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExitPolicyTest {
  @Test
  void confidenceIsTheLargestRawLogit() {
    assertEquals(-0.5f, ExitPolicy.confidence(new float[] {-3f, -0.5f, -2f}));
  }

  @Test
  void aStepStopsWhenItsConfidenceReachesTheThreshold() {
    ExitPolicy p = new ExitPolicy(new double[] {2.0, 5.0, ExitPolicy.ACCEPT_ALL});
    assertTrue(p.stopsAfter(0, new float[] {1f, 2f}));
    assertFalse(p.stopsAfter(0, new float[] {1.999f, 0f}));
    assertFalse(p.stopsAfter(1, new float[] {4f, 4.5f}));
  }

  @Test
  void theLastStepStopsWhateverItsThresholdAndConfidence() {
    ExitPolicy p = new ExitPolicy(new double[] {ExitPolicy.UNREACHABLE, ExitPolicy.UNREACHABLE});
    assertTrue(p.stopsAfter(1, new float[] {-1e9f, -2e9f}));
    assertFalse(p.stopsAfter(0, new float[] {1e7f}));
  }

  @Test
  void rejectsStepsOutsideThePolicyAndNaNThresholds() {
    ExitPolicy p = new ExitPolicy(new double[] {1, 2});
    assertThrows(IllegalArgumentException.class, () -> p.stopsAfter(2, new float[] {0f}));
    assertThrows(IllegalArgumentException.class, () -> new ExitPolicy(new double[] {Double.NaN, 0}));
    assertThrows(IllegalArgumentException.class, () -> new ExitPolicy(new double[0]));
  }
}
