package dev.adafocus.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContactSheetTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final double[][] LOCATIONS = {{0.1, 0.2}, {0.9, 0.05}, {0.5, 0.95}, {0.0, 1.0}, {1.0, 0.0}};
  private static final int[] FRAMES = {4, 0, 8, 2, 6};

  @TempDir
  Path dir;

  @Test
  void tilesAreChronologicalWithEachBoxAtItsStepsLocation() {
    FocusTrace trace = TraceFixtures.trace(64, 48, 64, 16, InputMapping.resize(64, 48, 64), LOCATIONS, FRAMES);
    ContactSheet.Layout layout = ContactSheet.layout(trace);
    assertEquals(3.0, layout.scale(), "64-px frames are enlarged 3x towards 160 px");
    List<Integer> order = ContactSheet.chronologicalSteps(trace);
    assertEquals(List.of(1, 3, 0, 4, 2), order, "tiles sorted by frame index");
    BufferedImage sheet = ContactSheet.render(trace, "top-1: digit 4 (0.70)\n0.9 GFLOPs");
    for (int i = 0; i < order.size(); i++) {
      int t = order.get(i);
      double ay = LOCATIONS[t][0];
      double ax = LOCATIONS[t][1];
      int left = layout.tileX(i) + TraceFixtures.expectedStart(ax, 64, 16, 0, 1, 3);
      int right = layout.tileX(i) + TraceFixtures.expectedEnd(ax, 64, 16, 0, 1, 3);
      int top = layout.tileY(i) + TraceFixtures.expectedStart(ay, 64, 16, 0, 0.75, 3);
      int bottom = layout.tileY(i) + TraceFixtures.expectedEnd(ay, 64, 16, 0, 0.75, 3);
      PatchOverlayTest.assertOutline(sheet, layout.tileX(i), layout.tileY(i), left, top, right, bottom);
    }
  }

  @Test
  void writesAPngOfTheGridAndCaption() throws Exception {
    FocusTrace trace = TraceFixtures.trace(64, 64, 64, 16, InputMapping.identity(), LOCATIONS, FRAMES);
    Path png = dir.resolve("sub/sheet.png");
    ContactSheet.write(png, trace, "caption line");
    BufferedImage read = ImageIO.read(png.toFile());
    ContactSheet.Layout layout = ContactSheet.layout(trace);
    assertEquals(ContactSheet.GAP + 5 * (layout.tileWidth() + ContactSheet.GAP), read.getWidth());
    assertTrue(read.getHeight() > layout.tileHeight() + layout.labelHeight(), "grid plus caption");
    try (var files = Files.list(png.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void aLongCaptionWidensTheSheet() {
    FocusTrace one = TraceFixtures.trace(64, 64, 64, 16, InputMapping.identity(), new double[][] {{0.5, 0.5}},
        new int[] {0});
    int gridWidth = ContactSheet.GAP + ContactSheet.layout(one).tileWidth() + ContactSheet.GAP;
    String caption = "prediction: a rather long class name (0.93)   GFLOPs per video: 12.345   exit after step 3 of 16";
    BufferedImage sheet = ContactSheet.render(one, caption);
    assertEquals(SafeText.SHARED.width(caption) + 2 * ContactSheet.GAP, sheet.getWidth());
    assertTrue(sheet.getWidth() > gridWidth, "caption wider than one tile");
  }

  @Test
  void demoPicturesAreTheAnimationAndItsSheet() {
    FocusTrace trace = TraceFixtures.trace(64, 64, 64, 16, InputMapping.identity(), LOCATIONS, FRAMES);
    FocusPictures.Written w = FocusPictures.write(trace, dir.resolve("out.gif"), "caption", 300);
    assertEquals(dir.resolve("out_sheet.png"), w.contactSheet());
    assertEquals(LOCATIONS.length, VideoFrames.readAll(w.animation().file()).size());
    assertTrue(Files.isRegularFile(w.contactSheet()));
  }
}
