package dev.adafocus.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.adafocus.CheckpointException;
import dev.adafocus.engine.HostTensor;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bytedeco.pytorch.Tensor;
import org.junit.jupiter.api.Test;

class SgdTest {
  private static Tensor param(double... values) {
    return Tensors.doubles(values, values.length).set_requires_grad(true);
  }

  /** loss = Σ c·p, so grad = c. */
  private static void backward(Tensor p, double... c) {
    try (NativeScope s = NativeScope.open()) {
      p.mul(Tensors.doubles(c, c.length)).sum().backward();
    }
  }

  @Test
  void matchesTorchSgdWithMomentumAndWeightDecayOverSteps() {
    Tensor a = param(1.0, -2.0);
    Tensor b = param(0.5);
    double m = 0.9;
    double wd = 0.1;
    try (Sgd sgd = new Sgd(List.of(new ParamGroup("focus", Map.of("a", a)), new ParamGroup("classifier", Map.of("b", b))),
        m, wd)) {
      double[] pa = {1.0, -2.0};
      double[] bufA = new double[2];
      double[] ca = {0.3, -0.7};
      double lrA = 0.1;
      double lrB = 0.5;
      double pb = 0.5;
      double bufB = 0;
      for (int step = 0; step < 3; step++) {
        backward(a, ca);
        backward(b, 2.0);
        sgd.step(Map.of("focus", lrA, "classifier", lrB), Set.of());
        sgd.zeroGrad();
        for (int i = 0; i < 2; i++) {
          double d = ca[i] + wd * pa[i];
          bufA[i] = step == 0 ? d : m * bufA[i] + d;
          pa[i] -= lrA * bufA[i];
        }
        double db = 2.0 + wd * pb;
        bufB = step == 0 ? db : m * bufB + db;
        pb -= lrB * bufB;
      }
      assertArrayEquals(pa, Tensors.toDoubles(a), 1e-12);
      assertEquals(pb, Tensors.toDoubles(b)[0], 1e-12);
      assertArrayEquals(bufA, sgd.state().get("momentum_buffer.a").toDoubles(), 1e-6);
    }
  }

  @Test
  void frozenGroupsAreNotTouched() {
    Tensor a = param(1.0);
    try (Sgd sgd = new Sgd(List.of(new ParamGroup("policy", Map.of("a", a))), 0.9, 1e-4)) {
      backward(a, 5.0);
      sgd.step(Map.of("policy", 0.1), Set.of("policy"));
      assertEquals(1.0, Tensors.toDoubles(a)[0], 0.0);
      assertEquals(0, sgd.state().size(), "no momentum buffer for a frozen parameter");
    }
  }

  @Test
  void clipGradNormScalesTheTotalNorm() {
    Tensor a = param(0.0, 0.0);
    Tensor b = param(0.0);
    try (Sgd sgd = new Sgd(List.of(new ParamGroup("g", Map.of("a", a, "b", b))), 0, 0)) {
      backward(a, 3.0, 0.0);
      backward(b, 4.0);
      assertEquals(5.0, sgd.clipGradNorm(1.0), 1e-12);
      sgd.step(Map.of("g", 1.0), Set.of());
      assertArrayEquals(new double[] {-0.6, 0.0}, Tensors.toDoubles(a), 1e-6);
      assertEquals(-0.8, Tensors.toDoubles(b)[0], 1e-6);
    }
  }

  @Test
  void stateRoundTripsAndRejectsForeignBuffers() {
    Tensor a = param(1.0, 2.0);
    try (Sgd sgd = new Sgd(List.of(new ParamGroup("g", Map.of("a", a))), 0.9, 0)) {
      sgd.load(Map.of("momentum_buffer.a", HostTensor.ofDoubles(new long[] {2}, new double[] {1, 1})), "ckpt");
      backward(a, 0.0, 0.0);
      sgd.step(Map.of("g", 1.0), Set.of());
      assertArrayEquals(new double[] {0.1, 1.1}, Tensors.toDoubles(a), 1e-12, "buf = 0.9·1 + 0");
      CheckpointException e = assertThrows(CheckpointException.class, () -> sgd.load(
          Map.of("momentum_buffer.zz", HostTensor.ofDoubles(new long[] {2}, new double[] {1, 1})), "ckpt"));
      assertEquals("ckpt: optimiser state for 'zz', which is not a trainable parameter", e.getMessage());
      assertThrows(CheckpointException.class, () -> sgd.load(
          Map.of("momentum_buffer.a", HostTensor.ofDoubles(new long[] {3}, new double[] {1, 1, 1})), "ckpt"));
    }
  }
}
