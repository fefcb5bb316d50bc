package dev.adafocus.exit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepCurveTest {
  @TempDir
  Path dir;

  private static OperatingPoint point(double q, double gflops, double top1, double map) {
    return new OperatingPoint(q, new double[] {1, ExitPolicy.ACCEPT_ALL}, new Score(gflops, top1, map),
        new double[] {0.5, 0.5});
  }

  private static final SweepCurve CURVE = new SweepCurve(List.of(
      point(0.5, 2.0, 50, 70), point(1.0, 3.0, 60, 65), point(1.5, 2.5, 60, 60), point(2.0, 5.0, 70, 80)),
      new Score(6, 72, 81));

  @Test
  void bestWithinABudgetIsTheMostAccurateAffordablePointAndTheCheaperOnTies() {
    assertEquals(1.5, CURVE.bestWithin(SelectionMetric.TOP1, 3.0).orElseThrow().q());
    assertEquals(0.5, CURVE.bestWithin(SelectionMetric.MAP, 3.0).orElseThrow().q());
    assertEquals(2.0, CURVE.bestWithin(SelectionMetric.TOP1, 5.0).orElseThrow().q());
    assertTrue(CURVE.bestWithin(SelectionMetric.TOP1, 1.99).isEmpty());
    assertEquals(2.0, CURVE.minGflops());
  }

  @Test
  void writesOneCsvRowPerPointAndAPng() throws Exception {
    Path csv = dir.resolve("out/curve.csv");
    CURVE.writeCsv(csv);
    List<String> lines = Files.readAllLines(csv);
    assertEquals("q,gflops,top1,map", lines.get(0));
    assertEquals(5, lines.size());
    assertEquals("1.5,2.500000,60.0000,60.0000", lines.get(3));
    Path png = dir.resolve("out/curve.png");
    CURVE.writePlot(png, SelectionMetric.MAP, CURVE.points().get(0));
    byte[] head = Files.readAllBytes(png);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(head, 4));
  }

  @Test
  void sweepScoresEachQOnValidationAgainstTheStaticModel() {
    // train: step-1 confidences 4,3,2,1; q = 1 gives π = (1/2, 1/2), so n_1 = 2 and T_1 = 3.
    float[][][] train = new float[4][][];
    for (int i = 0; i < 4; i++) {
      train[i] = new float[][] {{4 - i, 0}, {0, 0}};
    }
    // val video 0 stops at step 1 (3.5 >= 3) predicting class 0 (right); at step 2 it would say class 1 (wrong).
    // val video 1 runs on (2 < 3) and predicts class 1 at step 2 (right).
    float[][][] val = {{{3.5f, 0}, {0, 1}}, {{1, 2}, {0, 5}}};
    int[][] labels = {{0}, {1}};
    LogitsDump trainDump = new LogitsDump(train, new int[][] {{0}, {0}, {0}, {0}}, null);
    SweepCurve curve = BudgetSweep.sweep(trainDump, new LogitsDump(val, labels, null),
        new StepCosts(new double[] {1, 3}), List.of(1.0));
    OperatingPoint p = curve.points().get(0);
    assertArrayEquals(new double[] {3, ExitPolicy.ACCEPT_ALL}, p.thresholds(), 0);
    assertArrayEquals(new double[] {0.5, 0.5}, p.exitFractions(), 0);
    assertEquals(new Score(2.0, 100.0, 100.0), p.score());
    assertEquals(3.0, curve.staticModel().gflops());
    assertEquals(50.0, curve.staticModel().top1());
  }

  @Test
  void officialQsRunFromHalfToThreePointNine() {
    List<Double> qs = BudgetSweep.officialQs();
    assertEquals(35, qs.size());
    assertEquals(0.5, qs.get(0));
    assertEquals(3.9, qs.get(34));
  }
}
