package dev.adafocus.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.AdaFocusException;
import dev.adafocus.data.synthetic.BenchmarkProbe.Accuracy;
import dev.adafocus.data.synthetic.BenchmarkProbe.Coverage;
import dev.adafocus.data.synthetic.BenchmarkProbe.View;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchmarkProbeTest {
  private static final SyntheticBenchmark DEFAULTS = SyntheticBenchmark.defaults();

  @Test
  void fixedAndRandomPatchesRarelyHoldTheObjectButTheOracleAlwaysDoes() {
    Map<View, Coverage> c = BenchmarkProbe.coverage(new BenchmarkGenerator(DEFAULTS), 200, 32);
    assertTrue(c.get(View.CENTRE).whole() < 0.35, "centre crop coverage " + c.get(View.CENTRE));
    assertTrue(c.get(View.RANDOM).whole() < 0.35, "random crop coverage " + c.get(View.RANDOM));
    assertTrue(c.get(View.CENTRE).meanVisible() < 0.5, "centre crop visibility " + c.get(View.CENTRE));
    assertTrue(c.get(View.RANDOM).meanVisible() < 0.5, "random crop visibility " + c.get(View.RANDOM));
    assertEquals(1.0, c.get(View.ORACLE).whole());
    assertEquals(1.0, c.get(View.ORACLE).meanVisible());
    assertEquals(1.0, c.get(View.ORACLE).clipWhole());
    assertTrue(c.get(View.RANDOM).clipWhole() >= c.get(View.RANDOM).whole(), "a clip has several chances");
    assertTrue(c.get(View.RANDOM).clipHalf() < 0.6, "random crops see half the object in most clips: " + c);
  }

  @Test
  void onlyTheOraclePatchIsReadableByALinearProbe() {
    BenchmarkProbe.Report r = BenchmarkProbe.run(DEFAULTS, 32, 4, 400, 200);
    Accuracy oracle = r.accuracy().get(View.ORACLE);
    assertTrue(oracle.nearestCentroid() > 0.3, "oracle " + oracle);
    for (View v : new View[] {View.GLANCE, View.CENTRE, View.RANDOM}) {
      Accuracy a = r.accuracy().get(v);
      assertTrue(oracle.nearestCentroid() > 2 * a.nearestCentroid(), v + " " + a + " vs oracle " + oracle);
      assertTrue(oracle.ridge() > 2 * a.ridge(), v + " " + a + " vs oracle " + oracle);
    }
    assertEquals(400, r.trainClips());
    assertEquals(10, r.classes());
  }

  @Test
  void ridgeSolverInvertsASmallSystem() {
    double[][] a = {{4, 2}, {2, 3}};
    double[][] b = {{2}, {1}};
    double[][] x = LinearReadout.choleskySolve(a, b);
    assertEquals(0.5, x[0][0], 1e-12);
    assertEquals(0.0, x[1][0], 1e-12);
  }

  @Test
  void primalAndDualRidgeGiveTheSameWeights() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(3);
    double[][] x = new double[12][7];
    int[] labels = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      labels[i] = i % 3;
      for (int j = 0; j < x[i].length; j++) {
        x[i][j] = rng.nextGaussian() + (j == labels[i] ? 1 : 0);
      }
    }
    double[][] primal = LinearReadout.primalWeights(x, labels, 3, 0.5);
    double[][] dual = LinearReadout.dualWeights(x, labels, 3, 0.5);
    for (int j = 0; j < primal.length; j++) {
      assertArrayEquals(primal[j], dual[j], 1e-9, "row " + j);
    }
  }

  @Test
  void badProbeSettingsAreRejected() {
    assertThrows(AdaFocusException.class, () -> BenchmarkProbe.run(DEFAULTS, 200, 4, 100, 10));
    assertThrows(AdaFocusException.class, () -> BenchmarkProbe.run(DEFAULTS, 32, 3, 100, 10));
    assertThrows(AdaFocusException.class, () -> BenchmarkProbe.run(DEFAULTS.withClips(50, 10), 32, 4, 100, 10));
  }
}
