package dev.adafocus.viz;

import dev.adafocus.AdaFocusException;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A grid of a trace's frames in chronological order, each with its patch box, a badge giving the step at which the
 * model looked at it, and its frame number; a caption below (the style of the AdaFocus papers' visualisation figure).
 */
public final class ContactSheet {
  /** Side, in pixels, that tiles are scaled towards (small frames are enlarged by an integer factor). */
  public static final int TILE_SIDE = 160;
  /** Gap between tiles and around the grid, in pixels. */
  public static final int GAP = 8;
  private static final int MAX_COLUMNS = 8;
  private static final Color BADGE_COLOR = new Color(200, 30, 30);

  private ContactSheet() {}

  /** Where tile {@code i} (chronological order) starts and how frames are scaled, so tests can locate boxes. */
  public record Layout(int columns, double scale, int tileWidth, int tileHeight, int labelHeight) {
    /** Left edge of tile {@code i}. */
    public int tileX(int i) {
      return GAP + (i % columns) * (tileWidth + GAP);
    }

    /** Top edge of tile {@code i}. */
    public int tileY(int i) {
      return GAP + (i / columns) * (tileHeight + labelHeight + GAP);
    }
  }

  /** The layout used for {@code trace}: at most 8 columns, tiles near {@link #TILE_SIDE} pixels. */
  public static Layout layout(FocusTrace trace) {
    int w = trace.frameWidth();
    int h = trace.frameHeight();
    int longer = Math.max(w, h);
    double scale = longer <= TILE_SIDE ? PatchOverlay.displayScale(w, h, TILE_SIDE) : (double) TILE_SIDE / longer;
    int columns = Math.min(trace.steps().size(), MAX_COLUMNS);
    int labelHeight = SafeText.SHARED.lineHeight() + 2;
    return new Layout(columns, scale, (int) Math.round(w * scale), (int) Math.round(h * scale), labelHeight);
  }

  /** The trace's steps sorted by frame index, as drawn left to right, top to bottom. */
  public static List<Integer> chronologicalSteps(FocusTrace trace) {
    List<Integer> order = new ArrayList<>();
    for (int t = 0; t < trace.steps().size(); t++) {
      order.add(t);
    }
    order.sort(Comparator.comparingInt(t -> trace.steps().get(t).frameIndex()));
    return order;
  }

  /** Draws the sheet; {@code caption} lines (separated by '\n') go below the grid. */
  public static BufferedImage render(FocusTrace trace, String caption) {
    Layout layout = layout(trace);
    List<Integer> order = chronologicalSteps(trace);
    int rows = (order.size() + layout.columns() - 1) / layout.columns();
    String[] captionLines = caption.isEmpty() ? new String[0] : caption.split("\n");
    int width = GAP + layout.columns() * (layout.tileWidth() + GAP);
    for (String line : captionLines) {
      width = Math.max(width, SafeText.SHARED.width(line) + 2 * GAP);
    }
    int gridHeight = GAP + rows * (layout.tileHeight() + layout.labelHeight() + GAP);
    BufferedImage sheet = new BufferedImage(width, gridHeight + captionLines.length * layout.labelHeight() + GAP,
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
      for (int i = 0; i < order.size(); i++) {
        drawTile(g, trace, order.get(i), layout, layout.tileX(i), layout.tileY(i));
      }
      g.setColor(Color.BLACK);
      for (int k = 0; k < captionLines.length; k++) {
        SafeText.SHARED.draw(g, captionLines[k], GAP, gridHeight + (k + 1) * layout.labelHeight() - 4);
      }
    } finally {
      g.dispose();
    }
    return sheet;
  }

  /** Renders the sheet and writes it as a PNG file (atomically). */
  public static void write(Path png, FocusTrace trace, String caption) {
    writePng(png, render(trace, caption));
  }

  private static void drawTile(Graphics2D g, FocusTrace trace, int t, Layout layout, int x, int y) {
    FocusTrace.Step step = trace.steps().get(t);
    BufferedImage frame = PatchOverlay.scaledImage(step.frame(), layout.scale());
    Graphics2D tg = (Graphics2D) g.create(x, y, layout.tileWidth(), layout.tileHeight());
    try {
      tg.drawImage(frame, 0, 0, null);
      PatchOverlay.drawBox(tg, trace.box(t).scaled(layout.scale()), PatchOverlay.BOX_COLOR);
      String badge = Integer.toString(t + 1);
      int badgeWidth = SafeText.SHARED.width(badge) + 8;
      tg.setColor(BADGE_COLOR);
      tg.fillRect(0, 0, badgeWidth, layout.labelHeight());
      tg.setColor(Color.WHITE);
      SafeText.SHARED.draw(tg, badge, 4, layout.labelHeight() - 5);
    } finally {
      tg.dispose();
    }
    g.setColor(Color.DARK_GRAY);
    SafeText.SHARED.draw(g, "frame " + step.frameIndex(), x, y + layout.tileHeight() + layout.labelHeight() - 4);
  }

  /** Writes {@code image} as a PNG next to {@code png} and moves it into place. */
  private static void writePng(Path png, BufferedImage image) {
    Path target = png.toAbsolutePath();
    try {
      Files.createDirectories(target.getParent());
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".tmp");
      try {
        if (!ImageIO.write(image, "png", tmp.toFile())) {
          throw new IllegalStateException("this Java runtime has no PNG image writer");
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new AdaFocusException(png + ": cannot write the PNG: " + e.getMessage(), e);
    }
  }
}
