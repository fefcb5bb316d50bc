package dev.adafocus.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.engine.NativeScope;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.pytorch.Scalar;
import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

/** Sequential frees each layer's temporaries and intermediate outputs as it goes, without changing results. */
class SequentialTest {
  /** Adds one, keeping a temporary and its output for inspection. */
  static final class AddOne extends Layer {
    final List<Tensor> temporaries = new ArrayList<>();
    final List<Tensor> outputs = new ArrayList<>();

    @Override
    public Tensor forward(Tensor x) {
      Tensor temporary = x.mul(new Scalar(1.0));
      Tensor y = temporary.add(new Scalar(1.0));
      temporaries.add(temporary);
      outputs.add(y);
      return y;
    }
  }

  @Test
  void intermediatesAreFreedAndTheOutputBelongsToTheCaller() {
    AddOne a = new AddOne();
    AddOne b = new AddOne();
    AddOne c = new AddOne();
    Sequential seq = new Sequential(a, b, new Dropout(0), c);
    Tensor out;
    try (NativeScope caller = NativeScope.open()) {
      Tensor x = torch.zeros(new long[] {4}, new TensorOptions(ScalarType.Float));
      out = seq.forward(x);
      assertFalse(x.isNull(), "the input is the caller's");
      assertTrue(a.temporaries.get(0).isNull() && b.temporaries.get(0).isNull() && c.temporaries.get(0).isNull(),
          "each layer's temporaries are freed when it returns");
      assertTrue(a.outputs.get(0).isNull() && b.outputs.get(0).isNull(), "intermediate outputs are freed once consumed");
      assertSame(c.outputs.get(0), out);
      assertEquals(12.0, out.sum().item_double(), 0.0);
    }
    assertTrue(out.isNull(), "the output is freed with the caller's scope");
  }

  @Test
  void aRangeOfLayersRunsOnlyThoseLayers() {
    AddOne a = new AddOne();
    AddOne b = new AddOne();
    AddOne c = new AddOne();
    Sequential seq = new Sequential(a, b, c);
    try (NativeScope caller = NativeScope.open()) {
      Tensor x = torch.zeros(new long[] {2}, new TensorOptions(ScalarType.Float));
      Tensor middle = seq.forward(x, 1, 2);
      assertEquals(List.of(0, 1, 0), List.of(a.outputs.size(), b.outputs.size(), c.outputs.size()));
      assertEquals(2.0, middle.sum().item_double(), 0.0);
      assertEquals(6.0, seq.forward(seq.forward(x, 0, 1), 1, 3).sum().item_double(), 0.0, "two ranges make the whole");
      assertSame(x, seq.forward(x, 2, 2), "an empty range passes the input through");
    }
  }

  @Test
  void identityLayersPassTheInputThrough() {
    try (NativeScope caller = NativeScope.open()) {
      Tensor x = torch.ones(new long[] {3}, new TensorOptions(ScalarType.Float));
      assertSame(x, new Sequential(new Dropout(0)).forward(x));
      assertSame(x, new Sequential().forward(x));
      assertFalse(x.isNull());
    }
  }

  @Test
  void gradientsAreThoseOfTheLayersCalledDirectly() {
    try (NativeScope caller = NativeScope.open()) {
      Linear first = new Linear(3, 5);
      Activation act = Activation.tanh();
      Linear second = new Linear(5, 2);
      Tensor x = torch.randn(new long[] {4, 3}, new TensorOptions(ScalarType.Float));
      Tensor weight = first.named_parameters(true).get(0).value();
      second.forward(act.forward(first.forward(x))).sum().backward();
      Tensor direct = weight.grad().clone();
      weight.grad().zero_();
      new Sequential(first, act, second).forward(x).sum().backward();
      assertTrue(direct.abs().sum().item_double() > 0);
      assertTrue(torch.equal(direct, weight.grad()), "backward through freed intermediate handles");
    }
  }
}
