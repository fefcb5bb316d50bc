package dev.adafocus.data;

import dev.adafocus.DataFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * A video stored as one image per frame ({@code dir/img_00001.jpg}, …). A missing or unreadable frame is an error
 * naming the frame file and the list line that announced the video; no other frame is substituted. Every frame
 * must have the size of the first.
 */
public final class FrameFolderSource implements VideoSource {
  private final Path dir;
  private final FrameTemplate template;
  private final int frameCount;
  private final Path listFile;
  private final int line;
  private int width = -1;
  private int height = -1;

  /**
   * A folder of {@code frameCount} frames; {@code listFile}/{@code line} locate the list entry for messages
   * ({@code listFile} null when the folder is used without a list).
   */
  public FrameFolderSource(Path dir, FrameTemplate template, int frameCount, Path listFile, int line) {
    if (frameCount < 1) {
      throw new IllegalArgumentException("frame count must be positive, got " + frameCount + " for " + dir);
    }
    this.dir = dir;
    this.template = template;
    this.frameCount = frameCount;
    this.listFile = listFile;
    this.line = line;
  }

  /** The folder of a list entry, under {@code root}. */
  public static FrameFolderSource of(Path root, VideoRecord r, FrameTemplate template) {
    return new FrameFolderSource(root.resolve(r.path()), template, r.numFrames(), r.listFile(), r.line());
  }

  /** Counts the frames of a folder: files 1, 2, … of the template that exist without a gap. */
  public static int countFrames(Path dir, FrameTemplate template) {
    int n = 0;
    while (Files.isRegularFile(dir.resolve(template.fileName(n)))) {
      n++;
    }
    return n;
  }

  @Override
  public int frameCount() {
    return frameCount;
  }

  @Override
  public int width() {
    readSize();
    return width;
  }

  @Override
  public int height() {
    readSize();
    return height;
  }

  @Override
  public RgbFrame frame(int index) {
    Path file = framePath(index);
    try {
      RgbFrame f = ImageFiles.read(file);
      if (index == 0 && width < 0) {
        width = f.width();
        height = f.height();
      }
      readSize();
      if (f.width() != width || f.height() != height) {
        throw error("frame file " + file + " is " + f.width() + "x" + f.height() + " but the folder's first frame "
            + framePath(0).getFileName() + " is " + width + "x" + height + "; all frames of a video must have one size");
      }
      return f;
    } catch (NoSuchFileException e) {
      throw error("frame file " + file + " is missing (the list gives " + frameCount + " frames; template "
          + template.pattern() + ")");
    } catch (IOException e) {
      throw error("cannot decode frame file " + file + ": " + e.getMessage());
    }
  }

  /** The frame-file template. */
  public FrameTemplate template() {
    return template;
  }

  /** The file holding frame {@code index} (0-based). */
  public Path framePath(int index) {
    if (index < 0 || index >= frameCount) {
      throw new IndexOutOfBoundsException("frame " + index + " of " + frameCount + " in " + dir);
    }
    return dir.resolve(template.fileName(index));
  }

  private void readSize() {
    if (width >= 0) {
      return;
    }
    Path file = framePath(0);
    try (InputStream raw = Files.newInputStream(file); ImageInputStream in = ImageIO.createImageInputStream(raw)) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw error("frame file " + file + " is not a readable image");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in);
        width = reader.getWidth(0);
        height = reader.getHeight(0);
      } finally {
        reader.dispose();
      }
    } catch (NoSuchFileException e) {
      throw error("frame file " + file + " is missing (template " + template.pattern() + ")");
    } catch (IOException e) {
      throw error("cannot read frame file " + file + ": " + e.getMessage());
    }
  }

  private DataFormatException error(String message) {
    return listFile != null ? new DataFormatException(listFile, line, message) : new DataFormatException(dir, 0, message);
  }
}
