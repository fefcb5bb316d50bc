package dev.adafocus.data;

/**
 * One video as random-access RGB frames: a frame folder, a decoded video file or a generated clip. Implementations
 * read only the frames asked for.
 */
public interface VideoSource extends AutoCloseable {
  /** Number of frames in the video. */
  int frameCount();

  /** Frame width in pixels. */
  int width();

  /** Frame height in pixels. */
  int height();

  /** Frame {@code index} (0-based), as interleaved RGB bytes. */
  RgbFrame frame(int index);

  @Override
  default void close() {}
}
