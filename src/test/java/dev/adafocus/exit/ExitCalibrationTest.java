package dev.adafocus.exit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExitCalibrationTest {
  /** One video's logits over steps, two classes, the first logit of each step being its confidence. */
  static float[][] video(float... confidences) {
    float[][] v = new float[confidences.length][];
    for (int k = 0; k < confidences.length; k++) {
      v[k] = new float[] {confidences[k], confidences[k] - 1};
    }
    return v;
  }

  /*
   * confidences per step        quotas for π = (1/2, 1/4, 1/4), N = 4: n_1 = 2, n_2 = 1
   *   v0: 5 1 0                 step 1 ranking v0(5) v1(3) v2(3) v3(1): v0, v1 exit, T_1 = 3; v2 (tied) stays
   *   v1: 3 4 0                 step 2 ranking of the rest v3(6) v2(2): v3 exits, T_2 = 6
   *   v2: 3 2 0                 T_3 = -1e8
   *   v3: 1 6 0
   */
  private static final float[][][] TRAIN = {video(5, 1, 0), video(3, 4, 0), video(3, 2, 0), video(1, 6, 0)};

  @Test
  void thresholdsAreTheConfidenceOfTheLastVideoInEachQuota() {
    double[] t = new ExitCalibration(TRAIN).fitThresholds(new double[] {0.5, 0.25, 0.25});
    assertArrayEquals(new double[] {3, 6, ExitPolicy.ACCEPT_ALL}, t, 0);
  }

  @Test
  void proportionsAreNormalisedBeforeTheQuotas() {
    double[] t = new ExitCalibration(TRAIN).fitThresholds(new double[] {2, 1, 1});
    assertArrayEquals(new double[] {3, 6, ExitPolicy.ACCEPT_ALL}, t, 0);
  }

  @Test
  void tiedVideosBeyondTheQuotaStayInWhenFittingButPassWhenApplied() {
    ExitPolicy policy = new ExitPolicy(new ExitCalibration(TRAIN).fitThresholds(new double[] {0.5, 0.25, 0.25}));
    ExitOutcome onTrain = ExitCalibration.apply(policy, TRAIN);
    // v2 was not counted in step 1's quota of 2, but its confidence 3 >= T_1 = 3 lets it leave at step 1.
    assertArrayEquals(new int[] {0, 0, 0, 1}, onTrain.exitSteps());
    assertArrayEquals(new int[] {3, 1, 0}, onTrain.exitCounts());
  }

  @Test
  void officialProportionsGrowAsQToTheK() {
    assertArrayEquals(new double[] {4.0 / 7, 2.0 / 7, 1.0 / 7}, ExitCalibration.exitProportions(0.5, 3), 1e-15);
    assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, ExitCalibration.exitProportions(1, 4), 1e-15);
  }

  @Test
  void anEmptyQuotaGivesAnUnreachableThreshold() {
    // N = 2, q = 0.5, T = 3: N·π = (8/7, 4/7, 2/7), so n_1 = 1 and n_2 = 0.
    float[][][] train = {video(2, 9, 0), video(1, 8, 0)};
    ExitPolicy policy = new ExitCalibration(train).fit(0.5);
    assertArrayEquals(new double[] {2, ExitPolicy.UNREACHABLE, ExitPolicy.ACCEPT_ALL}, policy.thresholds(), 0);
    // nobody leaves at step 2, however confident: v1 (1 < 2) runs to the end.
    assertArrayEquals(new int[] {0, 2}, ExitCalibration.apply(policy, train).exitSteps());
  }

  @Test
  void everyQuotaEmptyLeavesOnlyTheLastStep() {
    float[][][] train = {video(2, 9, 0)};
    assertArrayEquals(new double[] {ExitPolicy.UNREACHABLE, ExitPolicy.UNREACHABLE, ExitPolicy.ACCEPT_ALL},
        new ExitCalibration(train).fit(1.0).thresholds(), 0);
  }

  @Test
  void validationVideosExitAtTheFirstStepReachingItsThresholdWithThatStepsPrediction() {
    ExitPolicy policy = new ExitPolicy(new double[] {3, 6, ExitPolicy.ACCEPT_ALL});
    float[][][] val = {video(2.9f, 6, 7), video(1, 2, -4e8f), video(3, 0, 0)};
    ExitOutcome out = ExitCalibration.apply(policy, val);
    assertArrayEquals(new int[] {1, 2, 0}, out.exitSteps());
    assertArrayEquals(val[0][1], out.predictions()[0]);
    assertArrayEquals(val[1][2], out.predictions()[1]);
    assertArrayEquals(val[2][0], out.predictions()[2]);
  }

  @Test
  void theSecondStepRanksOnlyVideosThatDidNotExitAtTheFirst() {
    // v0 is the most confident at step 2 but already left at step 1, so T_2 comes from v1.
    float[][][] train = {video(9, 9, 0), video(1, 5, 0), video(0, 4, 0), video(0, 3, 0)};
    double[] t = new ExitCalibration(train).fitThresholds(new double[] {0.25, 0.25, 0.5});
    assertEquals(9, t[0]);
    assertEquals(5, t[1]);
  }
}
