package dev.adafocus.viz;

import dev.adafocus.AdaFocusException;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * Writes a sequence of pictures as an animation, the format chosen by the file name: {@code .gif} (animated,
 * looping forever, JDK ImageIO, one shared palette keeping the overlay's box and path colours exact) or
 * {@code .mp4} (H.264 through FFmpeg's libopenh264, falling back to MPEG-4 part 2 where H.264 is unavailable).
 * The file appears atomically: it is written next to its target and moved into place.
 */
public final class AnimationWriter {
  /** What was written: the file, the codec actually used, the number of frames, and a note about any fallback. */
  public record Written(Path file, String codec, int frames, String note) {}

  private static final String GIF_METADATA = "javax_imageio_gif_image_1.0";

  private AnimationWriter() {}

  /** Writes {@code frames} (all of one size) to {@code file}, each shown for {@code frameDelayMs} milliseconds. */
  public static Written write(Path file, List<BufferedImage> frames, int frameDelayMs) {
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("an animation needs at least one frame");
    }
    BufferedImage first = frames.get(0);
    for (BufferedImage f : frames) {
      if (f.getWidth() != first.getWidth() || f.getHeight() != first.getHeight()) {
        throw new IllegalArgumentException("animation frames must have one size: " + first.getWidth() + "x"
            + first.getHeight() + " vs " + f.getWidth() + "x" + f.getHeight());
      }
    }
    if (frameDelayMs < 10) {
      throw new IllegalArgumentException("frame delay must be at least 10 ms, got " + frameDelayMs);
    }
    String ext = extension(file);
    if (!ext.equals("gif") && !ext.equals("mp4")) {
      throw new AdaFocusException(file + ": unknown animation format '" + ext
          + "'; use a file name ending in .gif or .mp4");
    }
    Path target = file.toAbsolutePath();
    Path tmp = temporaryFileNextTo(target);
    try {
      Written written = ext.equals("gif") ? writeGif(tmp, frames, frameDelayMs) : writeMp4(tmp, frames, frameDelayMs);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return new Written(file, written.codec(), written.frames(), written.note());
    } catch (IOException e) {
      throw new AdaFocusException(file + ": cannot write the animation: " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException ignored) {
        // the temporary file is already gone or its folder is unreadable; nothing more to clean
      }
    }
  }

  private static Path temporaryFileNextTo(Path target) {
    Path dir = target.getParent();
    try {
      Files.createDirectories(dir);
      String name = target.getFileName().toString();
      return Files.createTempFile(dir, "." + name + ".", ".tmp");
    } catch (IOException e) {
      throw new AdaFocusException(target + ": cannot write here: " + e.getMessage(), e);
    }
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
  }

  private static Written writeGif(Path file, List<BufferedImage> frames, int frameDelayMs) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
    if (!writers.hasNext()) {
      throw new IllegalStateException("this Java runtime has no GIF image writer");
    }
    ImageWriter writer = writers.next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.prepareWriteSequence(null);
      ImageWriteParam param = writer.getDefaultWriteParam();
      GifPalette palette = GifPalette.of(frames, PatchOverlay.BOX_COLOR.getRGB(), PatchOverlay.PATH_COLOR.getRGB());
      for (int i = 0; i < frames.size(); i++) {
        BufferedImage img = palette.index(frames.get(i));
        IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
        setGifTiming(meta, frameDelayMs, i == 0);
        writer.writeToSequence(new IIOImage(img, null, meta), param);
      }
      writer.endWriteSequence();
    } finally {
      writer.dispose();
    }
    return new Written(file, "gif", frames.size(), "");
  }

  /** Sets the frame delay and, on the first frame, the NETSCAPE2.0 extension that makes viewers loop forever. */
  private static void setGifTiming(IIOMetadata meta, int frameDelayMs, boolean first) throws IIOInvalidTreeException {
    IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(GIF_METADATA);
    IIOMetadataNode control = child(root, "GraphicControlExtension");
    control.setAttribute("disposalMethod", "none");
    control.setAttribute("userInputFlag", "FALSE");
    control.setAttribute("transparentColorFlag", "FALSE");
    control.setAttribute("delayTime", Integer.toString(Math.max(1, frameDelayMs / 10)));
    control.setAttribute("transparentColorIndex", "0");
    if (first) {
      IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
      app.setAttribute("applicationID", "NETSCAPE");
      app.setAttribute("authenticationCode", "2.0");
      app.setUserObject(new byte[] {1, 0, 0});
      child(root, "ApplicationExtensions").appendChild(app);
    }
    meta.setFromTree(GIF_METADATA, root);
  }

  private static IIOMetadataNode child(IIOMetadataNode parent, String name) {
    for (int i = 0; i < parent.getLength(); i++) {
      if (parent.item(i).getNodeName().equals(name)) {
        return (IIOMetadataNode) parent.item(i);
      }
    }
    IIOMetadataNode node = new IIOMetadataNode(name);
    parent.appendChild(node);
    return node;
  }

  private static Written writeMp4(Path file, List<BufferedImage> frames, int frameDelayMs) throws IOException {
    avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    int width = evenUp(frames.get(0).getWidth());
    int height = evenUp(frames.get(0).getHeight());
    double fps = 1000.0 / frameDelayMs;
    String codec = encoderName(avcodec.AV_CODEC_ID_H264);
    String note = "";
    FFmpegFrameRecorder recorder = codec == null ? null : startMp4(file, width, height, fps, codec);
    if (recorder == null) {
      note = "H.264 encoder " + (codec == null ? "not in this FFmpeg build" : codec + " failed to start")
          + "; wrote MPEG-4 part 2";
      codec = encoderName(avcodec.AV_CODEC_ID_MPEG4);
      recorder = codec == null ? null : startMp4(file, width, height, fps, codec);
      if (recorder == null) {
        throw new IOException("FFmpeg could start neither an H.264 nor an MPEG-4 encoder");
      }
    }
    try (FFmpegFrameRecorder r = recorder; Java2DFrameConverter converter = new Java2DFrameConverter()) {
      for (BufferedImage img : frames) {
        r.record(converter.convert(padded(img, width, height)));
      }
      r.stop();
    }
    return new Written(file, codec, frames.size(), note);
  }

  /** The name of FFmpeg's default encoder for {@code codecId}, or null when this build has none. */
  private static String encoderName(int codecId) {
    AVCodec encoder = avcodec.avcodec_find_encoder(codecId);
    return encoder == null || encoder.isNull() ? null : encoder.name().getString();
  }

  /** A started recorder using the named encoder, or null when FFmpeg cannot open it. */
  private static FFmpegFrameRecorder startMp4(Path file, int width, int height, double fps, String encoder) {
    FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(file.toFile(), width, height, 0);
    recorder.setFormat("mp4");
    recorder.setVideoCodecName(encoder);
    recorder.setPixelFormat(avutil.AV_PIX_FMT_YUV420P);
    recorder.setFrameRate(fps);
    recorder.setVideoBitrate(4_000_000);
    try {
      recorder.start();
      return recorder;
    } catch (FrameRecorder.Exception e) {
      try {
        recorder.close();
      } catch (FrameRecorder.Exception closing) {
        e.addSuppressed(closing);
      }
      return null;
    }
  }

  private static int evenUp(int n) {
    return n + (n & 1);
  }

  /** The image on a black canvas of the given (even) size, as H.264 with 4:2:0 chroma needs even sides. */
  private static BufferedImage padded(BufferedImage img, int width, int height) {
    if (img.getWidth() == width && img.getHeight() == height && img.getType() == BufferedImage.TYPE_3BYTE_BGR) {
      return img;
    }
    BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = out.createGraphics();
    g.drawImage(img, 0, 0, null);
    g.dispose();
    return out;
  }
}
