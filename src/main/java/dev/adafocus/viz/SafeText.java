package dev.adafocus.viz;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.function.ToIntFunction;

/**
 * Text drawing that degrades instead of failing: on a headless machine without fonts (or without the native font
 * library) Java2D throws from its font manager; the first such failure switches text off, logs one warning, and the
 * pictures are written without their text. {@link #SHARED} is the process-wide instance the pictures use.
 */
final class SafeText {
  /** The instance used for all pictures, so a missing font is reported once per process. */
  static final SafeText SHARED = new SafeText();
  /** Font size used for captions and labels, in pixels. */
  static final int FONT_SIZE = 13;
  private static final int FALLBACK_LINE_HEIGHT = FONT_SIZE + 4;
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE);

  private volatile boolean available = true;

  /** Draws {@code text} with its baseline at (x, y); returns false when no font could be used. */
  boolean draw(Graphics2D g, String text, int x, int y) {
    return attempt(() -> {
      g.setFont(FONT);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.drawString(text, x, y);
    });
  }

  /** Height of one text line in pixels (a fixed estimate when fonts are unavailable). */
  int lineHeight() {
    return measure(metrics -> metrics.getHeight(), FALLBACK_LINE_HEIGHT);
  }

  /** Width of {@code text} in pixels (an estimate when fonts are unavailable). */
  int width(String text) {
    return measure(metrics -> metrics.stringWidth(text), text.length() * FONT_SIZE * 6 / 10);
  }

  /** Whether text is being drawn. */
  boolean available() {
    return available;
  }

  /** Runs a font-using drawing step; false (and text off from now on) when the font system fails. */
  boolean attempt(Runnable drawing) {
    if (!available) {
      return false;
    }
    try {
      drawing.run();
      return true;
    } catch (RuntimeException | Error e) {
      disable(e);
      return false;
    }
  }

  private int measure(ToIntFunction<FontMetrics> metric, int fallback) {
    int[] value = {fallback};
    attempt(() -> {
      Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
      try {
        value[0] = metric.applyAsInt(g.getFontMetrics(FONT));
      } finally {
        g.dispose();
      }
    });
    return value[0];
  }

  private void disable(Throwable e) {
    if (e instanceof VirtualMachineError vme) {
      throw vme;
    }
    available = false;
    System.getLogger(SafeText.class.getName()).log(System.Logger.Level.WARNING,
        "no usable font (" + e + "); pictures are written without text");
  }
}
