package dev.adafocus.exit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExitTrackerTest {
  private static final StepCosts COSTS = new StepCosts(new double[] {0.7, 1.9, 2.0, 3.5, 5.25});

  static float[][][] randomLogits(int n, int steps, int classes, long seed) {
    Random rng = new Random(seed);
    float[][][] l = new float[n][steps][classes];
    for (float[][] video : l) {
      for (float[] step : video) {
        for (int c = 0; c < classes; c++) {
          step[c] = (float) (rng.nextGaussian() * 2);
        }
      }
    }
    return l;
  }

  @Test
  void expectedGflopsEqualADirectCountOfTheStepsEachVideoRuns() {
    float[][][] train = randomLogits(60, 5, 4, 1);
    float[][][] val = randomLogits(50, 5, 4, 2);
    ExitPolicy policy = new ExitCalibration(train).fit(1.5);
    double[] t = policy.thresholds();
    double spent = 0;
    for (float[][] video : val) {
      for (int k = 0; k < t.length; k++) {
        spent += COSTS.afterSteps(k + 1) - (k == 0 ? 0 : COSTS.afterSteps(k));
        float conf = Float.NEGATIVE_INFINITY;
        for (float v : video[k]) {
          conf = Math.max(conf, v);
        }
        if (conf >= t[k]) {
          break;
        }
      }
    }
    ExitOutcome outcome = ExitCalibration.apply(policy, val);
    assertEquals(spent / val.length, outcome.expectedGflops(COSTS), 1e-12);
    int[] counts = outcome.exitCounts();
    assertEquals(val.length, Arrays.stream(counts).sum());
    assertTrue(Arrays.stream(counts).filter(c -> c > 0).count() >= 3, "exits spread over steps: " + Arrays.toString(counts));
  }

  @Test
  void runtimeSteppingComputesOnlyActiveVideosAndPredictsWhatOfflineApplicationPredicts() {
    float[][][] train = randomLogits(80, 5, 3, 3);
    float[][][] val = randomLogits(40, 5, 3, 4);
    ExitPolicy policy = new ExitCalibration(train).fit(1.2);
    ExitOutcome offline = ExitCalibration.apply(policy, val);

    ExitTracker runtime = new ExitTracker(policy, val.length);
    int computed = 0;
    while (!runtime.done()) {
      int step = runtime.nextStep();
      int[] active = runtime.active();
      float[][] stepLogits = new float[active.length][];
      for (int a = 0; a < active.length; a++) {
        stepLogits[a] = val[active[a]][step];
        computed++;
      }
      runtime.observe(step, stepLogits);
    }
    ExitOutcome online = runtime.outcome();
    assertArrayEquals(offline.exitSteps(), online.exitSteps());
    for (int i = 0; i < val.length; i++) {
      assertArrayEquals(offline.predictions()[i], online.predictions()[i]);
    }
    int runUpToExit = Arrays.stream(offline.exitSteps()).map(s -> s + 1).sum();
    assertEquals(runUpToExit, computed);
  }

  @Test
  void rejectsOutOfOrderStepsWrongRowCountsAndEarlyOutcomes() {
    ExitTracker t = new ExitTracker(new ExitPolicy(new double[] {0, ExitPolicy.ACCEPT_ALL}), 2);
    assertThrows(IllegalArgumentException.class, () -> t.observe(1, new float[2][1]));
    assertThrows(IllegalArgumentException.class, () -> t.observe(0, new float[1][1]));
    assertThrows(IllegalStateException.class, t::outcome);
    t.observe(0, new float[][] {{1f}, {-1f}});
    assertArrayEquals(new int[] {1}, t.active());
    t.observe(1, new float[][] {{-1f}});
    assertArrayEquals(new int[] {0, 1}, t.outcome().exitSteps());
    assertThrows(IllegalStateException.class, () -> t.observe(2, new float[0][]));
  }
}
