package dev.adafocus.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class SafeTextTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static int[] pixels(BufferedImage img) {
    return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
  }

  @Test
  void drawsTextWhenFontsWork() {
    SafeText text = new SafeText();
    BufferedImage img = new BufferedImage(80, 20, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    int[] before = pixels(img);
    assertTrue(text.draw(g, "step 1", 2, 15));
    g.dispose();
    assertFalse(java.util.Arrays.equals(before, pixels(img)), "text pixels were drawn");
    assertTrue(text.lineHeight() > 0);
  }

  @Test
  void aFailingFontSystemSwitchesTextOffInsteadOfCrashing() {
    SafeText text = new SafeText();
    // what Java2D throws on a machine without fonts
    assertFalse(text.attempt(() -> {
      throw new Error("Probable fatal error: No fonts found.");
    }));
    assertFalse(text.available());
    BufferedImage img = new BufferedImage(80, 20, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setColor(Color.WHITE);
    int[] before = pixels(img);
    assertFalse(text.draw(g, "step 1", 2, 15), "no text once fonts failed");
    assertArrayEquals(before, pixels(img), "nothing drawn");
    assertEquals(SafeText.FONT_SIZE + 4, text.lineHeight(), "layout still gets a line height");
    assertTrue(text.width("abcd") > 0, "layout still gets a text width");
    g.dispose();
  }

  @Test
  void outOfMemoryIsNotSwallowed() {
    SafeText text = new SafeText();
    assertThrows(OutOfMemoryError.class, () -> text.attempt(() -> {
      throw new OutOfMemoryError("test");
    }));
  }
}
