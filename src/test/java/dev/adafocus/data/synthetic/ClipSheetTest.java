package dev.adafocus.data.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.adafocus.AdaFocusException;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipSheetTest {
  @Test
  void sheetHasThreeRowsOfFramesAndShowsTheRedTarget(@TempDir Path dir) throws Exception {
    SyntheticBenchmark config = new SyntheticBenchmark(64, 3, 20, 1, 2, 5, 8, 0, true, 10, 10, 2, 5, LabelRule.DIGIT);
    Path png = dir.resolve("sheet.png");
    ClipSheet.write(png, new BenchmarkGenerator(config).clip(Split.TRAIN, 4), 24, 4);
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(3 * (128 + 4), img.getWidth());
    assertEquals(3 * (128 + 4), img.getHeight());
    int red = 0;
    for (int y = 2 * 132; y < 2 * 132 + 128; y++) {
      for (int x = 0; x < 128; x++) {
        int p = img.getRGB(x, y);
        red += ((p >> 16) & 255) > 150 && ((p >> 8) & 255) < 90 ? 1 : 0;
      }
    }
    assertTrue(red > 100, "the oracle patch row shows only " + red + " red pixels");
    SyntheticClip clip = new BenchmarkGenerator(config).clip(Split.TRAIN, 0);
    assertThrows(AdaFocusException.class, () -> ClipSheet.write(dir.resolve("x.png"), clip, 65, 4));
  }
}
