package dev.adafocus.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.AdaFocusException;
import dev.adafocus.data.RgbFrame;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnimationWriterTest {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private static final double[][] LOCATIONS = {{0.1, 0.2}, {0.9, 0.05}, {0.5, 0.95}, {0.3, 0.6}};
  private static final int[] FRAMES = {5, 0, 9, 2};

  @TempDir
  Path dir;

  private static FocusTrace trace() {
    return TraceFixtures.trace(64, 64, 64, 16, InputMapping.identity(), LOCATIONS, FRAMES);
  }

  /** Whether the pixel is within {@code tolerance} per channel of the box colour. */
  private static boolean nearBox(RgbFrame f, int x, int y, int tolerance) {
    return f.at(x, y, 0) >= 255 - tolerance && f.at(x, y, 1) >= 255 - tolerance && f.at(x, y, 2) <= tolerance;
  }

  @Test
  void gifLoopsAndDecodesToOneFramePerStepWithTheBoxesInPlace() throws Exception {
    FocusTrace trace = trace();
    List<BufferedImage> pictures = new PatchOverlay(4).renderAll(trace);
    Path gif = dir.resolve("demo.gif");
    AnimationWriter.Written w = AnimationWriter.write(gif, pictures, 500);
    assertEquals("gif", w.codec());
    assertEquals(LOCATIONS.length, w.frames());

    List<RgbFrame> decoded = VideoFrames.readAll(gif);
    assertEquals(LOCATIONS.length, decoded.size(), "one decoded frame per step");
    for (int t = 0; t < decoded.size(); t++) {
      RgbFrame f = decoded.get(t);
      assertEquals(pictures.get(t).getWidth(), f.width());
      assertEquals(pictures.get(t).getHeight(), f.height());
      int left = TraceFixtures.expectedStart(LOCATIONS[t][1], 64, 16, 0, 1, 4);
      int top = TraceFixtures.expectedStart(LOCATIONS[t][0], 64, 16, 0, 1, 4);
      int right = TraceFixtures.expectedEnd(LOCATIONS[t][1], 64, 16, 0, 1, 4);
      int bottom = TraceFixtures.expectedEnd(LOCATIONS[t][0], 64, 16, 0, 1, 4);
      for (int y = top; y < bottom; y += 3) {
        assertTrue(nearBox(f, left, y, 16), "step " + (t + 1) + ": box at (" + left + ", " + y + ")");
        assertTrue(nearBox(f, right - 1, y, 16), "step " + (t + 1) + ": box at (" + (right - 1) + ", " + y + ")");
      }
      assertFalse(nearBox(f, left + 3, (top + bottom) / 2, 16), "no box inside the outline");
    }
    assertEquals("loops=true delay=50", timing(gif), "loops forever, 500 ms per frame");
  }

  /** The first frame's GIF metadata: whether it loops forever (NETSCAPE2.0, count 0) and its delay in 1/100 s. */
  private static String timing(Path gif) throws Exception {
    try (ImageInputStream in = ImageIO.createImageInputStream(gif.toFile())) {
      ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
      reader.setInput(in);
      IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
      boolean loops = false;
      var apps = root.getElementsByTagName("ApplicationExtension");
      for (int i = 0; i < apps.getLength(); i++) {
        IIOMetadataNode app = (IIOMetadataNode) apps.item(i);
        byte[] data = (byte[]) app.getUserObject();
        loops |= "NETSCAPE".equals(app.getAttribute("applicationID")) && data[0] == 1 && data[1] == 0 && data[2] == 0;
      }
      IIOMetadataNode control = (IIOMetadataNode) root.getElementsByTagName("GraphicControlExtension").item(0);
      return "loops=" + loops + " delay=" + control.getAttribute("delayTime");
    }
  }

  @Test
  void mp4DecodesToOneFramePerStep() {
    FocusTrace trace = trace();
    List<BufferedImage> pictures = new PatchOverlay(4).renderAll(trace);
    Path mp4 = dir.resolve("demo.mp4");
    AnimationWriter.Written w = AnimationWriter.write(mp4, pictures, 500);
    assertTrue(w.codec().contains("264") || !w.note().isEmpty(), "H.264, or a note saying why not: " + w);
    List<RgbFrame> decoded = VideoFrames.readAll(mp4);
    assertEquals(LOCATIONS.length, decoded.size(), "one decoded frame per step");
    int evenHeight = pictures.get(0).getHeight() + (pictures.get(0).getHeight() & 1);
    assertEquals(256, decoded.get(0).width());
    assertEquals(evenHeight, decoded.get(0).height());
    int left = TraceFixtures.expectedStart(LOCATIONS[0][1], 64, 16, 0, 1, 4);
    int top = TraceFixtures.expectedStart(LOCATIONS[0][0], 64, 16, 0, 1, 4);
    int bottom = TraceFixtures.expectedEnd(LOCATIONS[0][0], 64, 16, 0, 1, 4);
    assertTrue(nearBox(decoded.get(0), left, (top + bottom) / 2, 60), "box visible after lossy coding");
  }

  @Test
  void unknownExtensionIsRejectedWithTheFileName() {
    Path avi = dir.resolve("demo.avi");
    AdaFocusException e = assertThrows(AdaFocusException.class,
        () -> AnimationWriter.write(avi, new PatchOverlay(1).renderAll(trace()), 500));
    assertTrue(e.getMessage().contains("demo.avi") && e.getMessage().contains(".gif or .mp4"), e.getMessage());
    assertFalse(Files.exists(avi));
  }

  @Test
  void unwritablePathIsRejectedWithTheFileName() throws Exception {
    Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
    Path gif = notAFolder.resolve("demo.gif");
    AdaFocusException e = assertThrows(AdaFocusException.class,
        () -> AnimationWriter.write(gif, new PatchOverlay(1).renderAll(trace()), 500));
    assertTrue(e.getMessage().contains(gif.toString()), e.getMessage());
  }
}
