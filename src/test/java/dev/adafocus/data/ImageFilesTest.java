package dev.adafocus.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
  @TempDir Path dir;

  @Test
  void greyImagesKeepTheirValuesInAllThreeChannels() throws IOException {
    BufferedImage grey = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(1, 0, 0, 37);
    grey.getRaster().setSample(2, 1, 0, 200);
    Path p = dir.resolve("g.png");
    ImageIO.write(grey, "png", p.toFile());
    RgbFrame f = ImageFiles.read(p);
    assertEquals(37, f.at(1, 0, 0));
    assertEquals(37, f.at(1, 0, 2));
    assertEquals(200, f.at(2, 1, 1));
  }

  @Test
  void rgbRoundTripsThroughPngAndIntImages() throws IOException {
    RgbFrame f = new RgbFrame(2, 1, new byte[] {1, 2, 3, (byte) 250, (byte) 128, 0});
    Path p = dir.resolve("c.png");
    ImageIO.write(ImageFiles.toImage(f), "png", p.toFile());
    assertArrayEquals(f.rgb(), ImageFiles.read(p).rgb());
    BufferedImage argb = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
    argb.setRGB(1, 0, 0xff102030);
    assertArrayEquals(new byte[] {0, 0, 0, 0x10, 0x20, 0x30}, ImageFiles.toRgb(argb).rgb());
  }

  @Test
  void missingAndNonImageFilesAreIoErrors() throws IOException {
    assertThrows(NoSuchFileException.class, () -> ImageFiles.read(dir.resolve("none.jpg")));
    Path bad = dir.resolve("bad.jpg");
    java.nio.file.Files.writeString(bad, "text");
    assertThrows(IOException.class, () -> ImageFiles.read(bad));
  }
}
