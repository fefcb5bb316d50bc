package dev.adafocus.viz;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;

/**
 * Text drawing that degrades instead of failing: on a headless machine without fonts (or without the native font
 * library) Java2D throws from its font manager; the first such failure switches text off for the process, logs one
 * warning, and the pictures are written without their captions.
 */
final class SafeText {
  /** Font size used for captions and labels, in pixels. */
  static final int FONT_SIZE = 13;
  private static final int FALLBACK_LINE_HEIGHT = FONT_SIZE + 4;
  private static volatile boolean available = true;

  private SafeText() {}

  /** Draws {@code text} with its baseline at (x, y); returns false when no font could be used. */
  static boolean draw(Graphics2D g, String text, int x, int y) {
    if (!available) {
      return false;
    }
    try {
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE));
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.drawString(text, x, y);
      return true;
    } catch (RuntimeException | Error e) {
      disable(e);
      return false;
    }
  }

  /** Height of one text line in pixels (a fixed estimate when fonts are unavailable). */
  static int lineHeight(Graphics2D g) {
    if (!available) {
      return FALLBACK_LINE_HEIGHT;
    }
    try {
      return g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE)).getHeight();
    } catch (RuntimeException | Error e) {
      disable(e);
      return FALLBACK_LINE_HEIGHT;
    }
  }

  /** Width of {@code text} in pixels (an estimate when fonts are unavailable). */
  static int width(Graphics2D g, String text) {
    if (available) {
      try {
        return g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, FONT_SIZE)).stringWidth(text);
      } catch (RuntimeException | Error e) {
        disable(e);
      }
    }
    return text.length() * FONT_SIZE * 6 / 10;
  }

  /** Whether text is being drawn in this process. */
  static boolean available() {
    return available;
  }

  private static void disable(Throwable e) {
    if (e instanceof VirtualMachineError vme) {
      throw vme;
    }
    available = false;
    System.getLogger(SafeText.class.getName()).log(System.Logger.Level.WARNING,
        "no usable font (" + e + "); pictures are written without text");
  }
}
