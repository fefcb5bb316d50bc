package dev.adafocus.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.adafocus.engine.Engine;
import dev.adafocus.engine.NativeScope;
import dev.adafocus.engine.Tensors;
import org.bytedeco.pytorch.NoGradGuard;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptional;
import org.bytedeco.pytorch.global.torch;
import org.junit.jupiter.api.Test;

/** The one-sequence inference step computes what {@code gru_cell} computes. */
class GruTest {
  @Test
  void singleSequenceInferenceStepEqualsGruCell() {
    Engine.init();
    Engine.seed(7);
    try (NativeScope s = NativeScope.open(); Gru gru = new Gru(12, 9)) {
      Tensor x = torch.randn(1, 12);
      Tensor h = torch.randn(1, 9);
      var p = gru.named_parameters(true);
      Tensor expected = torch.gru_cell(x, h, p.get(0).value(), p.get(1).value(), new TensorOptional(p.get(2).value()),
          new TensorOptional(p.get(3).value()));
      float[] viaCell = Tensors.toFloats(expected);
      float[] viaStep;
      try (NoGradGuard g = new NoGradGuard()) {
        Tensor out = gru.step(x, h);
        assertEquals(2, out.dim());
        viaStep = Tensors.toFloats(out);
      }
      assertArrayEquals(viaCell, viaStep, 1e-6f);
    }
  }

  @Test
  void singleSequenceInferenceEqualsTheStepwiseGruCells() {
    Engine.init();
    Engine.seed(8);
    try (NativeScope s = NativeScope.open(); Gru gru = new Gru(12, 9)) {
      Tensor x = torch.randn(1, 5, 12);
      float[] expected = stepwiseGruCells(gru, x);
      float[] training = Tensors.toFloats(gru.forward(x));
      assertArrayEquals(expected, training, 0f, "with gradients on, forward runs gru_cell step by step");
      assertInferenceGives(expected, gru, x);
    }
  }

  @Test
  void projectedBatchesEqualTheStepwiseGruCellsOnlyWhenEnabled() {
    Engine.init();
    Engine.seed(9);
    try (NativeScope s = NativeScope.open(); Gru gru = new Gru(12, 9)) {
      Tensor x = torch.randn(3, 5, 12);
      float[] expected = stepwiseGruCells(gru, x);
      try (NoGradGuard g = new NoGradGuard()) {
        assertArrayEquals(expected, Tensors.toFloats(gru.forward(x)), 0f, "by default a batch runs gru_cell");
      }
      gru.projectBatches();
      assertInferenceGives(expected, gru, x);
    }
  }

  /** {@code forward(x)} without gradients is [N, T, H] and equals {@code expected} within 1e-6. */
  private static void assertInferenceGives(float[] expected, Gru gru, Tensor x) {
    try (NoGradGuard g = new NoGradGuard()) {
      Tensor out = gru.forward(x);
      assertArrayEquals(new long[] {x.size(0), x.size(1), gru.hiddenSize()}, out.sizes().vec().get());
      assertArrayEquals(expected, Tensors.toFloats(out), 1e-6f);
    }
  }

  /** x [N, T, in] through {@code gru_cell} one step at a time from h0 = 0: the outputs [N, T, H], flattened. */
  private static float[] stepwiseGruCells(Gru gru, Tensor x) {
    var p = gru.named_parameters(true);
    Tensor h = torch.zeros(x.size(0), gru.hiddenSize());
    Tensor[] states = new Tensor[(int) x.size(1)];
    for (int t = 0; t < states.length; t++) {
      h = torch.gru_cell(x.select(1, t), h, p.get(0).value(), p.get(1).value(), new TensorOptional(p.get(2).value()),
          new TensorOptional(p.get(3).value()));
      states[t] = h;
    }
    return Tensors.toFloats(torch.stack(new org.bytedeco.pytorch.TensorVector(states), 1));
  }
}
