package dev.adafocus.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.GraphicsEnvironment;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class PatchOverlayTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final double[][] LOCATIONS = {{0.1, 0.2}, {0.9, 0.05}, {0.5, 0.95}};
  private static final int[] FRAMES = {3, 0, 7};

  /**
   * Asserts the 2-px outline of the box spanning [left, right) × [top, bottom) and the dark lines around it, within a
   * frame drawn from (frameLeft, frameTop).
   */
  static void assertOutline(BufferedImage img, int frameLeft, int frameTop, int left, int top, int right, int bottom) {
    for (int y = top; y < bottom; y++) {
      for (int x : new int[] {left, left + 1, right - 2, right - 1}) {
        assertTrue(TraceFixtures.isBox(img, x, y), "box outline expected at (" + x + ", " + y + ")");
      }
    }
    for (int x = left; x < right; x++) {
      for (int y : new int[] {top, top + 1, bottom - 2, bottom - 1}) {
        assertTrue(TraceFixtures.isBox(img, x, y), "box outline expected at (" + x + ", " + y + ")");
      }
    }
    int midY = (top + bottom) / 2;
    int midX = (left + right) / 2;
    assertFalse(TraceFixtures.isBox(img, left + 2, midY), "outline must be 2 px thick (inside, left)");
    assertFalse(TraceFixtures.isBox(img, right - 3, midY), "outline must be 2 px thick (inside, right)");
    assertFalse(TraceFixtures.isBox(img, midX, top + 2), "outline must be 2 px thick (inside, top)");
    if (left > frameLeft) {
      assertEquals(0, img.getRGB(left - 1, midY) & 0xffffff, "dark line left of the box");
    }
    if (top > frameTop) {
      assertEquals(0, img.getRGB(midX, top - 1) & 0xffffff, "dark line above the box");
    }
    assertEquals(0, img.getRGB(left + 2, midY) & 0xffffff, "dark line inside the box");
  }

  /**
   * Renders every step with a {@code display}-times enlargement and checks its box against the policy's location,
   * for a model input mapped onto the frame with scales (mapX, mapY) and no offset.
   */
  private static void assertEveryStepsBox(FocusTrace trace, int display, double mapX, double mapY) {
    PatchOverlay overlay = new PatchOverlay(display);
    int s = trace.inputSize();
    int p = trace.patchSize();
    for (int t = 0; t < LOCATIONS.length; t++) {
      BufferedImage img = overlay.render(trace, t);
      double ay = LOCATIONS[t][0];
      double ax = LOCATIONS[t][1];
      int left = TraceFixtures.expectedStart(ax, s, p, 0, mapX, display);
      int top = TraceFixtures.expectedStart(ay, s, p, 0, mapY, display);
      int right = TraceFixtures.expectedEnd(ax, s, p, 0, mapX, display);
      int bottom = TraceFixtures.expectedEnd(ay, s, p, 0, mapY, display);
      assertOutline(img, 0, 0, left, top, right, bottom);
    }
  }

  @Test
  void boxIsDrawnAtThePolicyLocationOnTheModelInput() {
    assertEveryStepsBox(TraceFixtures.trace(64, 64, 64, 16, InputMapping.identity(), LOCATIONS, FRAMES), 4, 1, 1);
  }

  @Test
  void boxIsMappedFromTheModelInputToTheOriginalFrame() {
    // 120x80 frame resized to a 40x40 model input: x scales by 3, y by 2.
    assertEveryStepsBox(TraceFixtures.trace(120, 80, 40, 10, InputMapping.resize(120, 80, 40), LOCATIONS, FRAMES),
        3, 3, 2);
  }

  @Test
  void largeFramesAreShrunkAndKeepTheirBoxes() {
    FocusTrace trace = TraceFixtures.trace(1280, 720, 224, 96, InputMapping.resize(1280, 720, 224), LOCATIONS, FRAMES);
    PatchOverlay overlay = PatchOverlay.forTrace(trace);
    assertEquals(0.5, overlay.scale(), 1e-12, "1280 px shrunk to 640");
    assertEquals(640, overlay.render(trace, 0).getWidth());
    for (int t = 0; t < LOCATIONS.length; t++) {
      BufferedImage img = overlay.render(trace, t);
      int left = (int) Math.round(LOCATIONS[t][1] * 128 * 1280 / 224 * 0.5);
      int top = (int) Math.round(LOCATIONS[t][0] * 128 * 720 / 224 * 0.5);
      int right = (int) Math.round((LOCATIONS[t][1] * 128 + 96) * 1280 / 224 * 0.5);
      int bottom = (int) Math.round((LOCATIONS[t][0] * 128 + 96) * 720 / 224 * 0.5);
      assertOutline(img, 0, 0, left, top, right, bottom);
    }
  }

  @Test
  void pathMarksTheEarlierPatchCentres() {
    FocusTrace trace = TraceFixtures.trace(64, 64, 64, 16, InputMapping.identity(), LOCATIONS, FRAMES);
    BufferedImage last = new PatchOverlay(4).render(trace, 2);
    for (int s = 0; s < 2; s++) {
      PatchBox b = trace.box(s).scaled(4);
      int rgb = last.getRGB((int) b.centerX(), (int) b.centerY()) & 0xffffff;
      assertEquals(PatchOverlay.PATH_COLOR.getRGB() & 0xffffff, rgb, "dot at the centre of step " + (s + 1));
    }
    BufferedImage first = new PatchOverlay(4).render(trace, 0);
    PatchBox later = trace.box(2).scaled(4);
    assertFalse((first.getRGB((int) later.centerX(), (int) later.centerY()) & 0xffffff)
        == (PatchOverlay.PATH_COLOR.getRGB() & 0xffffff), "a step's picture shows no later centres");
  }

  @Test
  void textPanelIsDrawnHeadlessBelowTheFrame() {
    assertTrue(GraphicsEnvironment.isHeadless(), "tests run with java.awt.headless=true");
    FocusTrace trace = TraceFixtures.trace(64, 64, 64, 16, InputMapping.identity(), LOCATIONS, FRAMES);
    BufferedImage img = new PatchOverlay(4).render(trace, 1);
    assertEquals(256, img.getWidth());
    assertTrue(img.getHeight() > 256, "a text panel lies below the frame");
    int background = img.getRGB(img.getWidth() - 1, img.getHeight() - 1);
    int differing = 0;
    for (int y = 256; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if (img.getRGB(x, y) != background) {
          differing++;
        }
      }
    }
    if (SafeText.SHARED.available()) {
      assertTrue(differing > 100, "the prediction text is drawn in the panel (" + differing + " text pixels)");
    } else {
      assertEquals(0, differing, "without fonts the panel stays empty");
    }
  }

  /** Number of orange (exit note) pixels below the frame. */
  private static int orangePanelPixels(BufferedImage img, int frameHeight) {
    int n = 0;
    for (int y = frameHeight; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        int rgb = img.getRGB(x, y);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        n += r > 180 && g > 60 && g < 160 && b < 110 ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void earlyExitIsNotedOnTheLastProcessedStep() {
    FocusTrace full = TraceFixtures.trace(64, 64, 64, 16, InputMapping.identity(), LOCATIONS, FRAMES);
    FocusTrace exited = new FocusTrace(full.steps(), 8, 64, 16, InputMapping.identity());
    assertTrue(exited.exitedEarly());
    assertFalse(full.exitedEarly());
    PatchOverlay overlay = new PatchOverlay(4);
    assertEquals(0, orangePanelPixels(overlay.render(full, 2), 256), "no exit note after a full run");
    assertEquals(0, orangePanelPixels(overlay.render(exited, 1), 256), "no exit note before the last step");
    if (SafeText.SHARED.available()) {
      assertTrue(orangePanelPixels(overlay.render(exited, 2), 256) > 20, "exit note on the last processed step");
    }
  }

  @Test
  void smallFramesAreEnlargedToAtLeast256Pixels() {
    FocusTrace trace = TraceFixtures.trace(64, 48, 64, 16, InputMapping.resize(64, 48, 64), LOCATIONS, FRAMES);
    PatchOverlay overlay = PatchOverlay.forTrace(trace);
    assertEquals(4, overlay.scale(), 0);
    assertEquals(256, overlay.render(trace, 0).getWidth());
    assertEquals(3, overlay.renderAll(trace).size());
  }
}
