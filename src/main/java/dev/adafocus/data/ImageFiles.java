package dev.adafocus.data;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;

/** Image files (JPEG, PNG) to and from {@link RgbFrame}, with the JDK's ImageIO. */
public final class ImageFiles {
  private ImageFiles() {}

  /**
   * Decodes an image file; throws {@link IOException} when it is missing, unreadable, not an image, or damaged
   * (the decoder warns, e.g. of a JPEG cut short, instead of filling the missing part silently).
   */
  public static RgbFrame read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
      Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
      if (readers == null || !readers.hasNext()) {
        throw new IOException("not a readable image (JPEG/PNG/BMP)");
      }
      ImageReader reader = readers.next();
      List<String> warnings = new ArrayList<>();
      BufferedImage img;
      try {
        reader.setInput(in, true, true);
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        img = reader.read(0);
      } finally {
        reader.dispose();
      }
      if (!warnings.isEmpty()) {
        throw new IOException("damaged image (" + String.join("; ", warnings) + ")");
      }
      return toRgb(img);
    }
  }

  /** Copies a BufferedImage's pixels as RGB bytes (grey images are replicated to three channels unchanged). */
  public static RgbFrame toRgb(BufferedImage img) {
    int w = img.getWidth();
    int h = img.getHeight();
    byte[] rgb = new byte[w * h * 3];
    if (img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
      for (int i = 0; i < w * h; i++) {
        rgb[i * 3] = bgr[i * 3 + 2];
        rgb[i * 3 + 1] = bgr[i * 3 + 1];
        rgb[i * 3 + 2] = bgr[i * 3];
      }
    } else if (img.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      byte[] g = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
      for (int i = 0; i < w * h; i++) {
        rgb[i * 3] = g[i];
        rgb[i * 3 + 1] = g[i];
        rgb[i * 3 + 2] = g[i];
      }
    } else {
      int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
      for (int i = 0; i < w * h; i++) {
        rgb[i * 3] = (byte) (argb[i] >> 16);
        rgb[i * 3 + 1] = (byte) (argb[i] >> 8);
        rgb[i * 3 + 2] = (byte) argb[i];
      }
    }
    return new RgbFrame(w, h, rgb);
  }

  /** A TYPE_3BYTE_BGR image holding {@code f}'s pixels. */
  public static BufferedImage toImage(RgbFrame f) {
    BufferedImage img = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_3BYTE_BGR);
    byte[] bgr = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    byte[] rgb = f.rgb();
    for (int i = 0; i < f.width() * f.height(); i++) {
      bgr[i * 3] = rgb[i * 3 + 2];
      bgr[i * 3 + 1] = rgb[i * 3 + 1];
      bgr[i * 3 + 2] = rgb[i * 3];
    }
    return img;
  }

  /** Writes {@code f} as a JPEG of the given quality (0..1), atomically (temporary file, then rename). */
  public static void writeJpeg(RgbFrame f, Path file, float quality) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (OutputStream os = Files.newOutputStream(tmp); ImageOutputStream ios = ImageIO.createImageOutputStream(os)) {
      writer.setOutput(ios);
      ImageWriteParam p = writer.getDefaultWriteParam();
      p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      p.setCompressionQuality(quality);
      writer.write(null, new IIOImage(toImage(f), null, null), p);
    } finally {
      writer.dispose();
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
