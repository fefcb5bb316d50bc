package dev.adafocus.viz;

import dev.adafocus.data.RgbFrame;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws one step of a {@link FocusTrace}: the frame (scaled for display, see {@link #forTrace}), the path of
 * the patch centres over the steps so far, the current patch as a 2-pixel box at its exact pixel position, and a text
 * panel below the frame with the step, the frame number and the running top-k prediction.
 */
public final class PatchOverlay {
  /** Colour of the current patch box (pure yellow, so tests can find its pixels exactly). */
  public static final Color BOX_COLOR = new Color(255, 255, 0);
  /** Colour of the path of earlier patch centres. */
  public static final Color PATH_COLOR = new Color(0, 200, 255);
  /** Thickness of the box outline in pixels, drawn inside the box's edges. */
  public static final int BOX_THICKNESS = 2;
  private static final Color HALO_COLOR = new Color(0, 0, 0);
  private static final Color PANEL_COLOR = new Color(24, 24, 24);
  private static final Color TEXT_COLOR = Color.WHITE;
  private static final Color EXIT_COLOR = new Color(255, 120, 80);
  private static final int MIN_DISPLAY_SIDE = 256;
  private static final int MAX_DISPLAY_SIDE = 640;
  private static final int PANEL_LINES = 7;
  private static final int MARGIN = 6;

  private final double scale;

  /**
   * An overlay that scales frames by {@code scale}: an integer factor ≥ 1 repeats pixels, anything else resamples
   * bilinearly.
   */
  public PatchOverlay(double scale) {
    if (!(scale > 0)) {
      throw new IllegalArgumentException("display scale must be positive, got " + scale);
    }
    this.scale = scale;
  }

  /**
   * An overlay for the trace's frames: small frames are enlarged by the smallest integer factor that makes their
   * longer side at least 256 pixels; frames longer than 640 pixels are shrunk to 640; others are shown as they are.
   */
  public static PatchOverlay forTrace(FocusTrace trace) {
    int longer = Math.max(trace.frameWidth(), trace.frameHeight());
    if (longer > MAX_DISPLAY_SIDE) {
      return new PatchOverlay((double) MAX_DISPLAY_SIDE / longer);
    }
    return new PatchOverlay(displayScale(trace.frameWidth(), trace.frameHeight(), MIN_DISPLAY_SIDE));
  }

  /** The smallest integer enlargement that makes the longer side of a w×h frame at least {@code minSide}. */
  static int displayScale(int width, int height, int minSide) {
    int longer = Math.max(width, height);
    return Math.max(1, (minSide + longer - 1) / longer);
  }

  /** The scale factor applied to frames. */
  public double scale() {
    return scale;
  }

  /** The picture of step {@code t} (0-based): frame, path, box and the text panel below the frame. */
  public BufferedImage render(FocusTrace trace, int t) {
    BufferedImage frame = scaledImage(trace.steps().get(t).frame(), scale);
    int w = frame.getWidth();
    int h = frame.getHeight();
    int lineHeight = SafeText.SHARED.lineHeight();
    BufferedImage out = new BufferedImage(w, h + PANEL_LINES * lineHeight + 2 * MARGIN, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    try {
      g.drawImage(frame, 0, 0, null);
      List<PatchBox> path = new ArrayList<>();
      for (int s = 0; s <= t; s++) {
        path.add(trace.box(s).scaled(scale));
      }
      drawPath(g, path);
      drawBox(g, path.get(t), BOX_COLOR);
      g.setColor(PANEL_COLOR);
      g.fillRect(0, h, w, out.getHeight() - h);
      drawPanel(g, trace, t, MARGIN, h + MARGIN, lineHeight);
    } finally {
      g.dispose();
    }
    return out;
  }

  /** The pictures of all steps, in processing order. */
  public List<BufferedImage> renderAll(FocusTrace trace) {
    List<BufferedImage> frames = new ArrayList<>();
    for (int t = 0; t < trace.steps().size(); t++) {
      frames.add(render(trace, t));
    }
    return frames;
  }

  /**
   * The frame as an RGB image of {@code round(width·scale)} × {@code round(height·scale)} pixels: pixel repetition
   * for an integer scale ≥ 1, bilinear resampling otherwise.
   */
  public static BufferedImage scaledImage(RgbFrame frame, double scale) {
    if (scale >= 1 && scale == Math.rint(scale)) {
      return toImage(frame, (int) scale);
    }
    int w = (int) Math.round(frame.width() * scale);
    int h = (int) Math.round(frame.height() * scale);
    BufferedImage out = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = out.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(toImage(frame, 1), 0, 0, out.getWidth(), out.getHeight(), null);
    g.dispose();
    return out;
  }

  /** The frame as an RGB image enlarged {@code scale} times by pixel repetition. */
  private static BufferedImage toImage(RgbFrame frame, int scale) {
    int w = frame.width();
    int h = frame.height();
    BufferedImage img = new BufferedImage(w * scale, h * scale, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[w * scale];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int rgb = (frame.at(x, y, 0) << 16) | (frame.at(x, y, 1) << 8) | frame.at(x, y, 2);
        for (int k = 0; k < scale; k++) {
          row[x * scale + k] = rgb;
        }
      }
      for (int k = 0; k < scale; k++) {
        img.setRGB(0, y * scale + k, w * scale, 1, row, 0, w * scale);
      }
    }
    return img;
  }

  /**
   * Draws {@code box} as an outline {@link #BOX_THICKNESS} pixels thick lying just inside its rounded edges: columns
   * {@code left()..left()+1} and {@code right()-2..right()-1}, rows likewise. No anti-aliasing, so every outline
   * pixel has exactly {@code color}. A 1-pixel dark line on each side keeps the box visible on bright backgrounds.
   */
  static void drawBox(Graphics2D g, PatchBox box, Color color) {
    Object aa = g.getRenderingHint(RenderingHints.KEY_ANTIALIASING);
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
    int left = box.left();
    int top = box.top();
    int width = box.right() - left;
    int height = box.bottom() - top;
    g.setColor(HALO_COLOR);
    outline(g, left - 1, top - 1, width + 2, height + 2, BOX_THICKNESS + 2);
    g.setColor(color);
    outline(g, left, top, width, height, BOX_THICKNESS);
    if (aa != null) {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, aa);
    }
  }

  /** Fills a rectangular ring of the given thickness inside the rectangle (left, top, width, height). */
  private static void outline(Graphics2D g, int left, int top, int width, int height, int thickness) {
    int t = Math.min(thickness, Math.min(width, height));
    g.fillRect(left, top, width, t);
    g.fillRect(left, top + height - t, width, t);
    g.fillRect(left, top, t, height);
    g.fillRect(left + width - t, top, t, height);
  }

  /** Draws the polyline through the box centres, a dot at each earlier centre and a larger one at the last. */
  static void drawPath(Graphics2D g, List<PatchBox> boxes) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(PATH_COLOR);
    if (boxes.size() > 1) {
      Path2D.Double line = new Path2D.Double();
      line.moveTo(boxes.get(0).centerX(), boxes.get(0).centerY());
      for (PatchBox b : boxes.subList(1, boxes.size())) {
        line.lineTo(b.centerX(), b.centerY());
      }
      g.setStroke(new BasicStroke(1.5f));
      g.draw(line);
    }
    for (int i = 0; i < boxes.size(); i++) {
      double r = i == boxes.size() - 1 ? 4 : 2.5;
      g.fill(new Ellipse2D.Double(boxes.get(i).centerX() - r, boxes.get(i).centerY() - r, 2 * r, 2 * r));
    }
  }

  private static void drawPanel(Graphics2D g, FocusTrace trace, int t, int x, int y, int lineHeight) {
    FocusTrace.Step step = trace.steps().get(t);
    int baseline = y + lineHeight - 3;
    g.setColor(TEXT_COLOR);
    String header = "step " + (t + 1) + "/" + trace.totalSteps() + "  frame " + step.frameIndex();
    SafeText.SHARED.draw(g, header, x, baseline);
    int shown = Math.min(step.topK().size(), PANEL_LINES - 2);
    for (int k = 0; k < shown; k++) {
      ClassScore c = step.topK().get(k);
      baseline += lineHeight;
      String line = (k + 1) + ". " + c.name() + "  " + String.format(Locale.ROOT, "%.3f", c.score());
      SafeText.SHARED.draw(g, line, x, baseline);
    }
    if (trace.exitedEarly() && t == trace.steps().size() - 1) {
      g.setColor(EXIT_COLOR);
      String note = "exit after step " + (t + 1) + " of " + trace.totalSteps();
      SafeText.SHARED.draw(g, note, x, y + PANEL_LINES * lineHeight - 3);
    }
  }
}
