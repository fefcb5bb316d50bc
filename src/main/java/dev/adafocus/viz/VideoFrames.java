package dev.adafocus.viz;

import dev.adafocus.data.RgbFrame;
import dev.adafocus.data.VideoFileSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads every frame of a short video file (e.g. a written animation) back with the project's video reader. */
public final class VideoFrames {
  private VideoFrames() {}

  /**
   * All frames of {@code file}, in order.
   *
   * @throws dev.adafocus.VideoDecodeException naming the file when it is missing, not a video, corrupt, or has no frames
   */
  public static List<RgbFrame> readAll(Path file) {
    try (VideoFileSource source = new VideoFileSource(file)) {
      List<RgbFrame> frames = new ArrayList<>();
      for (int i = 0; i < source.frameCount(); i++) {
        frames.add(source.frame(i));
      }
      return frames;
    }
  }
}
