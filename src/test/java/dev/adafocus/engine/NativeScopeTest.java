package dev.adafocus.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.pytorch.Tensor;
import org.bytedeco.pytorch.TensorOptions;
import org.bytedeco.pytorch.global.torch;
import org.bytedeco.pytorch.global.torch.ScalarType;
import org.junit.jupiter.api.Test;

/** Tensors live until their scope closes, unless kept into the enclosing scope or released early. */
class NativeScopeTest {
  private static Tensor ones() {
    return torch.ones(new long[] {2, 3}, new TensorOptions(ScalarType.Float));
  }

  @Test
  void closingAScopeFreesItsTensors() {
    Tensor t;
    try (NativeScope s = NativeScope.open()) {
      t = ones();
      assertFalse(t.isNull());
    }
    assertTrue(t.isNull());
  }

  @Test
  void keptTensorMovesToTheEnclosingScope() {
    Tensor kept;
    Tensor dropped;
    try (NativeScope outer = NativeScope.open()) {
      try (NativeScope inner = NativeScope.open()) {
        kept = inner.keep(ones());
        dropped = ones();
      }
      assertTrue(dropped.isNull(), "the inner scope frees what it did not keep");
      assertFalse(kept.isNull(), "the kept tensor outlives the inner scope");
      assertEquals(6.0, kept.sum().item_double(), 0.0);
    }
    assertTrue(kept.isNull(), "the enclosing scope frees the kept tensor when it closes");
  }

  @Test
  void releaseFreesATensorBeforeItsScopeCloses() {
    try (NativeScope s = NativeScope.open()) {
      Tensor early = ones();
      Tensor late = ones();
      s.release(early);
      assertTrue(early.isNull());
      assertFalse(late.isNull());
    }
  }

  @Test
  void aViewOutlivesTheReleasedHandleItCameFrom() {
    try (NativeScope s = NativeScope.open()) {
      Tensor base = ones();
      Tensor view = base.view(6);
      s.release(base);
      assertEquals(6.0, view.sum().item_double(), 0.0, "the view keeps the storage alive");
    }
  }
}
