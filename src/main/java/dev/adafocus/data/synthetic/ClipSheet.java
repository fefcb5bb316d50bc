package dev.adafocus.data.synthetic;

import dev.adafocus.AdaFocusException;
import dev.adafocus.data.ImageFiles;
import dev.adafocus.data.RgbFrame;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * A PNG contact sheet of one clip: the frames with the ground-truth box (green) and the centre patch (yellow), the
 * same frames as a glance sees them (shrunk, shown enlarged), and the oracle patch around the object (enlarged).
 * No text is drawn, so no system font is needed.
 */
public final class ClipSheet {
  private static final int ZOOM = 2;
  private static final int GAP = 4;

  private ClipSheet() {}

  /** Writes the sheet of {@code clip} for a patch of {@code patch} pixels and a glance shrunk {@code glanceFactor}×. */
  public static void write(Path png, SyntheticClip clip, int patch, int glanceFactor) throws IOException {
    if (patch < 1 || patch > clip.width() || glanceFactor < 1 || glanceFactor > clip.width()) {
      throw new AdaFocusException("contact sheet: patch (" + patch + ") and glance factor (" + glanceFactor
          + ") must be in 1..frame size (" + clip.width() + ")");
    }
    int cell = clip.width() * ZOOM;
    int t = clip.frameCount();
    BufferedImage sheet = new BufferedImage(t * (cell + GAP), 3 * (cell + GAP),
        BufferedImage.TYPE_INT_RGB);
    Graphics2D g = sheet.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
    ObjectBox centre = new ObjectBox((clip.width() - patch) / 2, (clip.height() - patch) / 2, patch, patch);
    g.setStroke(new BasicStroke(2));
    for (int i = 0; i < t; i++) {
      int x = i * (cell + GAP);
      RgbFrame frame = clip.frame(i);
      g.drawImage(ImageFiles.toImage(frame), x, 0, cell, cell, null);
      outline(g, centre, x, Color.YELLOW);
      outline(g, clip.box(i), x, Color.GREEN);
      g.drawImage(ImageFiles.toImage(Views.downscale(frame, glanceFactor)), x, cell + GAP, cell, cell, null);
      g.drawImage(ImageFiles.toImage(Views.crop(frame, clip.box(i).centredSquare(patch, clip.width()))), x, 2 * (cell + GAP),
          cell, cell, null);
    }
    g.dispose();
    Files.createDirectories(png.toAbsolutePath().getParent());
    ImageIO.write(sheet, "png", png.toFile());
  }

  private static void outline(Graphics2D g, ObjectBox box, int x, Color colour) {
    g.setColor(colour);
    g.drawRect(x + box.x() * ZOOM, box.y() * ZOOM, box.width() * ZOOM, box.height() * ZOOM);
  }
}
