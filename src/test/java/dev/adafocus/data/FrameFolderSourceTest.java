package dev.adafocus.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrameFolderSourceTest {
  @TempDir Path dir;

  static RgbFrame solid(int w, int h, int value) {
    byte[] b = new byte[w * h * 3];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) (value + i % 3);
    }
    return new RgbFrame(w, h, b);
  }

  /** Writes {@code n} lossless frames {@code value = 10·(k+1)} named by {@code template}. */
  static void writeFrames(Path folder, FrameTemplate template, int n) throws IOException {
    Files.createDirectories(folder);
    for (int k = 0; k < n; k++) {
      ImageIO.write(ImageFiles.toImage(solid(6, 4, 10 * (k + 1))), "png", folder.resolve(template.fileName(k)).toFile());
    }
  }

  @Test
  void templatesAreOneBased() {
    assertEquals("image_00001.jpg", FrameTemplate.IMAGE.fileName(0));
    assertEquals("img_00012.jpg", FrameTemplate.IMG.fileName(11));
    assertEquals("00003.jpg", FrameTemplate.FIVE_DIGITS.fileName(2));
    assertEquals("000010.jpg", FrameTemplate.SIX_DIGITS.fileName(9));
    assertEquals("img_00002.jpg", new FrameTemplate("img_{:05d}.jpg").fileName(1));
    assertThrows(IllegalArgumentException.class, () -> new FrameTemplate("frame.jpg"));
    assertThrows(IllegalArgumentException.class, () -> new FrameTemplate("%d_%d.jpg"));
  }

  @Test
  void readsTheFrameFileOfEachIndex() throws IOException {
    FrameTemplate t = new FrameTemplate("img_%05d.png");
    writeFrames(dir.resolve("my video"), t, 5);
    VideoRecord r = new VideoRecord("my video", 5, new int[] {1}, dir.resolve("list.txt"), 3);
    try (FrameFolderSource s = FrameFolderSource.of(dir, r, t)) {
      assertEquals(6, s.width());
      assertEquals(4, s.height());
      assertEquals(5, s.frameCount());
      assertArrayEquals(solid(6, 4, 40).rgb(), s.frame(3).rgb());
      assertArrayEquals(solid(6, 4, 10).rgb(), s.frame(0).rgb());
    }
    assertEquals(5, FrameFolderSource.countFrames(dir.resolve("my video"), t));
  }

  @Test
  void missingFrameNamesTheFrameAndTheListLine() throws IOException {
    FrameTemplate t = new FrameTemplate("img_%05d.png");
    writeFrames(dir.resolve("v"), t, 3);
    Path list = dir.resolve("list.txt");
    VideoRecord r = new VideoRecord("v", 8, new int[] {0}, list, 7);
    FrameFolderSource s = FrameFolderSource.of(dir, r, t);
    DataFormatException e = assertThrows(DataFormatException.class, () -> s.frame(5));
    assertEquals(list, e.file());
    assertEquals(7, e.line());
    assertTrue(e.getMessage().contains("img_00006.png is missing"), e.getMessage());
  }

  @Test
  void unreadableFrameIsAnError() throws IOException {
    FrameTemplate t = new FrameTemplate("%05d.jpg");
    Files.createDirectories(dir.resolve("v"));
    Files.writeString(dir.resolve("v").resolve("00001.jpg"), "not a jpeg");
    FrameFolderSource s = new FrameFolderSource(dir.resolve("v"), t, 1, dir.resolve("l.txt"), 2);
    DataFormatException e = assertThrows(DataFormatException.class, () -> s.frame(0));
    assertTrue(e.getMessage().contains("cannot decode frame file"), e.getMessage());
  }

  @Test
  void truncatedJpegFrameIsAnErrorNamingTheFrame() throws IOException {
    FrameTemplate t = new FrameTemplate("%05d.jpg");
    Path folder = Files.createDirectories(dir.resolve("v"));
    Path frame = folder.resolve("00001.jpg");
    byte[] noise = new byte[64 * 48 * 3];
    new Random(1).nextBytes(noise);
    ImageFiles.writeJpeg(new RgbFrame(64, 48, noise), frame, 0.9f);
    byte[] whole = Files.readAllBytes(frame);
    Files.write(frame, Arrays.copyOf(whole, whole.length / 3));
    FrameFolderSource s = new FrameFolderSource(folder, t, 1, dir.resolve("l.txt"), 2);
    DataFormatException e = assertThrows(DataFormatException.class, () -> s.frame(0));
    assertEquals(2, e.line());
    assertTrue(e.getMessage().contains(frame + ": damaged image"), e.getMessage());
  }

  @Test
  void frameOfAnotherSizeNamesTheFrameAndBothSizes() throws IOException {
    FrameTemplate t = new FrameTemplate("img_%05d.png");
    Path folder = dir.resolve("v");
    writeFrames(folder, t, 3);
    ImageIO.write(ImageFiles.toImage(solid(8, 4, 0)), "png", folder.resolve(t.fileName(2)).toFile());
    VideoRecord r = new VideoRecord("v", 3, new int[] {0}, dir.resolve("list.txt"), 4);
    FrameFolderSource s = FrameFolderSource.of(dir, r, t);
    DataFormatException e = assertThrows(DataFormatException.class, () -> s.frame(2));
    assertEquals(4, e.line());
    assertTrue(e.getMessage().contains("img_00003.png is 8x4 but the folder's first frame img_00001.png is 6x4"),
        e.getMessage());
    assertEquals(6, s.frame(1).width());
  }
}
