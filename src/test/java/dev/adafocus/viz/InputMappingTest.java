package dev.adafocus.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class InputMappingTest {
  @Test
  void centreCropOfAShorterSideResizeMapsBackToTheFrame() {
    // 320x240 frame, shorter side to 256 (factor 240/256), centre 224 crop.
    InputMapping m = InputMapping.resizeShorterThenCenterCrop(320, 240, 256, 224);
    PatchBox whole = m.toDisplay(0, 0, 224, 224);
    assertEquals(240.0 * 224 / 256, whole.width(), 1e-9);
    assertEquals(160.0, whole.centerX(), 1e-9, "the crop is centred horizontally");
    assertEquals(120.0, whole.centerY(), 1e-9, "the crop is centred vertically");
    assertEquals((240 - 210) / 2.0, whole.y(), 1e-9);
  }

  @Test
  void traceBoxFollowsTheTopLeftConvention() {
    FocusTrace trace = TraceFixtures.trace(224, 224, 224, 96, InputMapping.identity(),
        new double[][] {{0.25, 0.75}}, new int[] {0});
    PatchBox box = trace.box(0);
    assertEquals(0.75 * 128, box.x(), 1e-12, "x1 = a_x (S - P)");
    assertEquals(0.25 * 128, box.y(), 1e-12, "y1 = a_y (S - P)");
    assertEquals(96, box.width(), 1e-12);
  }
}
